"""The pipeline component ``quotes``: runs the quote finders, keeps one quote per act of speech."""

from __future__ import annotations

from marsad.events.quotes.according import according
from marsad.events.quotes.context import WORD, Context, Found
from marsad.events.quotes.cues import QuoteCues, load_media_ids
from marsad.events.quotes.headlines import headlines
from marsad.events.quotes.verbs import from_verb
from marsad.text.normalize import Normalized, Normalizer
from marsad.types import Article, Quote, Span


class QuoteExtractor:
    """``Article -> Article``: fills ``article.quotes`` (see :mod:`marsad.events.quotes`)."""

    name = "quotes"

    def __init__(self, cues: QuoteCues | None = None, media: frozenset[str] | None = None):
        self.cues = cues or QuoteCues.load()
        self.normalizer = Normalizer()
        self._media = media

    @property
    def media(self) -> frozenset[str]:
        """Entity ids of news media (kind company in the knowledge base's ``media.yaml``), read on first use."""
        if self._media is None:
            self._media = load_media_ids()
        return self._media

    def __call__(self, article: Article) -> Article:
        norm = article.normalized or self.normalizer.normalize(article.text)
        article.normalized = norm
        key = norm.key
        ctx = Context(article, norm, self.cues, self.media)
        found: list[Found] = []
        outlet = self.normalizer.key(article.outlet) if article.outlet else None
        for q in headlines(ctx, outlet):
            found.append(q)
            ctx.quotes_found.append(q)
        heads = {q.cue[0] for q in found}
        lookup = self.cues.prefixed.get
        for cm in WORD.finditer(key):
            hit = lookup(cm.group())
            if hit is None:
                continue
            ws, we = cm.start(), cm.end()
            if ws in heads or ctx.in_name(ws, we) or ctx.inside_quote(ws):
                continue
            q = from_verb(ctx, ws, we, hit[0])
            if q is not None:
                if q.speaker is not None:
                    ent = article.entities.get(q.speaker.entity)
                    q.speaker_kind = ent.kind if ent is not None else None
                found.append(q)
                ctx.quotes_found.append(q)
        for q in according(ctx):
            if all(not (q.cue[0] < f.cue[1] and f.cue[0] < q.cue[1]) for f in found):
                found.append(q)
        found.sort(key=lambda f: f.cue[0])
        kept: list[Found] = []
        for f in found:
            if f.speaker is None and f.speaker_name is None:
                continue
            # one act of speech, two cues ("صرح بوتين قائلا «...»"): keep the first cue
            if kept and kept[-1].content == f.content:
                continue
            kept.append(f)
        article.quotes = [self._quote(article, norm, f) for f in kept]
        return article

    def _quote(self, article: Article, norm: Normalized, f: Found) -> Quote:
        cs, ce = norm.to_original(*f.cue)
        s, e = norm.to_original(*f.content)
        sp = f.speaker
        return Quote(sp.entity if sp else None, sp.text if sp else f.speaker_name,
                     Span(cs, ce, article.text[cs:ce]), article.text[s:e], s, e, f.direct)
