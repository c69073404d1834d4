"""A project that still has the data files' names of before this release builds the same site, each old name told
once (in English: the tests' SITEKIT_LANG; the loaders' side and the French notices:
tests/unit/project/test_old_names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_project

pytestmark = pytest.mark.build

OLD_NAMES = (  # old -> new
    ("data/profil.yml", "data/profile.yml"),
    ("data/campagnes", "data/campaigns"),
    ("data/vocabulaire.yml", "data/vocabulary.yml"),
    ("kits/_pictogrammes", "kits/_pictograms"),
)
# The file that names its source: the record of the profile that built the site (its name; its SHA-256 is the
# same). The stylesheets lose their comments, the palette's naming the profile file among them.
NAMES_ITS_SOURCE = ["sitekit-build.json"]


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_project_with_the_old_names_builds_the_same_site_told_once(project, site):
    for old, new in OLD_NAMES:
        (project / new).rename(project / old)
    code, output = build_project(project)
    assert code == 0, output
    for old, new in OLD_NAMES:
        assert output.count(f"notice: {old} is now called {new} (the old name still works") == 1, output
    built, shipped = files(project / "site"), files(site)
    assert built.keys() == shipped.keys()
    assert [name for name in built if built[name] != shipped[name]] == NAMES_ITS_SOURCE
    for name in NAMES_ITS_SOURCE:
        assert built[name].replace(b"data/profil.yml", b"data/profile.yml") == shipped[name]
