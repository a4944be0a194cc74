"""Near duplicates join one story cluster; unrelated articles do not; the index survives reopening."""

from __future__ import annotations

from marsad.stories.dedup import DedupParams, Signer, StoryIndex, shingles
from marsad.store import Store
from marsad.types import Article

ORIGINAL = (
    "أعلنت وزارة الدفاع التركية مساء الثلاثاء أن دورية مشتركة مع القوات الروسية سيرت على الطريق الدولي "
    "في شمال غرب سوريا للمرة العاشرة منذ توقيع اتفاق وقف إطلاق النار في موسكو. وقالت الوزارة في بيان إن "
    "الدورية انطلقت من بلدة قرب سراقب وانتهت عند نقطة متفق عليها غرب المدينة، بمشاركة مركبات مدرعة "
    "وطائرات مسيرة وفرت الحماية من الجو. وأضاف البيان أن الجانبين سيواصلان تسيير الدوريات وفق الجدول "
    "المتفق عليه، وأن الهدف هو ضمان حركة آمنة للمدنيين والبضائع على الطريق. ولم تسجل أي حوادث خلال "
    "الدورية بحسب ما أفاد به مراسلون في المنطقة."
)
# the same report re-filed by another outlet: a new opening clause, two words changed, one sentence added
REFILED = (
    "أنقرة - نشرة تجريبية: أعلنت وزارة الدفاع التركية مساء الثلاثاء أن دورية مشتركة مع القوات الروسية سيرت "
    "على الطريق الدولي في شمال غرب سوريا للمرة العاشرة منذ توقيع اتفاق وقف النار في موسكو. وقالت الوزارة في "
    "بيان إن الدورية انطلقت من بلدة قرب سراقب وانتهت عند نقطة متفق عليها غرب المدينة، بمشاركة عربات مدرعة "
    "وطائرات مسيرة وفرت الحماية من الجو. وأضاف البيان أن الجانبين سيواصلان تسيير الدوريات وفق الجدول "
    "المتفق عليه، وأن الهدف هو ضمان حركة آمنة للمدنيين والبضائع على الطريق. ولم تسجل أي حوادث خلال "
    "الدورية بحسب ما أفاد به مراسلون في المنطقة. ويأتي ذلك بعد أسابيع من التوتر في المنطقة."
)
# same topic, different story
OTHER = (
    "قال مسؤول روسي إن موسكو تدرس توسيع نطاق الدوريات في سوريا لتشمل مناطق جديدة في الشمال الشرقي، "
    "مشيرا إلى أن المحادثات مع الجانب التركي ما زالت جارية ولم تصل إلى نتيجة نهائية. وأوضح أن أي "
    "ترتيبات جديدة ستعرض على القيادة السياسية في البلدين قبل إقرارها، وأن التنسيق العسكري يجري يوميا "
    "عبر خط اتصال مباشر أنشئ قبل عامين لتفادي الحوادث بين القوات المنتشرة في المنطقة."
)


def test_signature_similarity_separates_refile_from_other_story():
    s = Signer()
    a, b, c = s.signature(ORIGINAL), s.signature(REFILED), s.signature(OTHER)
    assert a.jaccard(b) >= DedupParams().threshold
    assert a.jaccard(c) < 0.2


def test_shingles_are_word_trigrams_of_the_key():
    assert shingles("a b c d", 3) == {b"a b c", b"b c d"}
    assert shingles("a b", 3) == {b"a b"}
    assert shingles("", 3) == set()


def test_story_index_best_match():
    s, idx = Signer(), StoryIndex()
    idx.add("orig", s.signature(ORIGINAL))
    idx.add("other", s.signature(OTHER))
    m = idx.best_match(s.signature(REFILED))
    assert m is not None and m.key == "orig" and m.similarity > 0.5
    assert idx.best_match(s.signature("نص قصير لا علاقة له بأي شيء آخر في الفهرس على الإطلاق")) is None


def test_store_clusters_near_duplicates_and_rebuilds_index_on_reopen(tmp_path):
    db = tmp_path / "c.db"
    with Store(db) as st:
        assert st.add_article(Article(id="orig", text=ORIGINAL)).cluster == "orig"
        assert st.add_article(Article(id="other", text=OTHER)).cluster == "other"
    with Store(db) as st:  # a new process: the LSH is rebuilt from the stored signatures
        res = st.add_article(Article(id="refiled", text=REFILED, outlet="outlet B"))
        assert res.status == "new" and res.cluster == "orig"
        assert st.story("orig") == ["orig", "refiled"]
        assert st.clusters() == {"orig": ["orig", "refiled"]}
        s = st.stats()
        assert (s.clusters, s.clustered) == (1, 2)
