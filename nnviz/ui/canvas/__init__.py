"""The network diagram: Qt-free geometry (``geometry``) and the QGraphicsView (``network_view``)."""
