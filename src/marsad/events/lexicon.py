"""The Arabic trigger lexicon and modality cues, compiled from ``triggers.yaml`` and ``cues.yaml``.

Every surface form is folded with :class:`~marsad.text.normalize.Normalizer` (the same key the
tokenizer gives ``Token.norm``), so matching is a dictionary lookup per word. Verb forms are
generated from the perfect and imperfect third-person masculine singular; nouns get their
construct (``ـت``) and accusative (``ـا``) forms. Multi-word phrases are indexed by their first word.
Nothing is read at import time: :meth:`Lexicon.load` (``Resources.lexicon`` caches one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


from marsad.errors import KnowledgeBaseError
from marsad.events.agents import Agents
from marsad.text.normalize import Normalizer
from marsad.datafiles import read_yaml

DATA_DIR = Path(__file__).with_name("data")
ROLES = ("source", "target")
BETWEEN = ("pair", "targets", "both")


@dataclass(frozen=True, slots=True)
class Args:
    """Where a trigger's actors are: the role of its subject, object, genitive and prepositions."""

    subject: str | None = "source"
    object: str | None = "target"
    genitive: str | None = "source"
    preps: tuple[tuple[str, str], ...] = ()  # (folded preposition, role)
    between: str = "pair"
    head: str | None = None  # role of the actor right before the trigger (a participle: المدعوم من)
    #: role of the state attached to the trigger's object thing: its adjective (منظومة روسية، طائرة روسية،
    #: الغاز الروسي) or, with ``Trigger.patient_places``, the state of a place object (ضم روسيا القرم → UKR)
    patient: str | None = None
    #: role of the nearest actor before the trigger in its clause (أثار بيع المنظومة إلى تركيا غضب واشنطن)
    before: str | None = None

    def prep_role(self, prep: str | None) -> str | None:
        if prep is None:
            return None
        for p, r in self.preps:
            if p == prep:
                return r
        return None


@dataclass(frozen=True, slots=True)
class Trigger:
    id: str
    type: str
    mode: str | None
    args: Args
    confidence: float
    needs: frozenset[str] = frozenset()
    needs_window: int = 4
    needs_before: frozenset[str] = frozenset()
    needs_before_window: int = 3
    #: words that must NOT follow within ``unless_window`` words (يستهدف رفع التبادل: "aims at", no attack)
    unless: frozenset[str] = frozenset()
    unless_window: int = 2
    #: words that must NOT stand right before the trigger (بشكل قاطع، رفضا قاطعا: "categorically")
    unless_before: frozenset[str] = frozenset()
    one_sided: bool | None = None  # overrides the type's one_sided flag for this trigger
    sourceless: bool | None = None  # overrides the type's sourceless flag for this trigger
    patient_places: bool = False  # the patient may be a place: its state takes the patient role
    needs_patient: bool = False  # no event unless the patient is found (ضم is annexation only with a territory)
    needs_coded: bool = False  # no event unless a side is a coded state or organization (مقتل مسلحين: none)
    construct_only: bool = False  # the noun only without the article (معارضة أنقرة، not المعارضة "the opposition")
    lend: bool = True  # a noun trigger may take the subject of the verb before it (not مقتل: who announces it)


@dataclass(frozen=True, slots=True)
class Form:
    """One surface form of a trigger: ``words`` are folded keys (one for single words)."""

    trigger: Trigger
    words: tuple[str, ...]
    pos: str  # perfect | imperfect | verb | noun | phrase
    confidence: float
    #: a dual or plural verb form (استقبلا، يلتقيان، طالبوا): its subject stands before it (or is a pronoun)
    agrees: bool = False


@dataclass(frozen=True, slots=True)
class Cues:
    negation: frozenset[str]
    negation_window: int
    denial: frozenset[str]
    denial_window: int
    refusal: frozenset[str]
    refusal_window: int
    refusal_not_types: frozenset[str]
    future_before: dict[str, tuple[tuple[str, ...], ...]]
    future_after: frozenset[str]
    future_window: int
    future_after_window: int
    future_proclitic: str
    hypothetical: dict[str, tuple[tuple[str, ...], ...]]
    hypothetical_window: int
    hypothetical_near: frozenset[str]
    qad: str
    conditional_in: str
    background: dict[str, tuple[tuple[str, ...], ...]]
    background_window: int
    year_words: frozenset[str]
    actor_heads: frozenset[str]
    actor_head_skip: frozenset[str]
    prepositions: frozenset[str]
    passive_markers: frozenset[str]
    topic_preps: frozenset[str]
    place_heads: frozenset[str]
    #: verbs and nouns of cancelling, postponing or suspending an act (ألغى زيارة، تأجيل القمة)
    cancel: frozenset[str] = frozenset()
    cancel_window: int = 5
    cancel_not_types: frozenset[str] = frozenset()


