#!/usr/bin/env python3
"""Generate src/marsad/actors/data/states.yaml.

Skeleton: the ISO 3166 table below (193 UN members + Palestine, the Holy See,
Kosovo and Taiwan) with Arabic short names taken from Babel/CLDR
(``babel.Locale('ar').territories``).  Curation: tools/states_overlay.yaml,
keyed by ISO3, overrides/extends each entry (press variants, adjectives,
capital, seats, notes).

Overlay shorthand: ``adj: تركي`` expands to ``adjectives: {m: [تركي], f: [تركية]}``
(single-word masculine + ta marbuta); ``pl: [...]`` adds plural forms.
A full ``adjectives`` mapping is used as written.

Rerun after editing the overlay:

    python tools/gen_states.py            # writes the data file
    python tools/gen_states.py --check    # exit 1 if the data file is stale
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[1]
OVERLAY = ROOT / "tools" / "states_overlay.yaml"
OUT = ROOT / "src" / "marsad" / "actors" / "data" / "states.yaml"

# alpha-2, alpha-3, English short name.  XK/XKX (Kosovo) is a user-assigned
# code in ISO 3166 but is the one used by the EU, IMF and CLDR.
ISO_TABLE = """\
AF AFG Afghanistan
AL ALB Albania
DZ DZA Algeria
AD AND Andorra
AO AGO Angola
AG ATG Antigua and Barbuda
AR ARG Argentina
AM ARM Armenia
AU AUS Australia
AT AUT Austria
AZ AZE Azerbaijan
BS BHS Bahamas
BH BHR Bahrain
BD BGD Bangladesh
BB BRB Barbados
BY BLR Belarus
BE BEL Belgium
BZ BLZ Belize
BJ BEN Benin
BT BTN Bhutan
BO BOL Bolivia
BA BIH Bosnia and Herzegovina
BW BWA Botswana
BR BRA Brazil
BN BRN Brunei
BG BGR Bulgaria
BF BFA Burkina Faso
BI BDI Burundi
CV CPV Cabo Verde
KH KHM Cambodia
CM CMR Cameroon
CA CAN Canada
CF CAF Central African Republic
TD TCD Chad
CL CHL Chile
CN CHN China
CO COL Colombia
KM COM Comoros
CG COG Republic of the Congo
CD COD Democratic Republic of the Congo
CR CRI Costa Rica
CI CIV Côte d'Ivoire
HR HRV Croatia
CU CUB Cuba
CY CYP Cyprus
CZ CZE Czechia
DK DNK Denmark
DJ DJI Djibouti
DM DMA Dominica
DO DOM Dominican Republic
EC ECU Ecuador
EG EGY Egypt
SV SLV El Salvador
GQ GNQ Equatorial Guinea
ER ERI Eritrea
EE EST Estonia
SZ SWZ Eswatini
ET ETH Ethiopia
FJ FJI Fiji
FI FIN Finland
FR FRA France
GA GAB Gabon
GM GMB Gambia
GE GEO Georgia
DE DEU Germany
GH GHA Ghana
GR GRC Greece
GD GRD Grenada
GT GTM Guatemala
GN GIN Guinea
GW GNB Guinea-Bissau
GY GUY Guyana
HT HTI Haiti
HN HND Honduras
HU HUN Hungary
IS ISL Iceland
IN IND India
ID IDN Indonesia
IR IRN Iran
IQ IRQ Iraq
IE IRL Ireland
IL ISR Israel
IT ITA Italy
JM JAM Jamaica
JP JPN Japan
JO JOR Jordan
KZ KAZ Kazakhstan
KE KEN Kenya
KI KIR Kiribati
KP PRK North Korea
KR KOR South Korea
KW KWT Kuwait
KG KGZ Kyrgyzstan
LA LAO Laos
LV LVA Latvia
LB LBN Lebanon
LS LSO Lesotho
LR LBR Liberia
LY LBY Libya
LI LIE Liechtenstein
LT LTU Lithuania
LU LUX Luxembourg
MG MDG Madagascar
MW MWI Malawi
MY MYS Malaysia
MV MDV Maldives
ML MLI Mali
MT MLT Malta
MH MHL Marshall Islands
MR MRT Mauritania
MU MUS Mauritius
MX MEX Mexico
FM FSM Micronesia
MD MDA Moldova
MC MCO Monaco
MN MNG Mongolia
ME MNE Montenegro
MA MAR Morocco
MZ MOZ Mozambique
MM MMR Myanmar
NA NAM Namibia
NR NRU Nauru
NP NPL Nepal
NL NLD Netherlands
NZ NZL New Zealand
NI NIC Nicaragua
NE NER Niger
NG NGA Nigeria
MK MKD North Macedonia
NO NOR Norway
OM OMN Oman
PK PAK Pakistan
PW PLW Palau
PA PAN Panama
PG PNG Papua New Guinea
PY PRY Paraguay
PE PER Peru
PH PHL Philippines
PL POL Poland
PT PRT Portugal
QA QAT Qatar
RO ROU Romania
RU RUS Russia
RW RWA Rwanda
KN KNA Saint Kitts and Nevis
LC LCA Saint Lucia
VC VCT Saint Vincent and the Grenadines
WS WSM Samoa
SM SMR San Marino
ST STP Sao Tome and Principe
SA SAU Saudi Arabia
SN SEN Senegal
RS SRB Serbia
SC SYC Seychelles
SL SLE Sierra Leone
SG SGP Singapore
SK SVK Slovakia
SI SVN Slovenia
SB SLB Solomon Islands
SO SOM Somalia
ZA ZAF South Africa
SS SSD South Sudan
ES ESP Spain
LK LKA Sri Lanka
SD SDN Sudan
SR SUR Suriname
SE SWE Sweden
CH CHE Switzerland
SY SYR Syria
TJ TJK Tajikistan
TZ TZA Tanzania
TH THA Thailand
TL TLS Timor-Leste
TG TGO Togo
TO TON Tonga
TT TTO Trinidad and Tobago
TN TUN Tunisia
TR TUR Turkey
TM TKM Turkmenistan
TV TUV Tuvalu
UG UGA Uganda
UA UKR Ukraine
AE ARE United Arab Emirates
GB GBR United Kingdom
US USA United States
UY URY Uruguay
UZ UZB Uzbekistan
VU VUT Vanuatu
VE VEN Venezuela
VN VNM Vietnam
YE YEM Yemen
ZM ZMB Zambia
ZW ZWE Zimbabwe
PS PSE Palestine
VA VAT Holy See
XK XKX Kosovo
TW TWN Taiwan
"""

ALLOWED_KEYS = {
    "name_ar", "name_en", "variants", "en_variants", "adj", "pl", "adjectives",
    "capital", "capital_en", "seats", "note", "rivals",
}
FIELD_ORDER = [
    "id", "kind", "name_en", "name_ar", "variants", "en_variants", "country",
    "code", "adjectives", "capital", "capital_en", "seats", "note", "rivals",
]


class GenerationError(Exception):
    """The overlay is inconsistent with the ISO table."""


def iso_rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in ISO_TABLE.strip().splitlines():
        a2, a3, en = line.split(" ", 2)
        rows.append((a2, a3, en.strip()))
    return rows


_DIACRITICS = dict.fromkeys(range(0x064B, 0x0653), None)
_DIACRITICS[0x0640] = None  # tatweel


def _fold(text: str) -> str:
    """Crude fold used only to avoid listing Babel's name twice."""
    return text.translate(_DIACRITICS)


