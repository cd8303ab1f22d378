#!/bin/sh
# nnviz launcher (Debian package): the app lives in /opt/nnviz.
# No arguments open the window; `nnviz train|eval|presets|data ...` runs the command line.
exec /opt/nnviz/nnviz "$@"
