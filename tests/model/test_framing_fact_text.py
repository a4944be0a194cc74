"""Facts of the framing view read as words: type, actor names, date."""

from __future__ import annotations

from marsad.model import ModelConfig
from marsad.model.framing import fact_text


def test_symmetric_fact_in_words(make_event):
    cfg = ModelConfig.load()
    r = make_event("CONSULT", "TUR", "RUS", 4, "2021-09-29", mode="visit")
    assert fact_text([r], cfg) == "Russia and Turkey: meeting or talks (visit), 2021-09-29"
    ar = fact_text([r], cfg, lang="ar")
    assert "روسيا" in ar and "تركيا" in ar and "زيارة" in ar and "2021-09-29" in ar


def test_directed_fact_with_unnamed_target_and_modality(make_event):
    cfg = ModelConfig.load()
    r = make_event("ASSAULT", "RUS", None, -9, None, modality="future", published="2021-09-30")
    text = fact_text([r], cfg)
    assert text == "Russia → unnamed: military attack, 2021-09-30 (announced)"
    assert "?" not in text and "ASSAULT" not in text
