"""The ``marsad.article/v1`` record: what marsad publishes about one article.

:func:`article_to_dict` turns an :class:`~marsad.types.Article` into the JSON-ready record that
``marsad extract`` and ``marsad export --format jsonl`` write, one per line. The record is
described by the JSON Schema shipped in ``marsad/schemas/article.v1.json`` (:func:`load_schema`,
:func:`validate_record`).

Every offset is a character index into the article's original text (``Article.text``, a Python
``str`` index, end exclusive) and every ``text`` field equals the slice it points to. The
function checks this for each item: an item that cannot point to its words is not reported. It
is dropped, and a note saying what was dropped and why goes to the ``dropped`` list the caller
passes (and to the ``marsad.contract`` logger).

:func:`article_from_dict` reads a record back into an :class:`Article`, so
``article_to_dict(article_from_dict(record)) == record``.
"""

from __future__ import annotations

import json
import logging
import re
from functools import lru_cache
from importlib import resources as importlib_resources

from marsad.errors import InputError
from marsad.types import ActorRef, Article, Entity, Event, Mention, Quantity, Quote, Span, Stance

SCHEMA_ID = "marsad.article/v1"
log = logging.getLogger("marsad.contract")

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


def load_schema() -> dict:
    """The JSON Schema (draft 2020-12) of a ``marsad.article/v1`` record, read from the package."""
    return json.loads(_schema_text())


@lru_cache(maxsize=1)
def _schema_text() -> str:
    return (importlib_resources.files("marsad.schemas") / "article.v1.json").read_text(encoding="utf-8")


def validate_record(record: dict) -> list[str]:
    """The schema violations of ``record``, as readable strings (empty when it is valid).

    When the record carries its ``text``, every span is also checked against its slice."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(load_schema())
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '(record)'}: {e.message}"
              for e in sorted(validator.iter_errors(record), key=lambda e: list(map(str, e.absolute_path)))]
    text = record.get("text")
    if isinstance(text, str) and not errors:
        errors.extend(f"{where}: slice [{s}:{e}] is not {t!r}" for where, s, e, t in _spans(record)
                      if text[s:e] != t)
    return errors


def _spans(record: dict):
    """(where, start, end, text) of every span of a record that carries its text."""
    for i, ev in enumerate(record.get("events") or []):
        yield f"events/{i}/evidence", ev["evidence"]["start"], ev["evidence"]["end"], ev["evidence"]["text"]
        for j, m in enumerate(ev.get("mentions") or []):
            yield f"events/{i}/mentions/{j}", m["start"], m["end"], m["text"]
        if ev.get("trigger"):
            t = ev["trigger"]
            yield f"events/{i}/trigger", t["start"], t["end"], t["text"]
    for i, q in enumerate(record.get("quotes") or []):
        yield f"quotes/{i}", q["start"], q["end"], q["text"]
        if q.get("cue"):
            yield f"quotes/{i}/cue", q["cue"]["start"], q["cue"]["end"], q["cue"]["text"]
    for i, q in enumerate(record.get("quantities") or []):
        yield f"quantities/{i}", q["start"], q["end"], q["text"]
    for i, st in enumerate(record.get("stances") or []):
        yield f"stances/{i}/evidence", st["evidence"]["start"], st["evidence"]["end"], st["evidence"]["text"]
        if st.get("cue"):
            yield f"stances/{i}/cue", st["cue"]["start"], st["cue"]["end"], st["cue"]["text"]


# ---------------------------------------------------------------------------------- writing
class _Checker:
    """Checks spans against the article's text and records what is dropped."""

    def __init__(self, article: Article, dropped: list[str] | None):
        self.text = article.text
        self.article_id = article.id
        self.dropped = dropped

    def ok(self, start: int, end: int, text: str | None = None) -> bool:
        if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(self.text):
            return False
        return text is None or self.text[start:end] == text

    def span(self, s: Span | None) -> bool:
        return s is not None and self.ok(s.start, s.end, s.text)

    def drop(self, what: str, why: str) -> None:
        note = f"{self.article_id}: {what} not reported: {why}"
        log.info(note)
        if self.dropped is not None:
            self.dropped.append(note)


def _span(s: Span) -> dict:
    return {"start": s.start, "end": s.end, "text": s.text}


def _actor(a: ActorRef | None) -> dict | None:
    if a is None:
        return None
    d = {"entity": a.entity, "code": a.code}
    if a.agent is not None:  # generic actors only: records without agents keep their v1 shape
        d["agent"] = a.agent
    return d


def _entities(article: Article, chk: _Checker) -> list[dict]:
    # an entity's mentions are those on the entity and those of the article that name it
    by_entity: dict[str, dict[tuple[int, int], Mention]] = {}
    for m in article.mentions:
        by_entity.setdefault(m.entity, {})[(m.start, m.end)] = m
    out = []
    for e in article.entities.values():
        ms = dict(by_entity.get(e.id, {}))
        for m in e.mentions:
            ms.setdefault((m.start, m.end), m)
        good = []
        for (s, end), m in sorted(ms.items()):
            if chk.ok(s, end, m.text):
                good.append([s, end])
            else:
                chk.drop(f"mention [{s}:{end}] of entity {e.id}", f"its text {m.text!r} is not the slice")
        if not good:
            chk.drop(f"entity {e.id}", "no mention points to its words")
            continue
        country = e.country if e.country and _ISO3.match(e.country) else None
        out.append({"id": e.id, "kind": e.kind, "name_en": e.name_en, "name_ar": e.name_ar, "country": country,
                    "code": e.code, "mentions": good})
    return out


