"""ingest(): idempotent re-runs, duplicates across files, failures, interrupted runs."""

from __future__ import annotations

import pytest

from marsad.ingest import ingest
from marsad.pipeline import Component, Pipeline
from marsad.store import Store

ROWS = [
    {"id": "n1", "title": "اتفاق على ممر للحبوب",
     "text": "أعلنت أنقرة وموسكو التوصل إلى تفاهم يسمح بخروج سفن الحبوب من موانئ البحر الأسود بإشراف مشترك."},
    {"id": "n2", "title": "مناورات بحرية",
     "text": "بدأت القوات البحرية الروسية مناورات واسعة في البحر المتوسط بمشاركة عشرات السفن والطائرات."},
    {"id": "n3", "title": "زيارة وزير الخارجية",
     "text": "وصل وزير الخارجية التركي إلى العاصمة الروسية لإجراء محادثات حول الوضع في جنوب القوقاز."},
    {"id": "n4", "title": "الليرة التركية",
     "text": "تراجعت الليرة التركية أمام الدولار بعد قرار البنك المركزي خفض سعر الفائدة مرة جديدة."},
]


def test_ingest_twice_changes_nothing(tmp_path, jsonl_reader, write_jsonl, store, text_pipeline):
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    r1 = ingest([src], store, text_pipeline, reader=jsonl_reader)
    assert (r1.read, r1.new, r1.duplicates, r1.unchanged, r1.failures) == (4, 4, 0, 0, [])
    snapshot = store.stats()
    r2 = ingest([src], store, text_pipeline, reader=jsonl_reader)
    assert (r2.read, r2.new, r2.unchanged) == (4, 0, 4)
    assert store.stats() == snapshot


def test_exact_duplicate_from_another_file_is_stored_once(tmp_path, jsonl_reader, write_jsonl, store, text_pipeline):
    a = write_jsonl(tmp_path / "a.jsonl", ROWS[:2])
    copy = dict(ROWS[0], id="copy-under-another-name", title="عنوان آخر")
    b = write_jsonl(tmp_path / "b-renamed.jsonl", [copy])
    ingest([a], store, text_pipeline, reader=jsonl_reader)
    r = ingest([b], store, text_pipeline, reader=jsonl_reader)
    assert (r.new, r.duplicates) == (0, 1)
    assert store.duplicate_of("copy-under-another-name") == "n1"
    assert {h.id for h in store.search("الحبوب")} == {"n1"}


def test_bad_lines_and_component_failures_are_reported_and_logged(tmp_path, jsonl_reader, write_jsonl, store, text_pipeline):
    src = write_jsonl(tmp_path / "in.jsonl", [ROWS[0], "{not json", ROWS[1], dict(ROWS[2], text="") | {"id": "boom"}])

    def explode(article):
        if article.id == "boom":
            raise RuntimeError("component broke")
        return article

    pipe = Pipeline(text_pipeline.components + [Component("explode", explode)])
    r = ingest([src], store, pipe, reader=jsonl_reader)
    assert (r.read, r.new) == (3, 2)
    # both failures name the file and line: the bad JSON line and the article the component broke on
    assert [(f.path, f.line) for f in r.failures] == [(str(src), 2), (str(src), 4)]
    assert "explode" in str(r.failures[1]) and "boom" in str(r.failures[1])
    logged = store.failures()
    assert len(logged) == 2 and logged[0].line == 2
    assert not r.ok


def test_interrupted_run_keeps_written_articles_and_rerun_completes(tmp_path, jsonl_reader, write_jsonl, text_pipeline):
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    db = tmp_path / "int.db"
    seen = []

    def interrupt_on_third(article):
        seen.append(article.id)
        if len(seen) == 3:
            raise KeyboardInterrupt  # not an Exception: stops the run like Ctrl-C
        return article

    pipe = Pipeline(text_pipeline.components + [Component("stop", interrupt_on_third)])
    with Store(db) as s, pytest.raises(KeyboardInterrupt):
        ingest([src], s, pipe, reader=jsonl_reader)
    with Store(db) as s:
        assert [a.id for a in s.iter_articles()] == ["n1", "n2"]
        r = ingest([src], s, text_pipeline, reader=jsonl_reader)
        assert (r.new, r.unchanged) == (2, 2)
        assert [a.id for a in s.iter_articles()] == ["n1", "n2", "n3", "n4"]
        assert {h.id for h in s.search("الليرة")} == {"n4"}


def test_crash_inside_the_write_leaves_no_partial_article(tmp_path, jsonl_reader, write_jsonl, store, text_pipeline, monkeypatch):
    import marsad.store.codec as codec

    src = write_jsonl(tmp_path / "in.jsonl", ROWS[:1])

    def broken(conn, num, article):
        raise KeyboardInterrupt

    monkeypatch.setattr(codec, "write_layers", broken)
    with pytest.raises(KeyboardInterrupt):
        ingest([src], store, text_pipeline, reader=jsonl_reader)
    assert store.stats().articles == 0
    assert store.conn.execute("SELECT count(*) FROM article_search").fetchone()[0] == 0
    monkeypatch.undo()
    assert ingest([src], store, text_pipeline, reader=jsonl_reader).new == 1


def test_non_arabic_counted_and_stored(tmp_path, jsonl_reader, write_jsonl, store, text_pipeline):
    src = write_jsonl(tmp_path / "in.jsonl", [ROWS[0], {"id": "en", "text": "Ankara and Moscow met today.",
                                                        "lang": "en"}])
    r = ingest([src], store, text_pipeline, reader=jsonl_reader)
    assert (r.new, r.non_arabic) == (2, 1)
    assert store.get_article("en").repeated_paragraphs == []


def test_repeated_paragraph_is_recorded_on_ingest(tmp_path, jsonl_reader, write_jsonl, store, text_pipeline):
    para = "وأكد المتحدث أن الحوار بين العاصمتين مستمر على كل المستويات رغم الخلافات القائمة."
    text = "افتتح الوزيران الاجتماع صباح الأحد في العاصمة.\n" + para + "\nوانتهى اللقاء دون بيان ختامي.\n" + para
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "rep", "text": text}])
    ingest([src], store, text_pipeline, reader=jsonl_reader)
    (s, e), = store.get_article("rep").repeated_paragraphs
    assert text[s:e] == para and s == text.rindex(para)
