"""Recognition and linking of known actors, places and things.

One :class:`~marsad.text.matcher.KeyMatcher` (an Aho–Corasick automaton) holds every folded surface
form of the knowledge base: names, variants, surnames, state adjectives, capitals and seats, Latin
forms, role titles, epithets and counterpart words. It runs over the ``key`` view of the article, so spelling
variants (أردوغان/إردوغان/اردوغان) meet one form; a match is kept only at word boundaries, with the
proclitics و ف ب ك ل (and the article ال, or لل) allowed in front, so ``لأردوغان``, ``وموسكو`` and
``بالكرملين`` are found while ``بوتين`` never matches inside another word. Overlapping matches are
resolved longest first. Then:

* ambiguous forms follow the rule the knowledge base gives them (``ambiguous.yaml``);
* a role title followed by a state adjective or name (``الرئيس التركي``, ``وزير خارجية روسيا``) or an
  epithet (``سيد الكرملين``) resolves to the person who held that role on the article's date;
* ``نظيره الروسي`` resolves to the Russian holder of the title of the last person mentioned before it.

Every mention keeps its offsets into the original text, its surface form, the linked entity, the
method and a confidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.actors.kb import Ambiguity, KBEntry, KnowledgeBase
from marsad.text.matcher import PROCLITICS, WITH_ARTICLE, KeyMatcher, longest_first
from marsad.text.normalize import Normalized, Normalizer
from marsad.types import Article, Entity, Mention

_COUNTERPART = ("نظيره", "نظيرها", "نظيرته", "نظيرتها", "نظيريه", "نظيرتيه", "نظيرهم", "نظرائه", "نظيره,")
_PLACE_CUES = frozenset("في الي مدينه بلده منطقه قريه محافظه ريف ناحيه مدينتي بلدتي قرب نحو باتجاه شمال جنوب شرق غرب".split())
#: titles of a spokesperson (المتحدث باسم ...) and the words for the body spoken for (folded: ئ → ي, ة → ه)
_SPOKESPERSON = frozenset({"spokesperson"})
_GOVERNMENT = frozenset({"الحكومه", "حكومه", "الرياسه", "رياسه"})
_TOP_TITLES = frozenset({"president", "king", "emir", "sultan", "supreme_leader", "prime_minister", "chancellor"})
_METHOD_RANK = {"name": 0, "variant": 1, "en": 1, "surname": 2, "metonym": 3, "adjective": 4}
CONFIDENCE = {"name": 0.97, "variant": 0.95, "en": 0.95, "surname": 0.9, "adjective": 0.9, "metonym": 0.85,
              "capital": 0.8,
              "role": 0.85, "epithet": 0.85, "counterpart": 0.75, "rule": 0.7}


@dataclass(frozen=True, slots=True)
class _Form:
    """One reading of a folded surface form."""

    target: str  # entry id, title name, or a marker
    method: str  # name | variant | en | surname | adjective | metonym | title_def | title_con | epithet | counterpart
    article_stripped: bool = False  # the indexed key is the form without its leading ال


@dataclass(slots=True)
class _Match:
    start: int  # offsets in the key view
    end: int
    key: str
    forms: tuple[_Form, ...]


class ActorRecognizer:
    """``Article -> Article``: adds mentions and entities found through the knowledge base."""

    name = "actors"

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.normalizer = Normalizer()
        self._matcher, self._protected = self._build()
        #: state id → folded key of its capital (a capital, not another seat, may be read as the city)
        self._capitals = {e.id: self.normalizer.key(e.capital) for e in kb.entries.values()
                          if e.kind == "state" and e.capital}

    # -- building the matcher ------------------------------------------------------------------
    def _build(self) -> tuple[KeyMatcher[tuple[_Form, ...]], frozenset[str]]:
        key = self.normalizer.key
        table: dict[str, list[_Form]] = {}

        def add(form: str | None, target: str, method: str) -> None:
            if not form:
                return
            k = key(form)
            if len(k) < 2 or (len(k) < 3 and not k.isascii()):
                return
            table.setdefault(k, []).append(_Form(target, method))
            if "-" in k:  # إس-400 is also written إس -400, إس- 400, إس - 400
                for spaced in (k.replace("-", " -"), k.replace("-", "- "), k.replace("-", " - ")):
                    table.setdefault(spaced, []).append(_Form(target, method))
            if k.startswith("ال") and len(k) > 4 and " " not in k[:3]:
                table.setdefault(k[2:], []).append(_Form(target, method, article_stripped=True))

        for e in self.kb.entries.values():
            if e.derived:
                continue
            add(e.name_ar, e.id, "name")
            for v in e.variants:
                add(v, e.id, "variant")
            for v in e.en_variants:
                add(v, e.id, "en")
            for v in e.surnames:
                add(v, e.id, "surname")
            for v in e.adjectives:
                add(v, e.id, "adjective")
                if " " in v.strip():  # الكوري الجنوبي: the article goes on every word
                    add(" ".join("ال" + w for w in v.split()), e.id, "adjective")
            if e.capital and e.kind == "state":
                add(e.capital, e.id, "metonym")
            for v in e.seats:
                add(v, e.id, "metonym")
        for t in self.kb.titles.values():
            for f in t.definite:
                add(f, t.title, "title_def")
            for f in t.construct:
                add(f, t.title, "title_con")
        for i, ep in enumerate(self.kb.epithets):
            add(ep.form, str(i), "epithet")
        for f in _COUNTERPART:
            add(f, "counterpart", "counterpart")
        for amb in self.kb.ambiguities.values():
            add(amb.form, "ambiguous", "ambiguous")
        matcher = KeyMatcher((k, tuple(dict.fromkeys(forms))) for k, forms in table.items())
        protected = {k for k, forms in table.items()
                     if any(f.method in ("name", "variant", "surname", "metonym") for f in forms)}
        # each word of a person's name is kept whole too (سيرغي is not س + يرغي)
        for e in self.kb.entries.values():
            if e.kind == "person":
                for form in (e.name_ar, *e.variants):
                    protected.update(w for w in key(form).split() if len(w) >= 4)
        protected = frozenset(protected)
        return matcher, protected

    @property
    def protected_names(self) -> frozenset[str]:
        """Folded names the tokenizer must keep whole."""
        return self._protected

    # -- matching ------------------------------------------------------------------------------
    def _matches(self, key: str) -> list[_Match]:
        found: list[_Match] = []
        for start, end, k, prefix, forms in self._matcher.find(key, squeeze=True):
            ok = []
            for f in forms:
                if f.article_stripped:
                    good = prefix in WITH_ARTICLE
                elif k.isascii():
                    good = prefix == ""
                else:
                    good = prefix in PROCLITICS or (prefix in WITH_ARTICLE and f.method == "adjective")
                if good:
                    ok.append(f)
            if ok:
                # the article belongs to the mention (التركي، الكرملين); other proclitics do not
                s = start
                if any(f.article_stripped or f.method == "adjective" for f in ok):
                    if prefix.endswith("ال"):
                        s = start - 2
                    elif prefix.endswith("لل"):
                        s = start - 1
                found.append(_Match(s, end, k, tuple(ok)))
        return longest_first(found, len(key))

    # -- linking -------------------------------------------------------------------------------
    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        day = _parse_day(article.published)
        matches = self._matches(norm.key)
        mentions: list[Mention] = []
        last_person: tuple[KBEntry, int] | None = None
        skip_until = -1
        for i, m in enumerate(matches):
            if m.start < skip_until:
                continue
            methods = {f.method for f in m.forms}
            nxt = matches[i + 1] if i + 1 < len(matches) else None
            adjacent = nxt is not None and _gap(norm.key, m.end, nxt.start)
            if methods & {"title_def", "title_con"}:
                spoken = self._spokesperson(m, matches, i, day, norm.key)
                if spoken is not None:  # المتحدث باسم الحكومة العراقية، المتحدث باسم رئيس الوزراء الإسرائيلي
                    person, state, stop, skip = spoken
                    if person is not None:
                        mentions.append(self._mention(article, norm, m.start, stop, person, "role", state))
                        last_person = (person, stop)
                    skip_until = skip  # the principal's title is not the speaker
                    continue
                person, state, stop = self._role(m, nxt if adjacent else None, day, norm.key)
                if person is not None:
                    mentions.append(self._mention(article, norm, m.start, stop, person, "role", state))
                    last_person = (person, stop)
                continue
            if "epithet" in methods:
                ep = self.kb.epithets[int(next(f.target for f in m.forms if f.method == "epithet"))]
                people = self.kb.holders(ep.title, ep.of, day) if day else []
                if len(people) == 1:
                    mentions.append(self._mention(article, norm, m.start, m.end, people[0], "epithet", ep.of))
                    last_person = (people[0], m.end)
                continue
            if "counterpart" in methods:
                if adjacent and last_person is not None and day is not None:
                    state = self._state_of(nxt)
                    person = self._counterpart(last_person[0], state, day) if state else None
                    if person is not None:
                        mentions.append(self._mention(article, norm, m.start, nxt.end, person, "counterpart", state))
                        mentions.append(self._mention(article, norm, nxt.start, nxt.end, self.kb.entries[state],
                                                      "adjective", state))
                        last_person = (person, nxt.end)
                        skip_until = nxt.end
                continue
            entry, method = self._resolve(m, day, norm.key)
            if entry is None:
                continue
            if method == "metonym" and m.key == self._capitals.get(entry.id) and _in_place(norm.key, m.start):
                place = self.kb.capital_place(entry.id)
                if place is not None:  # في موسكو, بأنقرة: the city itself, not its government
                    entry, method = place, "capital"
            acts = self._acts_for(entry, day)
            mentions.append(self._mention(article, norm, m.start, m.end, entry, method, acts))
            if entry.kind == "person":
                last_person = (entry, m.end)
        article.mentions = sorted(article.mentions + mentions, key=lambda x: (x.start, x.end))
        for mt in mentions:
            ent = article.entities.get(mt.entity)
            if ent is None:
                e = self.kb.entries[mt.entity]
                ent = Entity(e.id, e.contract_kind, e.name_en, e.name_ar, e.country,
                             e.code if e.kind != "person" else None, kb=True)
                article.entities[e.id] = ent
            ent.mentions.append(mt)
        return article

    def _mention(self, article: Article, norm: Normalized, start: int, end: int, entry: KBEntry,
                 method: str, acts_for: str | None) -> Mention:
        s, e = norm.to_original(start, end)
        return Mention(s, e, article.text[s:e], entry.id, method, CONFIDENCE.get(method, 0.8), acts_for)

    def _resolve(self, m: _Match, day: dt.date | None, key: str) -> tuple[KBEntry | None, str]:
        entries = self.kb.entries
        amb = self.kb.ambiguities.get(m.key)
        if amb is None and m.forms[0].article_stripped:
            amb = self.kb.ambiguities.get("ال" + m.key)
        if amb is not None:
            return self._apply_rule(amb, m, day, key), "rule"
        ids = list(dict.fromkeys(f.target for f in m.forms if f.target in entries))
        if len(ids) != 1:
            return None, ""  # unmarked ambiguity: precision first, link nothing
        best = min(m.forms, key=lambda f: _METHOD_RANK.get(f.method, 9))
        return entries[ids[0]], best.method

    def _apply_rule(self, amb: Ambiguity, m: _Match, day: dt.date | None, key: str) -> KBEntry | None:
        cands = [self.kb.entries[c] for c in amb.candidates if c in self.kb.entries]
        if amb.rule == "prefer_state":
            states = [c for c in cands if c.kind == "state"]
            return states[0] if len(states) == 1 else None
        if amb.rule == "date_role" and day is not None:
            # the candidate in office on the article's date; among several, the one head of state or government
            active = [c for c in cands if c.active_on(day)]
            if len(active) > 1:
                active = [c for c in active if any(r.title in _TOP_TITLES for r in c.active_on(day))]
            return active[0] if len(active) == 1 else None
        if amb.rule == "context_gazetteer":
            before = key[:m.start].split()
            if before and (before[-1] in _PLACE_CUES or before[-1].rstrip(",") in _PLACE_CUES):
                places = [c for c in cands if c.kind == "place"]
                return places[0] if len(places) == 1 else None
        return None  # context_first_name and skip: never linked alone

    def _role(self, m: _Match, nxt: _Match | None, day: dt.date | None,
              key: str) -> tuple[KBEntry | None, str | None, int]:
        if nxt is None or day is None:
            return None, None, m.end
        for f in m.forms:
            if f.method not in ("title_def", "title_con"):
                continue
            for g in nxt.forms:
                entry = self.kb.entries.get(g.target)
                if entry is None:
                    continue
                if entry.kind == "state" and ((f.method == "title_def" and g.method == "adjective")
                                              or (f.method == "title_con" and g.method in ("name", "variant"))):
                    of = entry.id
                elif entry.kind == "org" and g.method in ("name", "variant") and entry.code != entry.country:
                    # an intergovernmental body (الأمين العام للناتو); a state institution coded with its
                    # state's ISO3 is no role target (رئيس البرلمان التركي is not the head of state)
                    of = entry.code or entry.id
                else:
                    continue
                people = self.kb.holders(f.target, of, day)
                if len(people) == 1:
                    return people[0], of, nxt.end
        return None, None, m.end

    def _spokesperson(self, m: _Match, matches: list[_Match], i: int, day: dt.date | None,
                      key: str) -> tuple[KBEntry | None, str, int, int] | None:
        """``(spokesperson, state, end, skip_until)`` for "the spokesperson of" followed by the government
        or presidency of a state (المتحدث باسم الحكومة العراقية) or by a principal's title (المتحدث باسم
        رئيس الوزراء الإسرائيلي); ``None`` when ``m`` opens no such phrase. The spokesperson is the holder of
        the office on the day, if the knowledge base has exactly one; the principal is never the speaker."""
        if not any(f.method == "title_con" and f.target in _SPOKESPERSON for f in m.forms):
            return None
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if nxt is None:
            return None
        between = key[m.end:nxt.start].split()
        if len(between) == 1 and between[0] in _GOVERNMENT and 0 < nxt.start - m.end <= len(between[0]) + 2:
            state, end, skip = self._state_of(nxt), nxt.end, nxt.start  # the adjective stays a state mention
        elif not between and _gap(key, m.end, nxt.start) and any(
                f.method == "metonym" and f.target in self.kb.entries for f in nxt.forms):
            # المتحدث باسم الكرملين / البيت الأبيض: a seat of government
            state, end, skip = next(f.target for f in nxt.forms if f.method == "metonym"), nxt.end, nxt.start
        elif not between and _gap(key, m.end, nxt.start) and {f.method for f in nxt.forms} & {"title_def", "title_con"}:
            after = matches[i + 2] if i + 2 < len(matches) else None
            if after is None or not _gap(key, nxt.end, after.start):
                return None
            state, end, skip = self._state_of(after), after.end, nxt.end
        else:
            return None
        if state is None:
            return None
        people = self.kb.holders("spokesperson", state, day) if day else []
        return (people[0] if len(people) == 1 else None), state, end, skip

    def _state_of(self, m: _Match) -> str | None:
        for f in m.forms:
            e = self.kb.entries.get(f.target)
            if e is not None and e.kind == "state" and f.method in ("adjective", "name", "variant"):
                return e.id
        return None

    def _counterpart(self, person: KBEntry, state: str, day: dt.date) -> KBEntry | None:
        for role in person.active_on(day):
            people = [p for p in self.kb.holders(role.title, state, day) if p.id != person.id]
            if len(people) == 1:
                return people[0]
        return None

    def _acts_for(self, entry: KBEntry, day: dt.date | None) -> str | None:
        """The actor code a person acts for: an intergovernmental office held on the day (NATO's secretary
        general acts for NATO), else their state. A party or movement leadership does not replace the state."""
        if entry.kind == "person" and day is not None:
            roles = entry.active_on(day)
            if not any(self.kb.entries.get(r.of) is not None and self.kb.entries[r.of].kind == "state"
                       for r in roles):
                for role in roles:
                    org = self.kb.code_entry(role.of)
                    if org is not None and org.kind == "org":
                        return org.code
        return entry.acts_for


def _in_place(key: str, start: int) -> bool:
    """Whether the word at ``start`` (the key view) is read as a location: ب written onto it
    (بموسكو، وبأنقرة), or في right before it, or before "the capital" set in apposition to it
    (في موسكو، في العاصمة الروسية موسكو، بالعاصمة موسكو)."""
    ws = start
    while ws > 0 and key[ws - 1].isalnum():
        ws -= 1
    if key[ws:start] in ("ب", "وب", "فب"):
        return True
    before = [w.strip('"«“»”') for w in key[max(0, ws - 48):ws].split()][-3:]
    if before and before[-1] in _IN:
        return True
    for i in (-1, -2):  # العاصمة, or العاصمة + its adjective
        if len(before) >= -i and before[i] in _CAPITAL_WORDS[1]:
            return True
        if len(before) >= 1 - i and before[i] in _CAPITAL_WORDS[0] and before[i - 1] in _IN:
            return True
    return False


#: في and وفي
_IN = frozenset({"في", "وفي"})
#: "the capital" as a word of its own, and with the ب "in" written onto it
_CAPITAL_WORDS = (frozenset({"العاصمه"}), frozenset({"بالعاصمه", "وبالعاصمه"}))


def _gap(key: str, end: int, start: int) -> bool:
    """Whether two matches are adjacent words (only white space or a comma between)."""
    return 0 <= start - end <= 3 and key[end:start].strip(" ,") == ""


def _parse_day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        if len(published) == 4:
            return None
        if len(published) == 7:
            return dt.date(int(published[:4]), int(published[5:7]), 15)
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
