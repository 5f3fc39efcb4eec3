"""Render an HTML report in headless Chromium and read the screenshot back, without Pillow.

    python bench/screenshot.py                 # the seed's report → docs/report.png
    python bench/screenshot.py page.html out.png

tests/test_report.py loads this file to take its screenshot the same way.
Chromium runs offline: no network services, no first-run, a throwaway profile.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

WINDOW = (1200, 1600)
CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")


def find_chromium() -> str | None:
    for c in CANDIDATES:
        path = c if Path(c).is_file() else shutil.which(c)
        if path:
            return path
    return None


def screenshot(html: Path, png: Path, *, window: tuple[int, int] = WINDOW, timeout: float = 90) -> None:
    """Chromium's picture of ``html`` at ``window`` size, written to ``png``."""
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("chromium is not installed (Debian: apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="speechkit-chromium-") as profile:
        cmd = [browser, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={Path(png).resolve()}",
               f"--window-size={window[0]},{window[1]}", Path(html).resolve().as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if not Path(png).is_file() or Path(png).stat().st_size == 0:
        raise RuntimeError(f"chromium wrote no screenshot (exit {done.returncode}): {done.stderr[-800:]}")


# ---------------------------------------------------------------- a small PNG reader
def read_png(path: Path) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit RGB(A) PNG."""
    data = Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError(f"{path}: no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA non-interlaced PNGs (got {depth}-bit type {colour})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, prev = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(kind, line, prev, bpp)
        prev = bytes(line)
        rows.append(prev)
    return width, height, bpp, rows


def _unfilter(kind: int, line: bytearray, prev: bytes, bpp: int) -> None:
    n = len(line)
    if kind == 0:
        return
    if kind == 1:  # Sub
        for i in range(bpp, n):
            line[i] = (line[i] + line[i - bpp]) & 0xFF
    elif kind == 2:  # Up
        for i in range(n):
            line[i] = (line[i] + prev[i]) & 0xFF
    elif kind == 3:  # Average
        for i in range(n):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
    elif kind == 4:  # Paeth
        for i in range(n):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + pred) & 0xFF
    else:
        raise ValueError(f"unknown PNG filter {kind}")


def colours(path: Path, step: int = 1) -> Counter:
    """How many pixels of each RGB colour (every ``step``-th pixel of every ``step``-th row)."""
    width, height, bpp, rows = read_png(path)
    out: Counter = Counter()
    for row in rows[::step]:
        for x in range(0, width * bpp, bpp * step):
            out[row[x : x + 3]] += 1
    return Counter({"#" + k.hex(): v for k, v in out.items()})


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    if len(argv) == 2:
        html, png = Path(argv[0]), Path(argv[1])
    else:
        from speechkit import report
        from speechkit.pipeline import analyze
        from speechkit.source import read_seed

        doc = read_seed()
        html = Path(tempfile.mkdtemp(prefix="speechkit-report-")) / "report.html"
        html.write_text(report.render_page(analyze(doc.text, name=doc.name)), encoding="utf-8")
        png = root / "docs" / "report.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    screenshot(html, png)
    counts = colours(png, step=4)
    print(f"{png}: {png.stat().st_size} bytes, {len(counts)} colours in a 1/16 sample")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
