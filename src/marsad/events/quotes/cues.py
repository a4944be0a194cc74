"""The cue lexicon of quotes: speech verbs, complementizers, "according to" cues, unnamed sources,
titles and news media, from ``events/data/quote_cues.yaml`` (see ``README_quotes_figures.md``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from marsad.errors import KnowledgeBaseError
from marsad.text.normalize import Normalizer
from marsad.datafiles import read_yaml

# folded keys (the key view writes alef maqsura as ya: على -> علي, إلى -> الي)
_GOVERNING = frozenset("مع الي علي عن من في لدي بين ضد حول بشان عبر".split())


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    form: str  # finite | participle | noun
    weak: bool
    preps: tuple[str, ...]
    content_after_prep: bool
    feminine: bool = False
    reports: bool = False
    adjacent: bool = False


class QuoteCues:
    """The cue lexicon of :mod:`marsad.events.quotes`, folded and indexed."""

    def __init__(self, data: dict, source: str | None = None):
        key = Normalizer().key
        try:
            self.words: dict[str, Cue] = {}
            for v in data["verbs"]:
                lemma = key(v["lemma"])
                preps = tuple(key(p) for p in v.get("preps", []) or [])
                weak = bool(v.get("weak", False))
                cap = bool(v.get("content_after_prep", False))
                reports, adjacent = bool(v.get("reports", False)), bool(v.get("speaker_adjacent", False))
                finite = {key(n) for n in v.get("finite") or []}
                for form, names in (("finite", v.get("finite")), ("participle", v.get("participles")),
                                    ("noun", v.get("nouns"))):
                    for n in names or []:
                        k = key(n)
                        fem = (form == "finite" and ((k.endswith("ت") and not lemma.endswith("ت"))
                                                     or (k.startswith("ت") and "ي" + k[1:] in finite))) \
                            or (form == "participle" and k.endswith("ه"))
                        self.words.setdefault(k, Cue(lemma, form, weak, preps, cap, fem, reports, adjacent))
            self.complementizers = frozenset(key(w) for w in data["complementizers"])
            self.according = sorted({key(w) for w in data["according_to"]}, key=len, reverse=True)
            self.according_verbs = sorted({key(w) for w in data.get("according_to_verbs", [])}, key=len, reverse=True)
            us = data["unnamed_sources"]
            self.source_heads = frozenset(key(w) for w in [*us["heads"], *(us.get("definite_heads") or ())])
            self.source_adjectives = frozenset(key(w) for w in us["adjectives"])
            self.min_direct_words = int(data.get("min_direct_words", 3))
            self.max_gap_words = int(data.get("max_gap_words", 18))
            self.institutions = frozenset(key(w) for w in data.get("institutions", []))
            self.titles = frozenset(key(w) for w in data.get("titles", []))
            self.honorifics = frozenset(key(w) for w in data.get("honorifics", []) if " " not in w)
            self.titles |= self.honorifics
            self.carry_chars = int(data.get("carry_chars", 600))
            self.governing = frozenset(key(w) for w in data.get("governing") or ()) or _GOVERNING
            self.media_heads = frozenset(key(w) for w in data.get("media_heads") or ())
            self.media_anaphors = frozenset(key(w) for w in data.get("media_anaphors") or ())
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KnowledgeBaseError(f"invalid quote cue data: {exc!r}", source) from exc
        if not self.words:
            raise KnowledgeBaseError("quote cue data holds no verbs", source)
        self.prefixed: dict[str, tuple[Cue, int]] = {}
        for w, c in self.words.items():
            for p in ("", "و", "ف", "وب", "ب"):
                if "ب" in p and c.form != "noun":
                    continue
                self.prefixed.setdefault(p + w, (c, len(p)))
        heads = "|".join(re.escape(h) for h in sorted(self.source_heads, key=len, reverse=True))
        self.source_re = re.compile(r"(?<![^\W\d_])(?:و|ف|ل|ب)?(?P<head>" + heads + r")(?![^\W\d_])")
        acc = "|".join(r"\s*".join(re.escape(p) for p in a.split()) for a in self.according)
        self.according_re = re.compile(r"(?<![^\W\d_])(?:و)?(?:" + acc + r")(?![^\W\d_])|(?<![^\W\d_])(?:و|ف)?(?:وفقا|طبقا)\s+ل(?=[^\W\d_])")

    @classmethod
    def load(cls, path: str | Path | None = None) -> "QuoteCues":
        """The lexicon from ``path``, or the one shipped with marsad."""
        ref = Path(path) if path else resources.files("marsad.events").joinpath("data/quote_cues.yaml")
        return cls(read_yaml(ref, "quote cues"), str(ref))

    def lookup(self, word: str) -> tuple[Cue, int] | None:
        """The cue a folded word is (with و/ف or بـ attached), and the length of the attached part."""
        return self.prefixed.get(word)


def load_media_ids(path: str | Path | None = None) -> frozenset[str]:
    """The ids of the news media of the knowledge base (``actors/data/media.yaml``, rows of kind company)."""
    ref = Path(path) if path else resources.files("marsad.actors").joinpath("data/media.yaml")
    try:
        rows = yaml.safe_load(ref.read_text(encoding="utf-8")) or []
    except FileNotFoundError:
        return frozenset()
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read the media list: {exc}", str(ref)) from exc
    if not isinstance(rows, list):
        raise KnowledgeBaseError("the media list must be a list of entries", str(ref))
    return frozenset(str(r["id"]) for r in rows if isinstance(r, dict) and r.get("kind") == "company" and "id" in r)
