"""Render an HTML report in headless Chromium: screenshots, and what overflows its box.

    python bench/screenshot.py                     # the seed's report → docs/report.png (1400 px wide)
    python bench/screenshot.py page.html out.png [WIDTH]
    python bench/screenshot.py --overflow page.html [WIDTH]   # elements wider than their card or page

tests/test_report.py loads this file to take its screenshots and run the overflow probe the same way.
Chromium runs offline: no network services, no first-run, a throwaway profile.  The PNG is read
back without Pillow.  The overflow probe runs through the DevTools protocol on a pipe, because
``--window-size`` below 500 px lays a page out 500 px wide for ``--dump-dom`` (screenshots are
taken at the size asked): the window is sized by ``Emulation.setDeviceMetricsOverride`` and the
probe measures every element after layout; the report itself carries no script.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

WINDOW = (1400, 1600)
PHONE = (390, 2400)
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


# ---------------------------------------------------------------- what overflows
# Every element of a card (.cards > li) must end inside the card, and nothing may reach past the
# right edge of the window (the page would scroll sideways). Boxes that scroll on purpose
# (.scroll: the wide tables) are measured as boxes, not by their content.
OVERFLOW_PROBE = """
(function () {
  var out = {width: window.innerWidth, page: document.documentElement.scrollWidth, cards: 0, overflow: []};
  function name(el) {
    var s = el.tagName.toLowerCase();
    var c = el.getAttribute("class");
    if (c) s += "." + c.trim().split(/\\s+/).join(".");
    return s + " «" + (el.textContent || "").trim().slice(0, 40) + "»";
  }
  document.querySelectorAll(".cards > li").forEach(function (card) {
    out.cards += 1;
    var box = card.getBoundingClientRect();
    if (card.scrollWidth > card.clientWidth + 1)
      out.overflow.push({card: name(card), el: "(its content scrolls)", by: card.scrollWidth - card.clientWidth});
    card.querySelectorAll("*").forEach(function (el) {
      var r = el.getBoundingClientRect();
      if (r.width && (r.right > box.right + 0.5 || r.left < box.left - 0.5))
        out.overflow.push({card: name(card), el: name(el), by: Math.round(Math.max(r.right - box.right, box.left - r.left))});
    });
  });
  document.querySelectorAll("body *").forEach(function (el) {
    if (el.closest("svg") || (el.closest(".scroll") && !el.classList.contains("scroll"))) return;
    var r = el.getBoundingClientRect();
    if (r.width && r.right > window.innerWidth + 0.5)
      out.overflow.push({card: "(window)", el: name(el), by: Math.round(r.right - window.innerWidth)});
    // text wider than its own box (a long word that does not wrap) spills out without moving the box
    if (el.clientWidth && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible")
      out.overflow.push({card: "(own box)", el: name(el), by: el.scrollWidth - el.clientWidth});
  });
  if (out.page > out.width + 1)
    out.overflow.push({card: "(window)", el: "(the page scrolls sideways)", by: out.page - out.width});
  return JSON.stringify(out);
})()
"""


class DevTools:
    """Chromium driven through the DevTools protocol on a pipe (``--remote-debugging-pipe``): no
    port, no websocket library. Chromium reads commands on its fd 3 and writes on fd 4, each
    message JSON ended by a NUL byte.
    """

    def __init__(self, timeout: float = 90) -> None:
        import os

        browser = find_chromium()
        if browser is None:
            raise FileNotFoundError("chromium is not installed (Debian: apt-get install chromium)")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="speechkit-chromium-")
        to_child, self._out = os.pipe()  # we write, Chromium reads on its fd 3
        self._in, from_child = os.pipe()  # Chromium writes on its fd 4, we read

        def child_fds() -> None:
            a, b = os.dup(to_child), os.dup(from_child)  # out of the way of 3 and 4 first
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [browser, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=child_fds)  # kept open: the close of other fds comes after preexec_fn
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._id = 0
        self.session: str | None = None

    def send(self, method: str, **params) -> dict:
        """Send one command (to the attached page, once there is one) and wait for its answer."""
        import os

        self._id += 1
        message = {"id": self._id, "method": method, "params": params}
        if self.session and not method.startswith(("Target.", "Browser.")):
            message["sessionId"] = self.session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def receive(self) -> dict:
        """The next message from Chromium (an answer or an event)."""
        import os
        import select

        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._in], [], [], self.timeout)
            chunk = os.read(self._in, 1 << 16) if ready else b""
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe or did not answer")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def wait_for(self, event: str) -> dict:
        while True:
            message = self.receive()
            if message.get("method") == event:
                return message.get("params", {})

    def open(self, url: str, width: int, height: int) -> None:
        """Lay the page out in a ``width`` × ``height`` window and load ``url``."""
        targets = self.send("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.send("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=False)
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str):
        return self.send("Runtime.evaluate", expression=expression, returnByValue=True)["result"].get("value")

    def close(self) -> None:
        import os

        try:
            self.send("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._in, self._out):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> "DevTools":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def overflow(html: Path, width: int, height: int = 1200) -> dict:
    """What sticks out of its card or the window when ``html`` is laid out ``width`` pixels wide.

    Returns ``{"width", "page", "cards", "overflow": [{"card", "el", "by"}]}``: the window's width
    as the page saw it, the page's scroll width, the number of cards, and each offending element.
    """
    with DevTools() as browser:
        browser.open(Path(html).resolve().as_uri(), width, height)
        return json.loads(browser.evaluate(OVERFLOW_PROBE))


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
    if argv[:1] == ["--overflow"]:
        width = int(argv[2]) if len(argv) > 2 else WINDOW[0]
        found = overflow(Path(argv[1]), width)
        print(json.dumps(found, ensure_ascii=False, indent=1))
        return 1 if found["overflow"] else 0
    window = WINDOW
    if len(argv) in (2, 3):
        html, png = Path(argv[0]), Path(argv[1])
        if len(argv) == 3:
            window = (int(argv[2]), PHONE[1] if int(argv[2]) < 800 else WINDOW[1])
    else:
        from speechkit import report
        from speechkit.pipeline import analyze
        from speechkit.source import read_seed

        doc = read_seed()
        html = Path(tempfile.mkdtemp(prefix="speechkit-report-")) / "report.html"
        html.write_text(report.render_page(analyze(doc.text, name=doc.name)), encoding="utf-8")
        png = root / "docs" / "report.png"
    png.parent.mkdir(parents=True, exist_ok=True)
    screenshot(html, png, window=window)
    counts = colours(png, step=4)
    print(f"{png}: {png.stat().st_size} bytes, {len(counts)} colours in a 1/16 sample")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