@dataclass
class Lexicon:
    single: dict[str, list[Form]] = field(default_factory=dict)
    phrases: dict[str, list[Form]] = field(default_factory=dict)  # first word -> forms of 2+ words
    triggers: dict[str, Trigger] = field(default_factory=dict)
    cues: Cues | None = None
    #: noun forms with a pronoun enclitic (زيارته، لقائهما): read when the tokenizer left the word whole
    suffixed: dict[str, list[Form]] = field(default_factory=dict)
    #: every key that can start a trigger (a fast first test per word)
    keys: frozenset[str] = frozenset()
    #: generic actors (police, soldiers, gunmen...: ``agents.yaml``), None when not loaded
    agents: Agents | None = None

    # -- loading --------------------------------------------------------------------------------
    @classmethod
    def load(cls, triggers: Path | str | None = None, cues: Path | str | None = None,
             types: set[str] | None = None, agents: Path | str | None = None) -> "Lexicon":
        """Compile the trigger, cue and agent files; ``types`` (PLOVER names) checks every entry's type."""
        tpath = Path(triggers) if triggers else DATA_DIR / "triggers.yaml"
        cpath = Path(cues) if cues else DATA_DIR / "cues.yaml"
        apath = Path(agents) if agents else DATA_DIR / "agents.yaml"
        norm = Normalizer()
        lex = cls()
        if agents or apath.is_file():
            lex.agents = Agents.load(apath)
        lex.cues = _cues(_read(cpath), cpath, norm)
        data = _read(tpath)
        if not isinstance(data, dict) or not isinstance(data.get("triggers"), list):
            raise KnowledgeBaseError("the trigger file needs a 'triggers' list", str(tpath))
        defaults = data.get("defaults") or {}
        vconf = float(defaults.get("verb_confidence", 0.85))
        nconf = float(defaults.get("noun_confidence", 0.8))
        pconf = float(defaults.get("phrase_confidence", 0.9))
        for row in data["triggers"]:
            trig = _trigger(row, tpath, norm, types)
            if trig.id in lex.triggers:
                raise KnowledgeBaseError(f"duplicate trigger id {trig.id!r}", str(tpath))
            lex.triggers[trig.id] = trig
            own = row.get("confidence")
            for v in _list(row.get("verbs")):
                k = norm.key(v)
                for f in _perfect_forms(k):
                    lex._add(Form(trig, (f,), "perfect", float(own or vconf), f[len(k):] in ("ا", "تا", "وا")))
            for v in _list(row.get("imperfect")):
                k = norm.key(v)
                for f in _imperfect_forms(k):
                    lex._add(Form(trig, (f,), "imperfect", float(own or vconf), f.endswith(("ان", "ون"))
                                  and not k.endswith(("ان", "ون"))))
            for v in _list(row.get("forms")):
                k = norm.key(v)
                pos = "imperfect" if k[:1] in "يت" and len(k) > 3 else "verb"
                agrees = k.endswith(("وا", "ان", "ون", "يا", "تا"))
                lex._add(Form(trig, tuple(k.split()), pos, float(own or vconf), agrees))
            for v in _list(row.get("nouns")):
                k = norm.key(v)
                if " " in k:
                    lex._add(Form(trig, tuple(_words(k)), "phrase", float(own or pconf)))
                    continue
                for f in _noun_forms(k):
                    lex._add(Form(trig, (f,), "noun", float(own or nconf)))
            for v in _list(row.get("phrases")):
                words = tuple(_words(norm.key(v)))
                lex._add(Form(trig, words, "phrase" if len(words) > 1 else "noun", float(own or pconf)))
        for key, forms in lex.single.items():
            nouns = [f for f in forms if f.pos == "noun"]
            if not nouns:
                continue
            bases = [key]
            if key.endswith("ه"):
                bases = [key[:-1] + "ت"]
            elif key.endswith("ء"):
                bases = [key, key[:-1] + "ي"]
            for b in bases:
                for suf in ("ه", "ها", "هما", "هم", "نا", "كم"):
                    bucket = lex.suffixed.setdefault(b + suf, [])
                    bucket.extend(f for f in nouns if f not in bucket)
        lex.keys = frozenset(lex.single) | frozenset(lex.phrases)
        return lex

    def _add(self, form: Form) -> None:
        if not form.words or not all(form.words):
            return
        table = self.single if len(form.words) == 1 else self.phrases
        key = form.words[0]
        bucket = table.setdefault(key, [])
        if all(f.trigger.id != form.trigger.id or f.words != form.words for f in bucket):
            bucket.append(form)

    def __len__(self) -> int:
        return len(self.triggers)

    def lookup(self, key: str) -> list[Form]:
        return self.single.get(key, [])


