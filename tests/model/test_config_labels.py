"""Every dossier of the taxonomy has English and Arabic labels; the docs name functions that exist."""

from __future__ import annotations

import re

import yaml

import marsad.model.records as records
import marsad.store.queries as queries
from marsad.dossiers.classify import Taxonomy
from marsad.model import ModelConfig


def test_every_taxonomy_dossier_has_both_labels():
    cfg = ModelConfig.load()
    for d in Taxonomy.load().dossiers:
        row = cfg.labels["dossiers"].get(d)
        assert isinstance(row, dict), f"model.yaml has no label for dossier {d!r}"
        assert row.get("en") and row.get("ar"), d
        assert re.search(r"[\u0600-\u06FF]", row["ar"]), f"the Arabic label of {d!r} is not Arabic"


def test_model_yaml_labels_only_known_dossiers():
    known = set(Taxonomy.load().dossiers) | {"(none)", "*"}
    data = yaml.safe_load(open(ModelConfig.load().path, encoding="utf-8"))
    assert set(data["labels"]["dossiers"]) <= known


def test_records_docstring_names_store_queries_that_exist():
    names = re.findall(r"``(\w+)``", records.__doc__.split("from the store")[1])
    assert names, "the docstring names the store functions"
    for n in names:
        assert callable(getattr(queries, n, None)), f"marsad.store.queries.{n} does not exist"
