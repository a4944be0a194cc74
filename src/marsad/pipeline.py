"""The pipeline: an explicit, inspectable list of named components over one :class:`Article`.

A component is any callable ``Article -> Article`` with a ``name``; it reads the layers listed in
``requires`` and writes those in ``assigns``, so :meth:`Pipeline.check` can verify the order before
anything runs. The runner wraps a component's failure in :class:`PipelineError` naming the
component and the article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from marsad.errors import PipelineError
from marsad.types import Article


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    func: Callable[[Article], Article]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    arabic_only: bool = True

    def __call__(self, article: Article) -> Article:
        return self.func(article)


@dataclass
class Pipeline:
    components: list[Component] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def check(self) -> None:
        """Raise ``ValueError`` if a component requires a layer no earlier component assigns."""
        have = {"text", "title", "published", "lang"}
        for c in self.components:
            missing = [r for r in c.requires if r not in have]
            if missing:
                raise ValueError(f"component {c.name!r} requires {missing} which no earlier component assigns")
            have.update(c.assigns)

    def process(self, article: Article) -> Article:
        for c in self.components:
            if c.arabic_only and not article.is_arabic:
                note = f"{c.name}: skipped (language {article.lang})"
                if note not in article.notes:
                    article.notes.append(note)
                continue
            try:
                article = c(article)
            except Exception as exc:  # noqa: BLE001 - reported with the component's name
                raise PipelineError(c.name, article.id, exc) from exc
        return article

    def pipe(self, articles: Iterable[Article]) -> Iterable[Article]:
        for a in articles:
            yield self.process(a)


def text_components(resources) -> Sequence[Component]:
    """Normalization, sentences and clitic-aware tokens."""
    from marsad.text.layer import TextLayer

    layer = TextLayer(resources.tokenizer())
    return [Component("text", layer, requires=("text",), assigns=("normalized", "sentences", "tokens"))]


def default_pipeline(resources=None, layers: Sequence[str] = ("text", "actors", "events")) -> Pipeline:
    """The standard pipeline. ``layers`` selects how far to go (later layers need earlier ones)."""
    from marsad.resources import Resources

    resources = resources or Resources()
    comps: list[Component] = []
    if "text" in layers:
        comps.extend(text_components(resources))
    for extra in resources.extra_components(layers):
        comps.append(extra)
    pipe = Pipeline(comps)
    pipe.check()
    return pipe
