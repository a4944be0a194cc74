"""The text layer component: normalized views, sentences and clitic-aware tokens of an article."""

from __future__ import annotations

from marsad.text.normalize import Normalizer
from marsad.text.sentences import split_sentences
from marsad.text.tokens import Tokenizer
from marsad.types import Article


class TextLayer:
    """``Article -> Article``: sets ``normalized``, ``sentences`` and ``tokens``."""

    name = "text"

    def __init__(self, tokenizer: Tokenizer | None = None):
        self.tokenizer = tokenizer or Tokenizer()
        self.normalizer = Normalizer()

    def __call__(self, article: Article) -> Article:
        norm = self.normalizer.normalize(article.text)
        article.normalized = norm
        article.sentences = split_sentences(article.text)
        article.tokens = self.tokenizer.tokenize(norm, article.sentences)
        return article
