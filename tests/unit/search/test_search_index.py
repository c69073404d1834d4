"""Search index files kept in .cache/search/: the same bytes as made, made again when an input changes."""

from __future__ import annotations

import json

from sitekit.search import index as search_index
from sitekit.search.index import IndexSources, index_files

MERGED = {
    "config": {"lang": ["fr"], "separator": "[\\s]+"},
    "docs": [
        {"location": "index.html", "title": "Sauvegardes", "text": "Les sauvegardes hors ligne protègent."},
        {"location": "en/index.html", "title": "Backups", "text": "Offline backups protect."},
    ],
}
VOCABULARY = {"fr": [("sauvegarde", "backup")], "en": [("backup", "save")]}


def test_indexes_are_read_back_identical_and_made_again_when_an_input_changes(tmp_path, monkeypatch):
    merged = json.dumps(MERGED).encode()
    made = index_files(IndexSources(merged, VOCABULARY, {}), None)
    assert set(made) == {"fr", "en"}
    assert json.loads(made["en"])["docs"][0]["location"] == "index.html"

    assert index_files(IndexSources(merged, VOCABULARY, {}), tmp_path) == made  # made, then stored
    files = sorted((tmp_path / "indexes").glob("*/*.json"))
    assert len(files) == 2
    calls = []
    real = search_index._make
    monkeypatch.setattr(search_index, "_make", lambda *args: calls.append(args) or real(*args))
    assert index_files(IndexSources(merged, VOCABULARY, {}), tmp_path) == made  # read back: nothing made
    assert calls == []

    other = index_files(IndexSources(merged, {"fr": [("sauvegarde", "copie")], "en": []}, {}), tmp_path)
    assert len(calls) == 1 and other["fr"] != made["fr"]
    assert "copie" in json.loads(other["fr"])["docs"][0]["text_alt"]
    index_files(IndexSources(merged, VOCABULARY, {"index.html": ["Accueil"]}), tmp_path)  # the titles are an input too
    assert len(calls) == 2


def test_only_the_newest_index_files_are_kept(tmp_path):
    merged = json.loads(json.dumps(MERGED))
    for n in range(search_index.KEEP):
        merged["docs"][0]["text"] = f"Version {n} des sauvegardes."
        index_files(IndexSources(json.dumps(merged).encode(), VOCABULARY, {}), tmp_path)
    assert len(list((tmp_path / "indexes").glob("*/*.json"))) == search_index.KEEP
