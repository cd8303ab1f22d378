#!/usr/bin/env python3
"""Draw the nnviz app icon: resources/icons/nnviz.svg and nnviz-<size>.png (16 … 256 px).

A 2-3-1 network on a rounded square: blue (positive) and orange (negative) edges of different
widths, neurons shaded by value — the app's own visual language.  Run from the repository root.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BLUE, ORANGE, WHITE = "#0877bd", "#f59322", "#e8eaeb"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def svg() -> str:
    inputs = [(64, 92), (64, 164)]
    hidden = [(128, 68), (128, 128), (128, 188)]
    out = (192, 128)
    edges = [(inputs[0], hidden[0], BLUE, 14), (inputs[0], hidden[1], ORANGE, 6),
             (inputs[0], hidden[2], BLUE, 4), (inputs[1], hidden[0], ORANGE, 4),
             (inputs[1], hidden[1], BLUE, 10), (inputs[1], hidden[2], BLUE, 14),
             (hidden[0], out, BLUE, 12), (hidden[1], out, ORANGE, 8), (hidden[2], out, BLUE, 12)]
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" '
             'viewBox="0 0 256 256">',
             '<rect x="8" y="8" width="240" height="240" rx="44" fill="#ffffff" '
             'stroke="#c9d3dc" stroke-width="6"/>']
    for (x1, y1), (x2, y2), col, w in edges:
        parts.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{col}" '
                     f'stroke-width="{w}" stroke-linecap="round"/>')
    fills = [BLUE, "#8dbfe0"] + [ORANGE, WHITE, BLUE] + [BLUE]
    for (x, y), f in zip(inputs + hidden + [out], fills):
        r = 22 if (x, y) == out else 19
        parts.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{f}" stroke="#3c4650" '
                     f'stroke-width="5"/>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> int:
    from PySide6.QtCore import QByteArray, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs an app)
    folder = Path(__file__).resolve().parents[1] / "resources" / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    text = svg()
    (folder / "nnviz.svg").write_text(text, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(text.encode()))
    for size in SIZES:
        img = QImage(size, size, QImage.Format_ARGB32)
        img.fill(Qt.transparent)
        qp = QPainter(img)
        qp.setRenderHint(QPainter.Antialiasing)
        renderer.render(qp)
        qp.end()
        img.save(str(folder / f"nnviz-{size}.png"))
    print(f"wrote {folder}/nnviz.svg and {len(SIZES)} PNGs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
