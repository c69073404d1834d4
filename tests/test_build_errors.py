"""Bad input stops the strict build with a message naming the page or file, and no traceback."""

from __future__ import annotations

import pytest

from conftest import build_project

pytestmark = pytest.mark.build


def test_broken_internal_link_names_the_page(project):
    page = project / "docs" / "incident.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVoir [la page absente](absente.md).\n", encoding="utf-8")
    code, output = build_project(project)
    assert code != 0
    assert "Doc file 'incident.md' contains a link 'absente.md'" in output
    assert "Traceback" not in output


def test_unknown_marker_names_the_page(project):
    page = project / "docs" / "medico-social.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- calendrierr -->\n", encoding="utf-8")
    code, output = build_project(project)
    assert code != 0
    assert "medico-social.en.md: marker <!-- calendrierr --> is unknown or was not replaced" in output
    assert "Traceback" not in output


def test_broken_interface_strings_name_file_and_line(project):
    strings = project / "data" / "strings.yml"
    strings.write_text(
        strings.read_text(encoding="utf-8") + "footer.extra:\n  fr: Seulement en français\n", encoding="utf-8"
    )
    code, output = build_project(project)
    assert code != 0
    line = strings.read_text(encoding="utf-8").splitlines().index("footer.extra:") + 1
    assert f"data/strings.yml:{line}: footer.extra.en: missing or empty text (add the en text)" in output
    assert "Traceback" not in output
