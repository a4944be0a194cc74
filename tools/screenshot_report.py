"""Rebuild docs/report-seeds.png: ingest ../shared/seeds, write the Turkey–Russia briefing, screenshot it.

    python tools/screenshot_report.py [--height 2000]

Needs Debian's chromium (/usr/bin/chromium); runs offline. The picture shows the top of the briefing
(header, how-to-read box, summary cards and the dossier table) at 1280 pixels wide.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--height", type=int, default=2000)
    ap.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "report-seeds.png")
    args = ap.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None or not SEEDS.is_dir():
        sys.exit("needs /usr/bin/chromium and ../shared/seeds")
    with tempfile.TemporaryDirectory() as tmp:
        db, html = Path(tmp) / "seeds.db", Path(tmp) / "seeds.html"
        subprocess.run([sys.executable, "-m", "marsad", "ingest", str(SEEDS), "--db", str(db), "--no-progress"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "-m", "marsad", "report", "--db", str(db), "--dyad", "TUR", "RUS",
                        "--format", "html", "-o", str(html)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={Path(tmp) / 'profile'}", "--hide-scrollbars",
                        f"--screenshot={args.output}", f"--window-size=1280,{args.height}", html.as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{args.output} ({args.output.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
