"""Pages marked draft leave a build without drafts (files and menu), stay in a preview; a link to one is told as a
link to an unpublished page. The profile and its logo are watched by make serve wherever they are."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from conftest import FeatureUnderTest
from sitekit.mkdocs.buildlog import link_problem


def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (folder / "prep.md").write_text("---\ntitle: Prép\ndraft: true\n---\n\n# Prép\n", encoding="utf-8")
    (folder / "prep.en.md").write_text("---\ntitle: Prep\n---\n\n# Prep\n", encoding="utf-8")
    return folder


def build_files(folder: Path) -> Files:
    return Files([File(name, str(folder), str(folder.parent / "site"), False) for name in ("index.md", "prep.md",
                                                                                           "prep.en.md")])  # fmt: skip


def config(folder: Path) -> SimpleNamespace:
    return SimpleNamespace(
        docs_dir=str(folder), config_file_path=str(folder.parent / "mkdocs.yml"), plugins={}, extra={},
        nav=[{"Accueil": "index.md"}, {"Prép": "prep.md"}],
    )  # fmt: skip


def test_draft_pages_leave_a_build_without_drafts_and_its_menu(tmp_path, monkeypatch):
    monkeypatch.delenv("SITEKIT_DRAFTS", raising=False)
    folder = docs(tmp_path)
    feature, cfg = FeatureUnderTest("drafts"), config(folder)
    feature.plugin.configure(cfg)
    files = feature.on_files(build_files(folder), config=cfg)
    assert [f.src_uri for f in files] == ["index.md"]
    assert cfg.nav == [{"Accueil": "index.md"}]


def test_a_preview_builds_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SITEKIT_DRAFTS", "1")
    folder = docs(tmp_path)
    feature, cfg = FeatureUnderTest("drafts"), config(folder)
    feature.plugin.configure(cfg)
    files = feature.on_files(build_files(folder), config=cfg)
    assert [f.src_uri for f in files] == ["index.md", "prep.md", "prep.en.md"]
    assert cfg.nav == [{"Accueil": "index.md"}, {"Prép": "prep.md"}]


def test_a_link_to_a_page_left_out_is_a_link_to_an_unpublished_page(tmp_path):
    folder = docs(tmp_path)
    (folder / "index.md").write_text("# Accueil\n\nVoir [la page](prep.md).\n", encoding="utf-8")
    message = "Doc file 'index.md' contains a link 'prep.md', but the target is not found among documentation files."
    problem = link_problem(message, folder)
    assert str(problem) == (
        "docs/index.md:3: link: the link 'prep.md' leads to an unpublished page: docs/prep.md is left out of this "
        "build (a draft: only make preview builds it) (remove the link until the page is published (a page: remove "
        "its line draft: true; a campaign: status: publie))"
    )
    gone = link_problem(message.replace("prep.md", "nowhere.md"), folder)
    assert "leads nowhere" in gone.message
