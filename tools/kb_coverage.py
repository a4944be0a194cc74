"""Which offices of the knowledge base have no holder on a given date (issue 3's list of states and roles).

For each state and office below, checks that some person in the knowledge base held the office on 1 July
of each sample year; prints the gaps. An office a state does not have (a monarchy's president, Germany's
prime minister) is listed in ``NOT_AN_OFFICE`` with the reason; a gap that is real (a post left vacant
that day) goes in ``VACANT`` with the reason. ``tests/actors/test_kb_coverage.py`` fails on any other gap.

    python tools/kb_coverage.py            # the gaps, one line per state and office
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

STATES = ("TUR", "RUS", "USA", "UKR", "SYR", "IRN", "ISR", "SAU", "ARE", "QAT", "KWT", "BHR", "OMN", "EGY", "IRQ",
          "AZE", "ARM", "GEO", "FRA", "DEU", "GBR")
#: office -> the titles that fill it (a head of state is a president, king, emir, sultan ...)
OFFICES = {
    "head_of_state": ("president", "king", "emir", "sultan"),
    "head_of_government": ("prime_minister", "chancellor", "president", "king", "sultan", "crown_prince"),
    "foreign_minister": ("foreign_minister",),
    "defence_minister": ("defence_minister",),
    "energy_minister": ("energy_minister",),
    "spokesperson": ("spokesperson", "foreign_ministry_spokesperson"),
    "intelligence_chief": ("intelligence_chief",),
}
YEARS = (2011, 2014, 2017, 2020, 2023, 2025)

#: (state, office) -> why the state has no such office
NOT_AN_OFFICE: dict[tuple[str, str], str] = {}
#: (state, office, year) -> why the post was empty on 1 July of that year
VACANT: dict[tuple[str, str, int], str] = {}


def gaps(kb) -> list[tuple[str, str, int]]:
    out = []
    for state in STATES:
        for office, titles in OFFICES.items():
            if (state, office) in NOT_AN_OFFICE:
                continue
            for year in YEARS:
                if (state, office, year) in VACANT:
                    continue
                day = dt.date(year, 7, 1)
                if not any(kb.holders(t, state, day) for t in titles):
                    out.append((state, office, year))
    return out


def main() -> None:
    from marsad.actors.kb import KnowledgeBase

    found = gaps(KnowledgeBase.load())
    by: dict[tuple[str, str], list[int]] = {}
    for state, office, year in found:
        by.setdefault((state, office), []).append(year)
    for (state, office), years in sorted(by.items()):
        print(f"{state} {office}: no holder on 1 July {', '.join(map(str, years))}")
    print(f"{len(found)} gaps")


if __name__ == "__main__":
    main()