def _event_id(article: Article, ev: Event, seq: int) -> str:
    return ev.id or f"{article.id}#e{seq}"


def _events(article: Article, chk: _Checker) -> list[dict]:
    out = []
    for seq, ev in enumerate(article.events):
        eid = _event_id(article, ev, seq)
        if not chk.span(ev.evidence):
            chk.drop(f"event {eid} ({ev.type})", "its evidence does not point to its words")
            continue
        mentions = []
        for m in ev.mentions or [ev.evidence]:
            if chk.span(m):
                if (m.start, m.end) not in {(x["start"], x["end"]) for x in mentions}:
                    mentions.append(_span(m))
            else:
                chk.drop(f"mention [{m.start}:{m.end}] of event {eid}", "its text is not the slice")
        if (ev.evidence.start, ev.evidence.end) not in {(x["start"], x["end"]) for x in mentions}:
            mentions.insert(0, _span(ev.evidence))
        trigger = None
        if ev.trigger is not None:
            if chk.span(ev.trigger):
                trigger = _span(ev.trigger)
            else:
                chk.drop(f"trigger of event {eid}", "its text is not the slice")
        date = ev.date if ev.date and _PARTIAL.match(ev.date) else None
        if ev.date and date is None:
            chk.drop(f"date {ev.date!r} of event {eid}", "not YYYY-MM-DD, YYYY-MM or YYYY")
        out.append({
            "id": eid, "type": ev.type, "mode": ev.mode, "quad": ev.quad, "intensity": ev.intensity,
            "source": _actor(ev.source), "target": _actor(ev.target), "date": date,
            "date_precision": ev.date_precision if date else None, "modality": ev.modality,
            "dossiers": list(dict.fromkeys(ev.dossiers)), "confidence": ev.confidence,
            "evidence": _span(ev.evidence), "mentions": mentions, "trigger": trigger,
            "articles": list(dict.fromkeys(a for a in ev.articles if a != article.id)),
        })
    return out


def _quotes(article: Article, chk: _Checker) -> list[dict]:
    out = []
    for i, q in enumerate(article.quotes):
        if not chk.ok(q.start, q.end, q.text):
            chk.drop(f"quote {i} [{q.start}:{q.end}]", "its text is not the slice")
            continue
        if q.cue is not None and not chk.span(q.cue):
            chk.drop(f"quote {i} [{q.start}:{q.end}]", "its cue does not point to its words")
            continue
        out.append({"speaker": {"entity": q.speaker_entity, "name": q.speaker_name},
                    "cue": _span(q.cue) if q.cue is not None else None,
                    "text": q.text, "start": q.start, "end": q.end, "direct": q.direct})
    return out


def _quantities(article: Article, chk: _Checker) -> list[dict]:
    out = []
    for i, q in enumerate(article.quantities):
        if not chk.ok(q.start, q.end, q.text):
            chk.drop(f"quantity {i} [{q.start}:{q.end}]", "its text is not the slice")
            continue
        date = q.date if q.date and _PARTIAL.match(str(q.date)) else None
        out.append({"value": q.value, "unit": q.unit, "what": q.what, "date": date,
                    "start": q.start, "end": q.end, "text": q.text})
    return out


def _stances(article: Article, chk: _Checker) -> list[dict]:
    out = []
    for i, st in enumerate(article.stances):
        if not chk.span(st.evidence) or (st.cue is not None and not chk.span(st.cue)):
            chk.drop(f"stance {i} [{st.evidence.start}:{st.evidence.end}]", "its text is not the slice")
            continue
        out.append({"a": st.a, "b": st.b, "stance": st.stance, "dossiers": list(dict.fromkeys(st.dossiers)),
                    "modality": st.modality, "evidence": _span(st.evidence),
                    "cue": _span(st.cue) if st.cue is not None else None})
    return out


def article_to_dict(article: Article, dropped: list[str] | None = None, *, include_text: bool = False) -> dict:
    """The ``marsad.article/v1`` record of ``article``.

    Items whose offsets do not point to their words (out of range, or a ``text`` that is not the
    slice) are left out; a note for each is appended to ``dropped`` when given. With
    ``include_text`` the record also carries the original text (``text``).
    """
    chk = _Checker(article, dropped)
    published = article.published if article.published and _DAY.match(article.published) else None
    if article.published and published is None:
        chk.drop(f"publication date {article.published!r}", "not YYYY-MM-DD")
    record = {
        "schema": SCHEMA_ID,
        "id": article.id, "title": article.title, "outlet": article.outlet, "published": published,
        "author": article.author, "url": article.url, "lang": article.lang, "source": article.source,
        "parent": article.parent,
        "dossiers": list(dict.fromkeys(article.dossiers)),
        "entities": _entities(article, chk),
        "events": _events(article, chk),
        "quotes": _quotes(article, chk),
        "quantities": _quantities(article, chk),
    }
    stances = _stances(article, chk)
    if stances:  # optional key: records of articles with no stated stance keep their shape
        record["stances"] = stances
    if include_text:
        record["text"] = article.text
    return record