# -- helpers ----------------------------------------------------------------------------------
def _read(path: Path):
    return read_yaml(path, "the lexicon", mapping=False)


def _list(v) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v if x]


def _strip_article(w: str) -> str:
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _words(key: str) -> list[str]:
    return [_strip_article(w) for w in key.split()]


def _perfect_forms(k: str) -> list[str]:
    """Third-person perfect forms of a sound verb (3ms given): ه، ـت، ـا، ـتا، ـوا."""
    out = [k]
    if k.endswith(("ا", "ي")):  # weak final radical: list the forms under `forms`
        return out
    out += [k + "ت", k + "ا", k + "تا", k + "وا"]
    return out


def _imperfect_forms(k: str) -> list[str]:
    """Third-person imperfect forms (3ms ي... given): ت...، يـان، تـان، يـون."""
    if not k.startswith("ي"):
        return [k]
    stem = k[1:]
    if stem.endswith(("و", "ي", "ا")):
        return [k, "ت" + stem]
    return [k, "ت" + stem, "ي" + stem + "ان", "ت" + stem + "ان", "ي" + stem + "ون"]


def _noun_forms(k: str) -> list[str]:
    out = [k, _strip_article(k)]
    base = out[1]
    if base.endswith("ه"):  # ta marbuta (folded): construct before a pronoun, and the dual
        out += [base[:-1] + "ت", base[:-1] + "تان", base[:-1] + "تين"]
    elif not base.endswith(("ات", "ا", "ي", "و")):
        out += [base + "ا"]
    return list(dict.fromkeys(out))


def _role(v, where: str, path: Path, pair: bool = False) -> str | None:
    if v in (None, "none", "null"):
        return None
    if pair and v == "pair":
        return "pair"
    if v not in ROLES:
        raise KnowledgeBaseError(f"{where}: role must be source, target or none, got {v!r}", str(path))
    return str(v)


def _trigger(row, path: Path, norm: Normalizer, types: set[str] | None) -> Trigger:
    if not isinstance(row, dict) or not row.get("id") or not row.get("type"):
        raise KnowledgeBaseError(f"a trigger needs an id and a type: {row!r:.80}", str(path))
    tid, typ = str(row["id"]), str(row["type"])
    if types is not None and typ not in types:
        raise KnowledgeBaseError(f"{tid}: unknown PLOVER type {typ!r}", str(path))
    if not any(row.get(k) for k in ("verbs", "imperfect", "forms", "nouns", "phrases")):
        raise KnowledgeBaseError(f"{tid}: no words (verbs, imperfect, forms, nouns or phrases)", str(path))
    a = row.get("args") or {}
    preps = []
    for p, r in (a.get("preps") or {}).items():
        preps.append((norm.key(str(p)), _role(r, tid, path)))
    between = str(a.get("between", "pair"))
    if between not in BETWEEN:
        raise KnowledgeBaseError(f"{tid}: between must be one of {BETWEEN}", str(path))
    args = Args(
        subject=_role(a.get("subject", "source"), tid, path),
        object=_role(a.get("object", "target"), tid, path, pair=True),
        head=_role(a.get("head"), tid, path),
        genitive=_role(a.get("genitive", "source"), tid, path),
        preps=tuple(preps), between=between,
        patient=_role(a.get("patient"), tid, path), before=_role(a.get("before"), tid, path),
    )
    needs = row.get("needs") or {}
    before = row.get("needs_before") or {}
    conf = float(row.get("confidence", 0.8))
    if not 0 < conf <= 1:
        raise KnowledgeBaseError(f"{tid}: confidence must be in (0, 1]", str(path))
    return Trigger(
        id=tid, type=typ, mode=row.get("mode"), args=args, confidence=conf,
        needs=frozenset(_strip_article(norm.key(w)) for w in _list(needs.get("words"))),
        needs_window=int(needs.get("window", 4)),
        needs_before=frozenset(_strip_article(norm.key(w)) for w in _list(before.get("words"))),
        needs_before_window=int(before.get("window", 3)),
        unless=frozenset(_strip_article(norm.key(w)) for w in _list((row.get("unless") or {}).get("words"))),
        unless_window=int((row.get("unless") or {}).get("window", 2)),
        unless_before=frozenset(_strip_article(norm.key(w)) for w in _list(row.get("unless_before"))),
        one_sided=row.get("one_sided"), sourceless=row.get("sourceless"),
        patient_places=bool(row.get("patient_places")), needs_patient=bool(row.get("needs_patient")),
        needs_coded=bool(row.get("needs_coded")), construct_only=bool(row.get("construct_only")),
        lend=bool(row.get("lend", True)),
    )


