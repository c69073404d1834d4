"""The Nu HTML Checker (vnu.jar, pinned in package-lock.json) on every built page of both languages.

No error is allowed in the site's own HTML. Errors of the theme that the project cannot fix in overrides/ are
listed apart in THEME_ERRORS, each with its reason, and printed; an error that matches none of them fails.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (start of the message, text the offending markup holds, why it stays)
THEME_ERRORS = (
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'data-md-toggle="',
        'Material\'s base.html writes autocomplete="off" on its drawer and search checkboxes, outside any '
        "block (only a copy of the whole base template could change it); it keeps Firefox from restoring "
        "their state when going back",
    ),
)


@dataclass(frozen=True)
class HtmlError:
    page: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message} ({' '.join(self.extract.split())[:120]})"

    def theme_reason(self) -> str | None:
        for start, markup, reason in THEME_ERRORS:
            if self.message.startswith(start) and markup in self.extract:
                return reason
        return None


def vnu_errors(folder: Path) -> list[HtmlError]:
    """Every error vnu finds in the HTML files under `folder` (paths relative to it)."""
    assert shutil.which("java"), "Java is missing: `make test` installs Debian's default-jre-headless"
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: run `make test` (npm ci installs vnu-jar)"
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", "--skip-non-html", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr.strip(), f"vnu printed no report (exit {result.returncode}): {result.stdout}"
    messages = json.loads(result.stderr)["messages"]
    return [
        HtmlError(
            _relative(m.get("url", ""), folder),
            m.get("lastLine", 0),
            m["message"],
            m.get("extract", ""),
        )
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


def _relative(url: str, folder: Path) -> str:
    """vnu names a file file:/abs/path: the path under `folder`."""
    path = Path(unquote(urlsplit(url).path))
    return path.relative_to(folder.resolve()).as_posix() if path.is_relative_to(folder.resolve()) else url


@pytest.fixture(scope="module")
def site_errors(site) -> list[HtmlError]:
    return vnu_errors(site)


def test_the_site_own_html_has_no_error(site_errors):
    own = [str(e) for e in site_errors if e.theme_reason() is None]
    assert own == [], f"{len(own)} HTML errors (Nu HTML Checker):\n" + "\n".join(own[:50])


def test_theme_errors_are_reported_apart(site_errors, site, capsys):
    theme: dict[str, int] = {}
    for error in site_errors:
        reason = error.theme_reason()
        if reason is not None:
            theme[f"{error.message} — {reason}"] = theme.get(f"{error.message} — {reason}", 0) + 1
    pages = len(list(site.rglob("*.html")))
    with capsys.disabled():
        print(f"\nNu HTML Checker, {pages} pages: theme errors left (not the site's own):")
        for text, count in sorted(theme.items()):
            print(f"  {count} x {text}")
    # Each excused error still happens: once the theme fixes one, its entry goes.
    for start, _, reason in THEME_ERRORS:
        assert any(e.theme_reason() == reason for e in site_errors), f"not seen any more, remove it: {start}"


def test_the_checker_reports_page_line_and_message(tmp_path):
    """The harness itself: a page with known errors gives them with page and line (not a silent pass)."""
    (tmp_path / "faulty.html").write_text(
        '<!doctype html>\n<html lang="fr"><head><title>x</title></head>\n<body>\n'
        '<label for="nothing">Nom</label>\n<meta name="description" content="Le "mode" dégradé">\n</body></html>\n',
        encoding="utf-8",
    )
    errors = vnu_errors(tmp_path)
    lines = [str(e) for e in errors]
    assert any(e.page == "faulty.html" and e.line == 4 and "“for” attribute" in e.message for e in errors), lines
    assert any(e.line == 5 for e in errors), lines
    assert all(e.theme_reason() is None for e in errors)
