"""The gold set we annotate ourselves (``tests/gold/``) and the scores of the pipeline against it.

Gold files are YAML, one per seed (``<stem>.yaml``, or parts ``<stem>.partN.yaml`` merged), with
offsets into the seed file as decoded text (see ``tests/gold/GUIDELINE.md``). A gold article is
matched to the pipeline's article whose span of the file contains the gold ``anchor``.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from marsad.errors import EvaluationError
from marsad.scoring import Score
from marsad.types import Article


@dataclass(slots=True)
class GoldArticle:
    file: str
    item: int
    anchor: tuple[int, int]
    span: tuple[int, int] | None
    outlet: str | None
    published: str | None
    dossiers: list[str]
    entities: list[dict]
    events: list[dict]
    quotes: list[dict]
    quantities: list[dict]
    #: the date of the compilation the article came from: the expected publication date when the item states none
    fallback_published: str | None = None

    @property
    def expected_published(self) -> str | None:
        return self.published or self.fallback_published


def load_gold(folder: Path | str) -> dict[str, list[GoldArticle]]:
    """Gold articles per seed file name, parts merged and sorted by item."""
    folder = Path(folder)
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise EvaluationError(f"no gold YAML files in {folder}")
    out: dict[str, list[GoldArticle]] = defaultdict(list)
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise EvaluationError(f"{path}: invalid YAML: {exc}") from exc
        seed = data.get("file")
        if not seed:
            raise EvaluationError(f"{path}: missing 'file'")
        for row in data.get("articles") or []:
            out[seed].append(GoldArticle(
                file=seed, item=int(row.get("item", 1)), anchor=tuple(row["anchor"]),
                span=tuple(row["span"]) if row.get("span") else None, outlet=row.get("outlet"),
                published=str(row["published"]) if row.get("published") else None,
                dossiers=list(row.get("dossiers") or []), entities=list(row.get("entities") or []),
                events=list(row.get("events") or []), quotes=list(row.get("quotes") or []),
                quantities=list(row.get("quantities") or []),
                fallback_published=str(data["compilation_published"]) if data.get("compilation_published") else None,
            ))
    for seed in out:
        out[seed].sort(key=lambda g: g.item)
    return dict(out)


def pair_articles(gold: Sequence[GoldArticle], system: Iterable[Article]) -> list[tuple[GoldArticle, Article | None]]:
    """Each gold article with the system article whose file span contains its anchor."""
    arts = list(system)
    pairs = []
    for g in gold:
        hit = None
        for a in arts:
            if a.source_offset <= g.anchor[0] < a.source_offset + len(a.text):
                hit = a
                break
        pairs.append((g, hit))
    return pairs


def fold_name(name: str | None) -> str:
    """An English name folded for comparison: accents removed, lower case, 'al-' and punctuation dropped."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("İ", "I"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("al-", "").replace("el-", "")
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


@dataclass(frozen=True, slots=True)
class CodeAlias:
    """A gold actor code that stands for a KB code (``tests/gold/code_aliases.yaml``), optionally only
    for gold rows of one kind and English name."""

    gold: str
    kb: str
    kind: str | None = None
    name_en: str | None = None

    def applies(self, code: str | None, kind: str | None = None, name_en: str | None = None) -> bool:
        return (code == self.gold and (self.kind is None or self.kind == kind)
                and (self.name_en is None or fold_name(self.name_en) == fold_name(name_en)))


def load_code_aliases(path: Path | str) -> list[CodeAlias]:
    """The alias rows of ``path`` (an absent file means no aliases)."""
    path = Path(path)
    if not path.exists():
        return []
    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    try:
        return [CodeAlias(str(r["gold"]), str(r["kb"]), r.get("kind"), r.get("name_en")) for r in rows]
    except (KeyError, TypeError) as exc:
        raise EvaluationError(f"{path}: each alias row needs gold and kb") from exc


class EntityKeys:
    """Comparable keys for gold and system entities, through the knowledge base's names and codes."""

    def __init__(self, kb, aliases: Sequence[CodeAlias] = ()):
        self.kb = kb
        self.aliases = list(aliases)
        self._by_name = {}
        for e in kb.entries.values():
            names = [e.name_en, e.name_en.split(" (")[0], *e.en_variants]
            for n in names:
                self._by_name.setdefault(fold_name(n), e)

    def code(self, code: str | None, kind: str | None = None, name_en: str | None = None) -> str | None:
        """A gold actor code mapped to the KB's code where the two name the same actor."""
        for a in self.aliases:
            if a.applies(code, kind, name_en):
                return a.kb
        return code

    def gold(self, row: dict) -> str:
        code = self.code(row.get("code"), row.get("kind"), row.get("name_en"))
        if code and row.get("kind") in ("state", "org"):
            return f"code:{code}"
        e = self._by_name.get(fold_name(row.get("name_en")))
        if e is not None:
            return f"code:{e.code}" if e.code and e.kind != "person" else f"id:{e.id}"
        return f"name:{fold_name(row.get('name_en'))}"

    def system(self, ent) -> str:
        if ent.code and ent.kind in ("state", "org"):
            return f"code:{ent.code}"
        return f"id:{ent.id}"


def score_entities(pairs, keys: EntityKeys, kinds: Sequence[str] = ("state", "person", "org", "place", "thing"),
                   kb_only: bool = True) -> dict[str, Score]:
    """Micro precision/recall of the distinct entities of each article, overall and per kind.

    With ``kb_only`` (the ``entities`` layer) only the system's knowledge-base entities count. Without
    it the names the trained recognizer found count too: such an entity has only an Arabic name, so it
    matches a gold row the knowledge base does not know whose ``name_ar`` lists that name (folded);
    any other is a false positive under its own name."""
    scores: dict[str, Score] = {"all": Score()} | {k: Score() for k in kinds}
    fold = _arabic_fold()
    for g, a in pairs:
        where = f"{g.file}#{g.item}"
        gold_by_kind = defaultdict(set)
        by_form: dict[tuple[str, str], str] = {}
        for row in g.entities:
            k = keys.gold(row)
            gold_by_kind[row.get("kind")].add(k)
            if k.startswith("name:"):
                for form in row.get("name_ar") or ():
                    by_form[(row.get("kind"), fold(form))] = k
        sys_by_kind = defaultdict(set)
        if a is not None:
            for ent in a.entities.values():
                if not ent.kb:
                    if kb_only or not ent.name_ar:
                        continue
                    f = fold(ent.name_ar)
                    sys_by_kind[ent.kind].add(by_form.get((ent.kind, f), f"ar:{f}"))
                    continue
                sys_by_kind[ent.kind].add(keys.system(ent))
        for k in kinds:
            scores[k].add(sys_by_kind[k], gold_by_kind[k], where)
        scores["all"].add(set().union(*sys_by_kind.values()) if sys_by_kind else set(),
                          set().union(*gold_by_kind.values()) if gold_by_kind else set(), where)
    return scores


def _arabic_fold():
    """Arabic names folded for comparison: the normalizer's key (alef and hamza forms, ta marbuta,
    diacritics), with quotation marks dropped and spaces collapsed."""
    from marsad.text.normalize import Normalizer

    key = Normalizer().key
    drop = str.maketrans("", "", '"\u201c\u201d\u201e\u00ab\u00bb')
    return lambda name: " ".join(key(name.translate(drop)).split())
