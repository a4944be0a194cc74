"""The v1 record: exact fields, schema-valid, every offset slice equals its text."""

from __future__ import annotations

import jsonschema
import pytest

from marsad.contract import SCHEMA_ID, article_to_dict, load_schema, validate_record

TOP = {"schema", "id", "title", "outlet", "published", "author", "url", "lang", "source", "parent", "dossiers",
       "entities", "events", "quotes", "quantities"}


def test_record_has_exactly_the_contract_fields(article):
    rec = article_to_dict(article)
    assert set(rec) == TOP
    assert rec["schema"] == SCHEMA_ID == "marsad.article/v1"
    assert set(rec["entities"][0]) == {"id", "kind", "name_en", "name_ar", "country", "code", "mentions"}
    assert set(rec["events"][0]) == {"id", "type", "mode", "quad", "intensity", "source", "target", "date",
                                     "date_precision", "modality", "dossiers", "confidence", "evidence",
                                     "mentions", "trigger", "articles"}
    assert set(rec["quotes"][0]) == {"speaker", "cue", "text", "start", "end", "direct"}
    assert set(rec["quantities"][0]) == {"value", "unit", "what", "date", "start", "end", "text"}
    assert "text" in article_to_dict(article, include_text=True)


def test_record_validates_against_the_packaged_schema(article):
    rec = article_to_dict(article, include_text=True)
    jsonschema.Draft202012Validator.check_schema(load_schema())
    jsonschema.validate(rec, load_schema(), cls=jsonschema.Draft202012Validator)
    assert validate_record(rec) == []


def test_every_offset_points_to_its_words(article):
    rec = article_to_dict(article)
    text = article.text
    for ent in rec["entities"]:
        for s, e in ent["mentions"]:
            assert text[s:e]
    assert sorted(text[s:e] for s, e in next(x for x in rec["entities"] if x["id"] == "putin")["mentions"]) \
        == ["بوتين", "فلاديمير بوتين"]
    ev = rec["events"][0]
    for sp in [ev["evidence"], ev["trigger"], *ev["mentions"]]:
        assert text[sp["start"]:sp["end"]] == sp["text"]
    q = rec["quotes"][0]
    assert text[q["start"]:q["end"]] == q["text"] == "المحادثات كانت مفيدة"
    assert text[q["cue"]["start"]:q["cue"]["end"]] == "وقال"
    n = rec["quantities"][0]
    assert text[n["start"]:n["end"]] == n["text"] == "30 مليار دولار"


def test_values_are_carried_over(article):
    rec = article_to_dict(article)
    ev = rec["events"][0]
    assert (ev["type"], ev["mode"], ev["source"], ev["target"]) == (
        "CONSULT", "visit", {"entity": "erdogan", "code": "TUR"}, {"entity": "putin", "code": "RUS"})
    assert ev["id"] == "t1#e0"  # the store's id for an event without one
    assert rec["published"] == "2021-09-29"
    assert rec["quotes"][0]["speaker"] == {"entity": "putin", "name": "Vladimir Putin"}
    states = {e["id"]: e for e in rec["entities"] if e["kind"] == "state"}
    assert states["TUR"]["code"] == "TUR" and states["RUS"]["country"] == "RUS"


@pytest.mark.parametrize("mutate, where", [
    (lambda r: r.pop("events"), "(record)"),
    (lambda r: r["entities"][0].update(kind="country"), "entities/0/kind"),
    (lambda r: r.update(published="29/09/2021"), "published"),
    (lambda r: r["events"][0].update(modality="maybe"), "events/0/modality"),
    (lambda r: r["quotes"][0].update(extra=1), "quotes/0"),
])
def test_schema_rejects_broken_records(article, mutate, where):
    rec = article_to_dict(article)
    mutate(rec)
    errors = validate_record(rec)
    assert errors and errors[0].startswith(where)


def test_validate_record_checks_slices_when_text_is_carried(article):
    rec = article_to_dict(article, include_text=True)
    rec["quantities"][0]["start"] += 1
    errors = validate_record(rec)
    assert any(e.startswith("quantities/0") for e in errors)
