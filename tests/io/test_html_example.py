"""The examples/ web page."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.io.readers import ReadOptions, iter_inputs

REPO = Path(__file__).resolve().parents[2]


def test_examples_page():
    path = REPO / "examples" / "page.html"
    if not path.exists():
        pytest.skip("examples/page.html not written yet")
    [a] = list(iter_inputs([path], ReadOptions(detect_language=False)))
    # values read from the page's <head>
    assert a.published == "2021-12-03"
    assert a.author == "فريق مرصد"
    assert a.url == "https://example.org/marsad/2021/12/03/erdogan-putin-call"
    assert a.title == "أردوغان وبوتين يبحثان هاتفياً أوكرانيا وقره باغ وسوريا"
    assert "ابحث في الموقع" not in a.text  # boilerplate left out
    assert len(a.text) > 200
