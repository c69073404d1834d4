"""Pages marked draft: found with their translations, taken out of the navigation, noted once by the validator."""

from __future__ import annotations

from pathlib import Path

from sitekit.core.problems import Level
from sitekit.pages.drafts import draft_line, draft_notes, draft_pages, is_draft, without_pages


def page(folder: Path, name: str, head: str) -> None:
    (folder / name).write_text(f"---\ntitle: T\n{head}---\n\n# T\n", encoding="utf-8")


def test_a_page_marked_draft_and_its_translation_are_drafts(tmp_path: Path):
    page(tmp_path, "a.md", "draft: true\n")
    page(tmp_path, "a.en.md", "")
    page(tmp_path, "b.md", "draft: false\n")
    page(tmp_path, "c.md", "review_by: 2027-01-01\n")
    page(tmp_path, "c.en.md", "draft: oui\n")  # an English page alone can be a draft too
    (tmp_path / "d.md").write_text("No front matter: draft: true in the text\n", encoding="utf-8")
    names = ["a.md", "a.en.md", "b.md", "c.md", "c.en.md", "d.md", "image.png"]
    assert draft_pages(tmp_path, names) == {"a.md", "a.en.md", "c.en.md"}
    assert draft_line(tmp_path / "a.md") == 3 and draft_line(tmp_path / "b.md") == 0
    assert is_draft({"draft": True}) and not is_draft({"draft": "no"}) and not is_draft({})


def test_the_navigation_loses_draft_entries_and_sections_left_empty():
    nav = [{"Accueil": "index.md"}, {"Guide": [{"Brouillon": "guide/b.md"}]}, "a.md", {"Autre": "b.md"}]
    assert without_pages(nav, {"guide/b.md", "a.md"}) == [{"Accueil": "index.md"}, {"Autre": "b.md"}]
    assert without_pages(nav, set()) == nav


def test_the_validator_notes_each_draft_page_once():
    [note] = draft_notes([("docs/a.md", {"draft": True}, 3), ("docs/b.md", {}, 0)], "2026-03-01")
    assert str(note.localized("en")) == (
        "docs/a.md:3: draft: the page is a draft (draft: true): it is not published "
        "(see it with make preview DATE=2026-03-01; publish it by removing the line draft: true)"
    )
    assert note.level is Level.INFO
