"""Names, not ids: participants of contacts and actor codes are named through the knowledge base."""

from __future__ import annotations

from types import SimpleNamespace

from marsad.model.records import EventRecord, ModelInput
from marsad.report import build_report
from marsad.types import ActorRef, Span


def _rec(i, type_, s, t, intensity, quad, date="2021-09-29", s_ent=None, t_ent=None, story=None, outlet="o"):
    text = "نص مكتوب لهذا الاختبار"
    return EventRecord(id=f"e{i}", article=f"a{i}", type=type_, quad=quad, intensity=intensity,
                       source=ActorRef(s_ent, s), target=ActorRef(t_ent, t), evidence=Span(0, len(text), text),
                       date=date, date_precision="day", outlet=outlet, published=date, story=story,
                       dossiers=("syria",))


def _input():
    return ModelInput(events=[
        _rec(1, "CONSULT", "TUR", "RUS", 4, "verbal_coop", s_ent="person.erdogan_recep_tayyip",
             t_ent="person.putin_vladimir"),
        _rec(2, "ACCUSE", "RUS", "SRB", -3, "verbal_conflict"),
    ])


class _KB:
    def __init__(self):
        self.names = {"person.erdogan_recep_tayyip": ("Recep Tayyip Erdogan", "رجب طيب أردوغان"),
                      "person.putin_vladimir": ("Vladimir Putin", "فلاديمير بوتين")}

    def get(self, entity):
        n = self.names.get(entity)
        return None if n is None else SimpleNamespace(name_en=n[0], name_ar=n[1])

    def code_entry(self, code):
        return SimpleNamespace(name_en="Serbia", name_ar="صربيا") if code == "SRB" else None


def test_participants_named_from_the_kb():
    c = build_report(_input(), dyad=("TUR", "RUS"), kb=_KB()).content
    (contact,) = c["contacts"]
    assert sorted(contact["participants"]) == sorted(["رجب طيب أردوغان", "فلاديمير بوتين"])


def test_without_a_kb_no_raw_ids():
    c = build_report(_input(), dyad=("TUR", "RUS"), kb=False).content
    (contact,) = c["contacts"]
    assert all(not p.startswith("person.") for p in contact["participants"])
    assert "putin vladimir" in contact["participants"]


def test_the_shipped_kb_is_used_by_default():
    """Serbia is not labelled in model.yaml: its name comes from the knowledge base."""
    c = build_report(_input(), dyad=("TUR", "RUS")).content
    names = {n["code"]: n["name"]["en"] for n in c["network"]["nodes"]}
    assert names["SRB"] == "Serbia"
    (contact,) = c["contacts"]
    assert any("بوتين" in p for p in contact["participants"])
