"""Bad input stops the strict build with a message naming the page or file, and no traceback."""

from __future__ import annotations

import pytest

from conftest import build_project

pytestmark = pytest.mark.build


def broken_build(project, path: str, added: str) -> str:
    """The output of the build of `project` once `added` is written at the end of its file `path`: a failed build,
    without a traceback."""
    file = project / path
    file.write_text(file.read_text(encoding="utf-8") + added, encoding="utf-8")
    code, output = build_project(project)
    assert code != 0
    assert "Traceback" not in output
    return output


def test_broken_internal_link_names_the_page(project):
    output = broken_build(project, "docs/incident.md", "\nVoir [la page absente](absente.md).\n")
    assert "Doc file 'incident.md' contains a link 'absente.md'" in output


def test_unknown_marker_names_the_page(project):
    output = broken_build(project, "docs/medico-social.en.md", "\n<!-- calendrierr -->\n")
    assert "medico-social.en.md: marker <!-- calendrierr --> is unknown or was not replaced" in output


def test_broken_interface_strings_name_file_and_line(project):
    output = broken_build(project, "data/strings.yml", "footer.extra:\n  fr: Seulement en français\n")
    line = (project / "data" / "strings.yml").read_text(encoding="utf-8").splitlines().index("footer.extra:") + 1
    assert f"data/strings.yml:{line}: footer.extra.en: missing or empty text (add the en text)" in output