def _adjectives(iso3: str, cur: dict) -> dict:
    if "adjectives" in cur:
        adj = {k: list(v or []) for k, v in cur["adjectives"].items()}
    elif "adj" in cur:
        m = cur["adj"]
        if " " in m:
            raise GenerationError(f"{iso3}: multi-word adj needs a full adjectives mapping")
        adj = {"m": [m], "f": [m + "ة"]}
    else:
        raise GenerationError(f"{iso3}: no adjectives in overlay")
    if "pl" in cur:
        adj["pl"] = list(cur["pl"])
    adj.setdefault("pl", [])
    if "m" not in adj or "f" not in adj:
        raise GenerationError(f"{iso3}: adjectives need m and f lists")
    if (not adj["m"] or not adj["f"]) and not cur.get("note"):
        raise GenerationError(f"{iso3}: empty adjectives must be explained in a note")
    return {"m": adj["m"], "f": adj["f"], "pl": adj["pl"]}


def build(overlay: dict) -> list[dict]:
    territories = Locale("ar").territories
    rows = iso_rows()
    known = {a3 for _, a3, _ in rows}
    unknown = set(overlay) - known
    if unknown:
        raise GenerationError(f"overlay keys not in ISO table: {sorted(unknown)}")
    entries = []
    for a2, a3, en in rows:
        cur = overlay.get(a3) or {}
        bad = set(cur) - ALLOWED_KEYS
        if bad:
            raise GenerationError(f"{a3}: unknown overlay keys {sorted(bad)}")
        babel_name = territories.get(a2)
        name_ar = cur.get("name_ar", babel_name)
        if not name_ar:
            raise GenerationError(f"{a3}: no Arabic name in Babel or overlay")
        variants = list(cur.get("variants", []))
        # keep Babel's name as a variant when the overlay overrides it
        seen = {_fold(v) for v in [name_ar, *variants]}
        if babel_name and _fold(babel_name) not in seen \
                and "(" not in babel_name and " - " not in babel_name:
            variants.append(babel_name)
        if not cur.get("capital"):
            raise GenerationError(f"{a3}: no capital in overlay")
        if not cur.get("capital_en"):
            raise GenerationError(f"{a3}: no English name of the capital (capital_en) in overlay")
        entry = {
            "id": a3,
            "kind": "state",
            "name_en": cur.get("name_en", en),
            "name_ar": name_ar,
            "variants": variants,
            "en_variants": list(cur.get("en_variants", [])),
            "country": a3,
            "code": a3,
            "adjectives": _adjectives(a3, cur),
            "capital": cur["capital"],
            "capital_en": cur["capital_en"],
            "seats": list(cur.get("seats", [])),
        }
        if cur.get("note"):
            entry["note"] = cur["note"]
        if cur.get("rivals"):  # rival camps of one conflict (see actors/data/README.md)
            entry["rivals"] = list(cur["rivals"])
        if not entry["en_variants"]:
            del entry["en_variants"]
        entries.append({k: entry[k] for k in FIELD_ORDER if k in entry})
    return entries


def render(entries: list[dict]) -> str:
    head = (
        "# GENERATED by tools/gen_states.py from Babel (CLDR) Arabic names and\n"
        "# tools/states_overlay.yaml. Edit the overlay and rerun; do not edit by hand.\n"
        f"# {len(entries)} states: 193 UN members + Palestine, Holy See, Kosovo, Taiwan.\n"
    )
    parts = [head]
    for e in entries:
        parts.append(yaml.safe_dump([e], allow_unicode=True, sort_keys=False,
                                    default_flow_style=None, width=1000))
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if the output is stale")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    overlay = yaml.safe_load(OVERLAY.read_text(encoding="utf-8")) or {}
    text = render(build(overlay))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is stale: rerun tools/gen_states.py", file=sys.stderr)
            return 1
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines())} lines to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
