"""article_from_dict reads back what article_to_dict wrote."""

from __future__ import annotations

import json

import pytest

from marsad.contract import article_from_dict, article_to_dict, validate_record
from marsad.errors import InputError


def test_round_trip_with_text(article):
    rec = article_to_dict(article, include_text=True)
    back = article_from_dict(json.loads(json.dumps(rec, ensure_ascii=False)))
    assert back.text == article.text
    assert article_to_dict(back, include_text=True) == rec
    assert back.events[0].source.code == "TUR" and back.quotes[0].cue.text == "وقال"


def test_round_trip_without_text_uses_a_stand_in(article):
    rec = article_to_dict(article)
    back = article_from_dict(rec)
    # the stand-in keeps every reported span in place
    ev = rec["events"][0]["evidence"]
    assert back.text[ev["start"]:ev["end"]] == ev["text"]
    assert article_to_dict(back) == rec


def test_round_trip_with_given_text(article):
    rec = article_to_dict(article)
    back = article_from_dict(rec, text=article.text)
    assert back.entities["putin"].mentions[0].text == "فلاديمير بوتين"
    assert validate_record(article_to_dict(back)) == []


def test_not_a_v1_record_is_an_input_error():
    with pytest.raises(InputError):
        article_from_dict({"schema": "other/v9", "id": "x"})
    with pytest.raises(InputError):
        article_from_dict({"schema": "marsad.article/v1", "id": "x", "events": [{"type": "AGREE"}]})
