"""The HTML briefing in headless Chromium: renders, no console errors, Arabic right to left, charts drawn.

Needs Debian's ``chromium`` (CI installs it in .ci/run); skipped with a reason when it is absent.
A copy of the page gets two small probe scripts (the report itself has none): one at the top of
<head> that logs any resource that fails to load, one at the end of <body> that writes the
computed direction of every Arabic element and the size of every chart mark into data
attributes, read back from ``--dump-dom``. Screenshots are written to $MARSAD_REPORT_SHOTS when
set (to look at them), else to the test's temporary folder.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from marsad.report import render

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def _chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed (apt-get install chromium; "
                                                          "CI installs it in .ci/run)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]

HEAD_PROBE = """<script>window.addEventListener("error", function (e) {
  var t = e.target || {}; console.error("resource-error " + (t.src || t.href || e.message));
}, true);</script>"""

BODY_PROBE = """<script>(function () {
  var b = document.body, bad = [], n = 0;
  document.querySelectorAll('[lang="ar"]').forEach(function (el) {
    n++; var d = getComputedStyle(el).direction; if (d !== "rtl") bad.push(el.tagName + ":" + d);
  });
  b.setAttribute("data-ar-elements", String(n));
  b.setAttribute("data-ar-not-rtl", bad.slice(0, 10).join("|"));
  var marks = document.querySelectorAll("svg .mark"), drawn = 0;
  marks.forEach(function (m) { var r = m.getBoundingClientRect(); if (r.width > 0 || r.height > 0) drawn++; });
  b.setAttribute("data-marks", String(marks.length));
  b.setAttribute("data-marks-drawn", String(drawn));
  b.setAttribute("data-overflow", String(document.documentElement.scrollWidth - window.innerWidth));
  var missing = [];
  document.querySelectorAll('a[href^="#"]').forEach(function (a) {
    if (!document.getElementById(a.getAttribute("href").slice(1))) missing.push(a.getAttribute("href"));
  });
  b.setAttribute("data-missing-targets", String(missing.length));
})();</script>"""


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    except subprocess.TimeoutExpired:  # pragma: no cover - a hung browser is an environment problem
        pytest.skip("headless Chromium did not finish within 180 s")


def console_messages(stderr: str) -> list[str]:
    """The page's console messages from Chromium's stderr log."""
    return re.findall(r":CONSOLE[:(]\d*\)?\] \"(.*?)\", source:", stderr)


def _probe(html: str) -> str:
    html = html.replace("<head>", "<head>" + HEAD_PROBE, 1)
    return html.replace("</body>", BODY_PROBE + "</body>", 1)


def _attrs(dom: str) -> dict[str, str]:
    body = re.search(r"<body([^>]*)>", dom)
    assert body, dom[:500]
    return dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', body.group(1)))


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    out = os.environ.get("MARSAD_REPORT_SHOTS")
    path = Path(out) if out else tmp_path_factory.mktemp("shots")
    path.mkdir(parents=True, exist_ok=True)
    return path


def test_console_log_parsing_sees_errors(tmp_path):
    """The check below can fail: a page that logs an error is seen as doing so."""
    page = tmp_path / "probe.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head></head><body><p>x</p>'
                    '<script>console.error("probe-message")</script></body></html>', encoding="utf-8")
    r = _run(["--dump-dom", page.as_uri()], tmp_path / "profile")
    assert "probe-message" in console_messages(r.stderr)


@pytest.mark.parametrize("which", ["rich", "empty"])
def test_report_renders_in_chromium(which, rich_articles_report, empty_report, tmp_path, shots):
    report = rich_articles_report if which == "rich" else empty_report
    html = render(report, "html")
    page = tmp_path / f"{which}.html"
    page.write_text(html, encoding="utf-8")
    probed = tmp_path / f"{which}-probed.html"
    probed.write_text(_probe(html), encoding="utf-8")

    # screenshot of the page as the analyst gets it
    png = shots / f"report-{which}.png"
    r = _run([f"--screenshot={png}", "--window-size=1280,4000", page.as_uri()], tmp_path / "p1")
    assert png.exists() and png.stat().st_size > 20_000, r.stderr[-2000:]
    assert _png_size(png) == (1280, 4000)
    assert console_messages(r.stderr) == []

    # the DOM after layout, with the probes' findings
    r = _run(["--window-size=1280,4000", "--dump-dom", probed.as_uri()], tmp_path / "p2")
    assert console_messages(r.stderr) == [], "console errors (or resources that failed to load)"
    a = _attrs(r.stdout)
    assert int(a["data-ar-elements"]) > 5
    assert a["data-ar-not-rtl"] == "", "Arabic elements not laid out right to left"
    assert int(a["data-missing-targets"]) == 0, "links to anchors that do not exist"
    assert int(a["data-overflow"]) <= 0, "the page is wider than the window"
    marks, drawn = int(a["data-marks"]), int(a["data-marks-drawn"])
    assert drawn == marks
    if which == "rich":
        c = report.content
        cells = sum(1 for row in c["heatmap"]["rows"] for cell in row["cells"] if cell)
        points = sum(1 for s in c["balance"] for p in s["points"] if p["balance"] is not None)
        expected = (cells + points + len([x for x in c["contacts"] if x["date"]])
                    + len(c["network"]["nodes"]) + len(c["network"]["edges"])
                    + sum(len(p["reports"]) for f in c["figures"] for p in f["points"] if p["date"]))
        assert marks == expected > 30
    else:
        assert marks == 0
