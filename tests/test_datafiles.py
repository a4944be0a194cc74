"""A bad data file is a KnowledgeBaseError naming the file, for every loader that reads YAML."""

import pytest

from marsad.datafiles import read_yaml
from marsad.dossiers.classify import Taxonomy
from marsad.errors import KnowledgeBaseError
from marsad.events.ontology import Ontology


def test_datafiles_malformed_yaml_names_the_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="cannot read the ontology") as err:
        Ontology.load(bad)
    assert str(bad) in str(err.value)


def test_datafiles_top_level_must_be_a_mapping(tmp_path):
    lst = tmp_path / "list.yaml"
    lst.write_text("- one\n- two\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="the taxonomy must be a mapping"):
        Taxonomy.load(lst)
    assert read_yaml(lst, "rows", mapping=False) == ["one", "two"]


def test_datafiles_missing_file_and_empty_default(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="cannot read settings"):
        read_yaml(tmp_path / "absent.yaml", "settings")
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert read_yaml(empty, "settings", default={}) == {}
