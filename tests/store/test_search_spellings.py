"""Full-text search: spelling variants, clitics, the query language, snippets of the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import QueryError
from marsad.types import Article

DOCS = {
    "hamza-above": ("زيارة إلى موسكو",
                    "وصل الرئيس أردوغان إلى موسكو صباح اليوم في زيارة تستمر يومين يلتقي خلالها بوتين."),
    "hamza-below": ("محادثات هاتفية",
                    "بحث إردوغان مع نظيره الروسي في اتصال هاتفي ملف الحبوب ووقف إطلاق النار."),
    "bare-alef": ("تصريحات", "قال اردوغان للصحفيين إن بلاده لن تتخلى عن منظومة الدفاع الجوي التي اشترتها."),
    "clitic": ("لقاء في سوتشي", "اجتمع الوفد التركي وبوتين في سوتشي لمناقشة الممر البحري."),
    "other": ("طقس", "تساقطت الثلوج بكثافة على العاصمة وأغلقت عدة طرق جبلية أمام حركة السير."),
    "diacritics": ("نص مشكول", "التقى أَرْدُوغَانُ بالوفد الروسي في أنقرة لبحث الغاز."),
}


@pytest.fixture
def filled(store, text_pipeline):
    for i, (title, text) in DOCS.items():
        store.add_article(text_pipeline.process(Article(id=i, text=text, title=title)))
    return store


def ids(store, query):
    return {h.id for h in store.search(query, limit=50)}


ERDOGAN = {"hamza-above", "hamza-below", "bare-alef", "diacritics"}


@pytest.mark.parametrize("spelling", ["أردوغان", "إردوغان", "اردوغان", "أَرْدُوغَان"])
def test_erdogan_spellings_find_the_same_articles(filled, spelling):
    assert ids(filled, spelling) == ERDOGAN


def test_clitic_query_matches_bare_word(filled):
    assert ids(filled, "وبوتين") == {"hamza-above", "clitic"}
    assert ids(filled, "بوتين") == {"hamza-above", "clitic"}


def test_and_or_not_and_phrases(filled):
    assert ids(filled, "أردوغان موسكو") == {"hamza-above"}
    assert ids(filled, "سوتشي OR الثلوج") == {"clitic", "other"}
    assert ids(filled, "أردوغان -موسكو") == {"hamza-below", "bare-alef", "diacritics"}
    assert ids(filled, '"الدفاع الجوي"') == {"bare-alef"}
    assert ids(filled, "«الجوي الدفاع»") == set()  # words in the wrong order are not the phrase
    assert ids(filled, "غواصة") == set()


def test_title_ranks_above_body(store, text_pipeline):
    store.add_article(text_pipeline.process(Article(id="in-body", title="أخبار اليوم",
                                                    text="تناول الاجتماع ملف الطاقة النووية وملفات أخرى كثيرة.")))
    store.add_article(text_pipeline.process(Article(id="in-title", title="الطاقة النووية",
                                                    text="تناول الاجتماع ملف الطاقة وملفات أخرى كثيرة جدا.")))
    hits = store.search("النووية")
    assert [h.id for h in hits] == ["in-title", "in-body"]
    assert hits[0].score > hits[1].score


def test_snippet_marks_the_original_text(filled):
    hit = filled.search("اردوغان", markers=("[", "]"))
    by_id = {h.id: h for h in hit}
    # the original spelling, diacritics included, is what is marked
    assert "[أَرْدُوغَانُ]" in by_id["diacritics"].snippet
    assert "[إردوغان]" in by_id["hamza-below"].snippet
    span = by_id["diacritics"].highlights[0]
    assert DOCS["diacritics"][1][span.start:span.end] == "أَرْدُوغَانُ"
    clitic = filled.search("بوتين", markers=("<", ">"))
    assert any("<وبوتين>" in h.snippet for h in clitic)


@pytest.mark.parametrize("query", ['"الدفاع الجوي', "OR تركيا", "تركيا OR", "تركيا OR OR روسيا", "-روسيا",
                                   "", "   ", '""', "؟!", "-", "تركيا OR -روسيا"])
def test_malformed_queries_raise_query_error(filled, query):
    with pytest.raises(QueryError) as info:
        filled.search(query)
    assert str(info.value)  # a message the CLI can print


def test_fts_syntax_characters_are_plain_words(filled):
    # characters that mean something to FTS5 are folded away or quoted, never a crash
    for q in ["أردوغان*", "NEAR(أردوغان)", "أردوغان:", "(بوتين", "title_keys:بوتين", "^بوتين"]:
        filled.search(q)


def test_seeds_erdogan_spellings(shared_dir: Path, store, text_pipeline):
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    for p in seeds:
        store.add_article(text_pipeline.process(Article(id=p.stem, text=p.read_text(encoding="utf-8"))))
    variants = [ids(store, q) for q in ("أردوغان", "إردوغان", "اردوغان")]
    assert variants[0] == variants[1] == variants[2]
    # seed 004 writes the name both ways: hamza above and hamza below
    assert any(p.stem.startswith("004_") for p in seeds)
    assert next(i for i in variants[0] if i.startswith("004_"))
    hits = {h.id: h for h in store.search("إردوغان", limit=10)}
    h = next(v for k, v in hits.items() if k.startswith("004_"))
    assert h.highlights and all(x.text.lstrip("وبلفك").startswith(("أردوغان", "إردوغان", "اردوغان"))
                                for x in h.highlights)
