"""The product's files name no private note, sibling folder or issue tracker entry: what they say is said in
place (a reader of the repository or the installed package has none of these)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "sitekit"
FORBIDDEN = re.compile(
    r"STACK-NOTES|\.\./shared|\b(?:issues?|tickets?|bugs?|PR|pull request)\s*#?\d+|/(?:issues|pull)/\d+|\(#\d+\)",
    re.IGNORECASE,
)


def forbidden_mentions(files: list[Path]) -> list[str]:
    out = []
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            out += [f"{file.name}:{number}: {match[0]}" for match in FORBIDDEN.finditer(line)]
    return out


def test_the_package_names_no_note_sibling_folder_or_issue():
    files = [p for p in sorted(PACKAGE.rglob("*")) if p.suffix in (".py", ".yml", ".md", ".txt", ".html")]
    assert len(files) > 90
    assert forbidden_mentions(files) == []


# Every text file of the project but this test (its examples are the forbidden mentions) and the npm lock file.
TEXT_SUFFIXES = (".py", ".yml", ".yaml", ".md", ".txt", ".html", ".css", ".js", ".json", ".toml", ".cfg", ".in")
LEFT_OUT = {"package-lock.json", "test_package_text.py"}
SKIPPED_FOLDERS = {".git", ".venv", ".venv-properdocs", "node_modules", "site", "site-properdocs", ".cache"}


def project_text_files() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*"))
        if path.is_file()
        and path.suffix in TEXT_SUFFIXES
        and path.name not in LEFT_OUT
        and not SKIPPED_FOLDERS & set(path.relative_to(ROOT).parts)
        and "vendor" not in path.relative_to(ROOT).parts  # third-party scripts shipped as they are
    ]


def test_the_project_names_no_note_sibling_folder_or_issue():
    files = project_text_files() + [ROOT / "Makefile", ROOT / ".ci" / "run"]
    assert len(files) > 300
    assert forbidden_mentions(files) == []


def test_each_kind_of_mention_is_found(tmp_path):
    file = tmp_path / "x.py"
    file.write_text(
        '"""See STACK-NOTES."""\nPATH = "../shared/a"  # issue 12\n# fixed in (#34), see PR #5\nCOLOUR = "#000"\n',
        encoding="utf-8",
    )
    assert forbidden_mentions([file]) == [
        "x.py:1: STACK-NOTES",
        "x.py:2: ../shared",
        "x.py:2: issue 12",
        "x.py:3: (#34)",
        "x.py:3: PR #5",
    ]
