"""Which offices of the knowledge base have no holder on a given date (issue 3's list of states and roles).

For each state and office below, checks that some person in the knowledge base held the office on 1 July
of each sample year; prints the gaps. An office a state does not have, or whose holders are not public, is listed in
``NOT_CHECKED`` with the reason; a gap that is real (a post left vacant that day), or a holder we could not confirm, goes in
``VACANT`` with the reason. ``tests/actors/test_kb_coverage.py`` fails on any other gap.

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

#: (state, office) -> why the office is not checked: the state has no such office, or its holders are not
#: made public, or we could not confirm them
NOT_CHECKED: dict[tuple[str, str], str] = {
    ("GBR", "spokesperson"): "the prime minister's official spokesperson is an unnamed civil servant by convention",
    ("ARE", "intelligence_chief"): "no publicly named head of an intelligence service (Tahnoun bin Zayed is coded as national security adviser)",
    ("KWT", "intelligence_chief"): "the head of State Security is not publicly announced",
    ("OMN", "intelligence_chief"): "the head of the Internal Security Service is not publicly named",
    ("QAT", "intelligence_chief"): "the head of State Security is not reliably public",
    ("OMN", "spokesperson"): "no official government or foreign ministry spokesperson",
    ("SAU", "spokesperson"): "no standing government spokesperson: statements come from an 'official source' through the state news agency",
    ("BHR", "intelligence_chief"): "heads of the National Security Agency are named, but their dates are unconfirmed: not entered",
    ("BHR", "spokesperson"): "the office existed only at times (a minister of state for information around 2012-2016): not entered",
    ("KWT", "spokesperson"): "a government spokesperson exists since about 2016-17, holders and dates unconfirmed: not entered",
    ("GEO", "spokesperson"): "no government or foreign ministry spokesperson identified: not entered",
}
#: (state, office, year) -> why the post was empty on 1 July of that year, or why no holder is entered
VACANT: dict[tuple[str, str, int], str] = {
    ("DEU", "energy_minister", 2011): "no energy ministry before December 2013 (economy and environment shared it)",
    ("EGY", "head_of_state", 2011): "no president: the armed forces' supreme council ruled from February 2011 to June 2012",
    ("UKR", "intelligence_chief", 2011): "not entered: the head of military intelligence (HUR) then is unconfirmed",
    ("UKR", "intelligence_chief", 2014): "not entered: the head of military intelligence (HUR) then is unconfirmed",
    **{("ARE", "spokesperson", y): "no government or foreign ministry spokesperson before January 2024"
       for y in (2011, 2014, 2017, 2020, 2023)},
    ("QAT", "defence_minister", 2011): "no minister of state for defence before June 2013: the emir held the portfolio",
    ("QAT", "spokesperson", 2011): "no official spokesperson before about 2017",
    ("QAT", "spokesperson", 2014): "no official spokesperson before about 2017",
    **{("ARM", "energy_minister", y): "the energy ministry was merged into Territorial Administration and Infrastructure in 2019"
       for y in (2020, 2023, 2025)},
    **{("GEO", "energy_minister", y): "the energy ministry was merged into Economy and Sustainable Development in late 2017"
       for y in (2020, 2023, 2025)},
    ("AZE", "energy_minister", 2017): "vacant between Natig Aliyev's death (9 June 2017) and Parviz Shahbazov's appointment (20 October)",
    ("IRQ", "spokesperson", 2014): "vacant after Ali al-Dabbagh left in November 2012 (a media adviser did the job informally)",
    **{("SYR", "spokesperson", y): "no government, presidency or foreign ministry spokesperson after December 2012"
       for y in (2014, 2017, 2020, 2023)},
    ("SYR", "spokesperson", 2025): "no spokesperson of the transitional authorities identified: not entered",
}


def gaps(kb) -> list[tuple[str, str, int]]:
    out = []
    for state in STATES:
        for office, titles in OFFICES.items():
            if (state, office) in NOT_CHECKED:
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