def _phrases(values, norm: Normalizer) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cue phrases indexed by their first word (and its form without the article)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for v in values or ():
        if not v:
            continue
        words = tuple(_strip_article(w) for w in norm.key(str(v)).split())
        full = tuple(norm.key(str(v)).split())
        for ph in {words, full}:
            out.setdefault(ph[0], []).append(ph)
    return {k: tuple(dict.fromkeys(v)) for k, v in out.items()}


def _cues(data, path: Path, norm: Normalizer) -> Cues:
    if not isinstance(data, dict):
        raise KnowledgeBaseError("the cue file must be a mapping", str(path))
    try:
        neg, fut, hyp, bg = data["negation"], data["future"], data["hypothetical"], data["background"]
    except KeyError as exc:
        raise KnowledgeBaseError(f"missing cue section {exc}", str(path)) from exc
    keys = lambda xs: frozenset(norm.key(str(x)) for x in xs or () if x)  # noqa: E731
    denial = neg.get("denial") or {}
    return Cues(
        negation=keys(neg.get("before")), negation_window=int(neg.get("window", 3)),
        denial=keys(denial.get("words")), denial_window=int(denial.get("window", 8)),
        refusal=keys((neg.get("refusal") or {}).get("words")),
        refusal_window=int((neg.get("refusal") or {}).get("window", 3)),
        refusal_not_types=frozenset(str(x) for x in (neg.get("refusal") or {}).get("not_types") or ()),
        future_before=_phrases(fut.get("before"), norm), future_after=keys(fut.get("after")),
        future_window=int(fut.get("window", 6)), future_after_window=int(fut.get("after_window", 4)),
        future_proclitic=norm.key(str(fut.get("proclitic", "س"))),
        hypothetical=_phrases(hyp.get("before"), norm), hypothetical_window=int(hyp.get("window", 6)),
        hypothetical_near=keys(hyp.get("near")),
        qad=norm.key(str(hyp.get("qad", "قد"))), conditional_in=str(hyp.get("in_conditional", "إن")),
        background=_phrases(bg.get("before"), norm), background_window=int(bg.get("window", 6)),
        year_words=keys(bg.get("year_words")),
        actor_heads=frozenset(_strip_article(k) for k in keys(data.get("actor_heads"))),
        actor_head_skip=frozenset(_strip_article(k) for k in keys(data.get("actor_head_skip"))),
        prepositions=keys(data.get("prepositions")),
        passive_markers=keys(data.get("passive_markers")),
        topic_preps=keys(data.get("topic_prepositions")),
        place_heads=frozenset(_strip_article(k) for k in keys(data.get("place_heads"))),
        cancel=keys((neg.get("cancel") or {}).get("words")),
        cancel_window=int((neg.get("cancel") or {}).get("window", 5)),
        cancel_not_types=frozenset(str(x) for x in (neg.get("cancel") or {}).get("not_types") or ()),
    )
