"""Language identification of articles.

Most input is Arabic, so a cheap test decides first: a text whose letters are overwhelmingly
Arabic script, with few letters specific to Persian/Urdu/Kurdish (پ چ ژ گ ک ی ...) and at least
two common Arabic function words (في من على أن إلى ...), is Arabic. Everything else goes to
lingua, restricted to the languages an Arabic news observatory meets: Arabic, English, French,
Turkish, Russian, Persian and Hebrew (lingua has no Kurdish model). The lingua detector is built
on first use, once per :class:`LanguageIdentifier` and shared between identifiers of the same
language set within a process. Only the first ``max_chars`` characters are looked at.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.types import Article

DEFAULT_LANGUAGES: tuple[str, ...] = ("ar", "en", "fr", "tr", "ru", "fa", "he")

_ARABIC_FUNCTION_WORDS = frozenset({"في", "من", "على", "أن", "إلى", "الى", "عن", "التي", "الذي", "مع", "هذا", "هذه"})
#: Letters of Persian, Urdu and Kurdish that Arabic does not use, as UTF-8 byte sequences.
_NON_ARABIC_SEQS = tuple(c.encode("utf-8") for c in "پچژگکیۆێڵڕەٹڈڑںےھۀ")
_ARABIC_LEADS = (b"\xd8", b"\xd9", b"\xda", b"\xdb")  # U+0600..U+06FF
_OTHER_LEADS = (b"\xc3", b"\xc4", b"\xc5", b"\xce", b"\xcf", b"\xd0", b"\xd1", b"\xd7")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_WORD = re.compile(r"[\u0600-\u06FF]+")


@lru_cache(maxsize=4)
def _build_detector(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, LanguageDetectorBuilder, Language

    languages = []
    for code in codes:
        iso = getattr(IsoCode639_1, code.upper(), None)
        if iso is None:
            raise ValueError(f"unknown ISO 639-1 code {code!r}")
        languages.append(Language.from_iso_code_639_1(iso))
    return LanguageDetectorBuilder.from_languages(*languages).build()


class LanguageIdentifier:
    """``detect(text) -> ISO 639-1 code | None``; also usable as a component ``Article -> Article``."""

    name = "lang"

    def __init__(self, languages: tuple[str, ...] = DEFAULT_LANGUAGES, max_chars: int = 2000,
                 arabic_share: float = 0.85):
        if len(languages) < 2:
            raise ValueError("language identification needs at least two candidate languages")
        self.languages = tuple(languages)
        self.max_chars = max_chars
        self.arabic_share = arabic_share
        self._detector = None

    @property
    def detector(self):
        if self._detector is None:
            self._detector = _build_detector(self.languages)
        return self._detector

    def is_clearly_arabic(self, text: str) -> bool:
        """The fast path: overwhelmingly Arabic letters and Arabic function words.

        Letters are counted on the UTF-8 bytes (lead bytes of each script), which is fast
        enough to run on every article.
        """
        sample = text[: self.max_chars]
        raw = sample.encode("utf-8")
        arabic = sum(raw.count(lead) for lead in _ARABIC_LEADS)
        if arabic == 0:
            return False
        latin = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        other = sum(raw.count(lead) for lead in _OTHER_LEADS)  # Latin-1 ext., Greek, Cyrillic, Hebrew
        if arabic / (arabic + latin + other) < self.arabic_share:
            return False
        persian = sum(raw.count(seq) for seq in _NON_ARABIC_SEQS)
        if persian > max(2, 0.01 * arabic):
            return False
        seen: set[str] = set()
        count = 0
        for w in _WORD.findall(sample):
            if w in _ARABIC_FUNCTION_WORDS:
                seen.add(w)
                if w != "من":  # "من" is also Persian ("I")
                    count += 1
                if len(seen) >= 2 or count >= 2:
                    return True
        # very short Arabic-script texts (a headline) carry few function words
        return arabic < 60 and persian == 0

    def detect(self, text: str) -> str | None:
        """ISO 639-1 code of the text's language, or ``None`` when there is nothing to judge."""
        if not text or not text.strip():
            return None
        if self.is_clearly_arabic(text):
            return "ar"
        sample = text[: self.max_chars]
        if not any(c.isalpha() for c in sample):
            return None
        lang = self.detector.detect_language_of(sample)
        if lang is None:
            return None
        return lang.iso_code_639_1.name.lower()

    def __call__(self, article: Article) -> Article:
        """Set ``article.lang`` (when unset) and flag non-Arabic articles ``non_arabic``."""
        if article.lang is None:
            article.lang = self.detect(article.text)
        if article.lang not in (None, "ar") and "non_arabic" not in article.flags:
            article.flags.append("non_arabic")
        return article
