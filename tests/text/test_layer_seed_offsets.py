"""Every span the text layer produces on the seeds slices the original text to its surface form."""

from marsad.pipeline import default_pipeline
from marsad.text.normalize import Normalizer
from marsad.types import Article


def test_layer_offsets_round_trip_on_every_seed(seeds_dir):
    pipe = default_pipeline(layers=("text",))
    norm = Normalizer()
    checked = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        art = pipe.process(Article(id=path.stem, text=text))
        assert art.sentences and art.tokens
        for s in art.sentences:
            piece = text[s.start:s.end]
            assert piece == piece.strip() and piece
        for t in art.tokens:
            surface = text[t.start:t.end]
            # the folded surface is the token's key (the article ال of لل is written as one lam)
            assert norm.key(surface) == t.norm or (t.norm == "ال" and surface == "ل"), (path.name, t, surface)
            checked += 1
    assert checked > 10_000
