"""Root causes first: a file of every family the build and the validator read, saved in Latin-1 (what an old
editor does) or with broken syntax, is the first error the validator shows, named with its line, and no check
that depends on it (vocabulary, links, translations, authors, references) blames another file for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitekit.checks import cli

pytestmark = pytest.mark.long  # eight validator runs on copies of the project

# One file of each family: pages in both languages, news posts, data files, kits' kit.yml and texts.
FAMILIES = {
    "page": "docs/bonnes-pratiques.md",
    "English page": "docs/bonnes-pratiques.en.md",
    "news post": "docs/actualites/billets/2025-10-13-signaler-un-incident-cert-sante.md",
    "campaign": "data/campaigns/2026.yml",
    "calls": "data/calls.yml",
    "criteria": "data/criteria.yml",
    "profile": "data/profile.yml",
    "strings": "data/strings.yml",
    "vocabulary": "data/vocabulary.yml",
    "authors": "data/authors.yml",
    "kit.yml": "kits/hameconnage/kit.yml",
    "kit text": "kits/mots-de-passe/affiche.fr.md",  # another kit: a kit.yml that fails lists no text to read
    "pictograms": "kits/_pictograms/pictograms.yml",
    "kit versions": "kits/versions.yml",
}
# Kit texts have no YAML: their layout is checked when the build prints them (tests/unit/kits).
SYNTAX_FAMILIES = {name: path for name, path in FAMILIES.items() if name != "kit text"}


def _errors(capsys: pytest.CaptureFixture[str], root: Path) -> list[str]:
    code = cli.main(["--root", str(root), "--today", "2026-12-07", "--lang", "en"])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    return [line for line in out.splitlines() if ": error: " in line]


def test_the_project_has_no_error_before_a_file_is_broken(project, capsys):
    code = cli.main(["--root", str(project), "--today", "2026-12-07", "--lang", "en"])
    out, _ = capsys.readouterr()
    assert code == 0 and ": error: " not in out


def _latin1(file: Path) -> str:
    """Save `file` in Latin-1 (Windows-1252); the problem its first accent gives."""
    text = file.read_text(encoding="utf-8")
    if text.isascii():
        text = "# Révision\n" + text  # every family's file may hold an accent
    file.write_bytes(text.encode("cp1252", errors="replace"))
    first = next(i for i, char in enumerate(text) if not char.isascii())
    line = text.count("\n", 0, first) + 1
    byte = text[first].encode("cp1252", errors="replace")[0]
    return f"{line}: error: not UTF-8 text (byte 0x{byte:02X}) (save the file as UTF-8)"


def _broken(file: Path) -> str:
    """Break the syntax of `file` (an unclosed « [ », in the front matter of a page); the problem it gives."""
    text = file.read_text(encoding="utf-8")
    if file.suffix == ".md":  # in the front matter, its second line
        file.write_text("---\nreview_by: [2027-01-01\n" + text.removeprefix("---\n"), encoding="utf-8")
        line = 2
    else:
        file.write_text(text + "zz_broken: [unclosed\n", encoding="utf-8")
        line = len(text.splitlines()) + 1
    return f"{line}: error: « [ » opened on this line is not closed on it (close it with « ] » on the same line)"


@pytest.mark.parametrize(("families", "breaking"), [(FAMILIES, _latin1), (SYNTAX_FAMILIES, _broken)])
def test_a_file_of_each_family_is_named_at_its_line_and_nothing_else_is_blamed(project, capsys, families, breaking):
    """Every family broken at once: each file's own problem is the first shown for it, and no other error is
    shown (no check that depends on a file reports its consequences elsewhere)."""
    expected = {shown: f"{shown}:{breaking(project / shown)}" for shown in families.values()}
    errors = _errors(capsys, project)
    firsts = {shown: next((e for e in errors if e.startswith(f"{shown}:")), None) for shown in families.values()}
    assert firsts == expected
    assert [e for e in errors if e not in expected.values()] == []


@pytest.mark.parametrize("shown", ["docs/bonnes-pratiques.md", "data/authors.yml", "kits/hameconnage/kit.yml"])
def test_a_latin1_file_alone_is_the_first_error(project, capsys, shown):
    expected = f"{shown}:{_latin1(project / shown)}"
    assert _errors(capsys, project) == [expected]


@pytest.mark.parametrize(
    "shown", ["docs/actualites/billets/2025-10-13-signaler-un-incident-cert-sante.md", "data/campaigns/2026.yml"]
)
def test_a_syntax_error_alone_is_the_first_error(project, capsys, shown):
    expected = f"{shown}:{_broken(project / shown)}"
    assert _errors(capsys, project) == [expected]
