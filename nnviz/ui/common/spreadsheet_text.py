"""Numbers pasted from a spreadsheet (the weight editor's Ctrl+V): one block, rows by lines,
cells by tabs, semicolons, commas or spaces."""

from __future__ import annotations

import numpy as np

from nnviz.ui.common.formatting import NumberError, parse_number


def parse_tsv(text: str) -> np.ndarray:
    """A block of numbers from spreadsheet text (tabs/commas/spaces between, lines = rows).

    Raises NumberError naming the first bad cell; ragged rows are refused.
    """
    rows = [r for r in text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if r.strip()]
    out = []
    for ri, row in enumerate(rows):
        if "\t" in row:
            cells = row.split("\t")
        elif ";" in row:
            cells = row.split(";")
        else:
            cells = row.replace(",", " ").split()
        vals = []
        for ci, cell in enumerate(cells):
            try:
                vals.append(parse_number(cell))
            except NumberError:
                raise NumberError(f"row {ri + 1}, column {ci + 1}: “{cell.strip()}”") from None
        out.append(vals)
    if not out:
        raise NumberError("nothing to paste")
    if len({len(r) for r in out}) != 1:
        raise NumberError("rows have different lengths")
    return np.array(out, dtype=float)