# ---------------------------------------------------------------------------------- reading
def _skeleton(record: dict) -> str:
    """A stand-in text when the record does not carry one: the reported words at their offsets and
    spaces elsewhere, so every offset of the record still points to its words."""
    spans = [(s, e, t) for _, s, e, t in _spans(record)]
    if not spans:
        return ""
    chars = [" "] * max(e for _, e, _ in spans)
    for s, e, t in spans:
        if len(t) == e - s:
            chars[s:e] = t
    return "".join(chars)


def _read_span(d: dict | None) -> Span | None:
    return None if d is None else Span(int(d["start"]), int(d["end"]), d["text"])


def _read_actor(d: dict | None) -> ActorRef | None:
    if d is None:
        return None
    entity, agent = d.get("entity"), d.get("agent")
    if agent is None and isinstance(entity, str) and entity.startswith("agent:"):
        agent = entity[len("agent:"):]
    return ActorRef(entity, d.get("code"), agent)


def article_from_dict(record: dict, text: str | None = None) -> Article:
    """The :class:`Article` a ``marsad.article/v1`` record describes.

    The text is ``text`` if given, else the record's ``text``, else a stand-in with the reported
    words at their offsets and spaces elsewhere (entity mentions then carry the stand-in's
    characters, which are spaces unless another item covers them). Raises :class:`InputError`
    when the record is not a v1 record.
    """
    if not isinstance(record, dict) or record.get("schema") != SCHEMA_ID:
        raise InputError(f"not a {SCHEMA_ID} record (schema {record.get('schema') if isinstance(record, dict) else None!r})")
    try:
        body = text if text is not None else record.get("text")
        if body is None:
            body = _skeleton(record)
        a = Article(
            id=record["id"], text=body, title=record.get("title"), outlet=record.get("outlet"),
            author=record.get("author"), published=record.get("published"), url=record.get("url"),
            source=record.get("source"), parent=record.get("parent"), lang=record.get("lang"),
            dossiers=list(record.get("dossiers") or []),
        )
        # stand-in texts are padded so entity mentions beyond the last reported span stay in range
        ends = [e for ent in record.get("entities") or [] for _, e in ent["mentions"]]
        if text is None and record.get("text") is None and ends and max(ends) > len(a.text):
            a.text = a.text + " " * (max(ends) - len(a.text))
        for ent in record.get("entities") or []:
            ms = [Mention(s, e, a.text[s:e], ent["id"]) for s, e in ent["mentions"]]
            a.entities[ent["id"]] = Entity(ent["id"], ent["kind"], ent.get("name_en"), ent.get("name_ar"),
                                           ent.get("country"), ent.get("code"), not ent["id"].startswith("doc:"),
                                           ms)
            a.mentions.extend(ms)
        a.mentions.sort(key=lambda m: (m.start, m.end))
        for ev in record.get("events") or []:
            a.events.append(Event(
                type=ev["type"], mode=ev.get("mode"), quad=ev["quad"], intensity=float(ev["intensity"]),
                source=_read_actor(ev.get("source")), target=_read_actor(ev.get("target")),
                evidence=_read_span(ev["evidence"]), trigger=_read_span(ev.get("trigger")),
                date=ev.get("date"), date_precision=ev.get("date_precision"),
                modality=ev.get("modality", "asserted"), dossiers=list(ev.get("dossiers") or []),
                confidence=float(ev.get("confidence", 1.0)), id=ev.get("id"),
                mentions=[_read_span(m) for m in ev.get("mentions") or []],
                articles=list(ev.get("articles") or []),
            ))
        for q in record.get("quotes") or []:
            sp = q.get("speaker") or {}
            a.quotes.append(Quote(sp.get("entity"), sp.get("name"), _read_span(q.get("cue")), q["text"],
                                  int(q["start"]), int(q["end"]), bool(q.get("direct", True))))
        for q in record.get("quantities") or []:
            a.quantities.append(Quantity(q["value"], q.get("unit"), q.get("what"), int(q["start"]), int(q["end"]),
                                         q["text"], q.get("date")))
        for st in record.get("stances") or []:
            a.stances.append(Stance(st["a"], st["b"], st["stance"], _read_span(st["evidence"]),
                                    _read_span(st.get("cue")), tuple(st.get("dossiers") or ()),
                                    st.get("modality", "asserted")))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"malformed {SCHEMA_ID} record {record.get('id')!r}: {exc!r}") from exc
    return a


__all__ = ["SCHEMA_ID", "article_from_dict", "article_to_dict", "load_schema", "validate_record"]
