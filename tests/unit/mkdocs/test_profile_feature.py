"""The profile feature under make serve: the profile and its logo are watched wherever they are."""

from __future__ import annotations

from types import SimpleNamespace

from sitekit.mkdocs.features.profile import watch_files


def test_make_serve_watches_the_profile_and_its_logo_outside_the_watched_folders(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "profiles").mkdir()
    cfg = SimpleNamespace(docs_dir=str(tmp_path / "docs"), watch=[str(tmp_path / "data")])
    mine, logo, demo = tmp_path / "profiles" / "ch.yml", tmp_path / "profiles" / "ch.svg", tmp_path / "data" / "p.yml"
    watch_files(cfg, [mine, logo])
    watch_files(cfg, [mine, demo])  # each once; one under a watched folder is not added
    assert cfg.watch == [str(tmp_path / "data"), str(mine.resolve()), str(logo.resolve())]
