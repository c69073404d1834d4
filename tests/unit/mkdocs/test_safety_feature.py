"""The plugin's safety feature without a build: the theme's templates are never files of the site."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from conftest import FeatureUnderTest, mkdocs_config


def test_theme_templates_are_left_out_even_with_a_relative_config_file(tmp_path, monkeypatch):
    """With `mkdocs build -f mkdocs.yml` MkDocs gives theme files a relative abs_src_path: still left out."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides" / "partials" / "kits").mkdir(parents=True)
    (tmp_path / "overrides" / "assets").mkdir()
    config = mkdocs_config(tmp_path / "docs")
    config.theme = SimpleNamespace(custom_dir="overrides")
    safety = FeatureUnderTest("safety")
    safety.plugin.configure(config)
    template = File("partials/kits/archive-licence.txt", src_dir="overrides", dest_dir="site", use_directory_urls=False)
    asset = File("assets/site.css", src_dir="overrides", dest_dir="site", use_directory_urls=False)
    assert not template.abs_src_path.startswith("/")  # as MkDocs makes it from a relative folder
    kept = safety.on_files(Files([template, asset]), config=config)
    assert [f.src_uri for f in kept] == ["assets/site.css"]
