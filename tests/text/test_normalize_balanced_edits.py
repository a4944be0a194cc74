"""Offsets stay right when a ligature's expansion makes up for deleted marks (same length overall)."""

from marsad.text.normalize import Normalizer


def test_normalize_maps_offsets_when_expansion_and_deletions_balance():
    # U+FDF2 expands to four letters (+3); two tanween marks and one tatweel are deleted (-3)
    text = "كتبً \uFDF2 ـقالً موسكو"
    norm = Normalizer().normalize(text)
    assert len(norm.base) == len(text)  # the case where lengths alone say "nothing changed"
    start = norm.base.index("موسكو")
    assert norm.to_original(start, start + 5) == (text.index("موسكو"), len(text))
    q = norm.base.index("قال")
    s, e = norm.to_original(q, q + 3)
    assert text[s:e] == "قالً"  # the tanween attached to the last letter comes along
