"""The search index's word lists are data (src/sitekit/search/words.yml), read once, shipped with the package, and
what the word forms are made from."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

import pytest
import snowballstemmer

from sitekit.i18n.strings import LANGUAGES
from sitekit.search import terms, words
from sitekit.search.terms import fold, inflections
from sitekit.search.words import WORDS_FILE, word_lists

PACKAGE = Path(words.__file__).resolve().parent.parent


def test_the_lists_are_complete_for_every_language():
    lists = word_lists()
    assert set(lists.stemmers) == set(LANGUAGES) == set(lists.plurals)
    assert set(lists.stemmers.values()) <= set(snowballstemmer.algorithms())
    assert all(len(letter) == 1 for letter in lists.ligatures)
    assert {"avec", "cette", "which"} <= lists.uninflected
    assert word_lists() is lists  # read once


def test_what_the_lists_say_is_what_the_index_does():
    assert fold("Cœur") == "coeur"
    assert inflections("survey", "en") == set()  # a vowel before the y
    assert inflections("policy", "en") == {"policies"}
    assert inflections("autres", "fr") == set()
    assert inflections("journal", "fr") == {"journaux"}


@pytest.fixture
def other_lists(tmp_path, monkeypatch):
    """words.yml replaced by another file for one test (the lists are read again, then the shipped ones)."""
    file = tmp_path / "words.yml"
    text = WORDS_FILE.read_text(encoding="utf-8")
    monkeypatch.setattr(words, "WORDS_FILE", file)
    word_lists.cache_clear()
    words.ligature_table.cache_clear()
    fold.cache_clear()
    yield file, text
    word_lists.cache_clear()
    words.ligature_table.cache_clear()
    fold.cache_clear()


def test_the_word_forms_come_from_the_file(other_lists):
    file, text = other_lists
    file.write_text(
        text.replace("uninflected: [\n", "uninflected: [\n  journal,\n")
        .replace("    - {ending: aux, becomes: al}", "    - {ending: eau, becomes: eaux}")
        .replace("  œ: oe\n", "  œ: oe\n  ø: oe\n"),
        encoding="utf-8",
    )
    assert inflections("journal", "fr") == set()
    assert inflections("chapeau", "fr") == {"chapeaux"}
    assert inflections("hôpitaux", "fr") == set()  # its rule is gone
    assert terms.fold("Søren") == "soeren"


def test_every_data_file_of_the_package_is_shipped():
    config = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["sitekit"]
    data = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc")
    ]
    assert "search/words.yml" in data
    assert [name for name in data if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)] == []
