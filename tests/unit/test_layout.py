"""The test suite's layout: each test file lives in the folder that gives its tests their marks, tests/unit/ mirrors
the package, and the folders (with the `long` mark a module declares) give the order of `make test`'s scopes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

import conftest
from conftest import ROOT, TESTS

PACKAGE = ROOT / "src" / "sitekit"
# The folders of tests/ and what each holds besides tests/conftest.py and data files (budgets, relevance set).
FOLDERS = {"unit", "site", "browser", "support", "fixtures"}


def suite_files() -> list[Path]:
    return sorted(TESTS.rglob("test_*.py"))


def unit_areas() -> set[str]:
    """The names a folder of tests/unit/ may have: the package's subpackages, and `project` for its loader."""
    areas = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    assert (PACKAGE / "project.py").is_file()
    return areas | {"project"}


def test_every_test_file_lives_in_a_folder_that_gives_its_marks():
    assert len(suite_files()) > 50
    misplaced = []
    for path in suite_files():
        parts = path.relative_to(TESTS).parts
        if parts[0] == "unit":
            fits = len(parts) == 2 or (len(parts) == 3 and parts[1] in unit_areas())  # the suite's own, or an area
        else:
            fits = parts[0] in ("site", "browser") and len(parts) == 2
        if not fits:
            misplaced.append(path.relative_to(ROOT).as_posix())
    assert misplaced == [], (
        "move each into tests/unit/<area>/ (an area is a subpackage of src/sitekit, or project), tests/site/ "
        "(it builds a site) or tests/browser/ (it drives Chromium)"
    )


def test_tests_holds_only_its_folders_conftest_and_data():
    python = sorted(p.name for p in TESTS.glob("*.py"))
    folders = {p.name for p in TESTS.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))}
    assert python == ["conftest.py"]
    assert folders <= FOLDERS, f"unknown folders in tests/: {sorted(folders - FOLDERS)}"


def test_each_unit_area_is_a_folder_of_the_package():
    areas = {p.name for p in (TESTS / "unit").iterdir() if p.is_dir() and not p.name.startswith((".", "__"))}
    assert {"calls", "core", "kits", "project"} <= areas
    assert areas <= unit_areas(), f"tests/unit/ folders with no package folder of that name: {areas - unit_areas()}"


def test_one_conftest_and_file_names_unique_across_folders():
    """pytest imports each test file by its name (no __init__.py), and tests import `conftest` by name: a second
    conftest.py or two test files of one name would replace one module with the other."""
    assert sorted(p.relative_to(TESTS).as_posix() for p in TESTS.rglob("conftest.py")) == ["conftest.py"]
    names = [p.name for p in suite_files()]
    assert sorted({name for name in names if names.count(name) > 1}) == []
    packages = [p.parent.relative_to(TESTS).as_posix() for p in TESTS.rglob("__init__.py")]
    assert packages == ["support"]


@dataclass
class Item:
    """What conftest's collection hooks read of a pytest item."""

    nodeid: str
    fixturenames: tuple[str, ...] = ()
    marks: set[str] = field(default_factory=set)
    cls: type | None = None

    @property
    def path(self) -> Path:
        return ROOT / self.nodeid.split("::", 1)[0]

    def add_marker(self, mark: str | pytest.MarkDecorator) -> None:
        self.marks.add(mark if isinstance(mark, str) else mark.name)

    def get_closest_marker(self, name: str) -> str | None:
        return name if name in self.marks else None


def collected(monkeypatch, *items: Item) -> tuple[list[Item], dict[str, str]]:
    """The items once marked and ordered by conftest's collection hook, and the misplaced ones with their reason."""
    misplaced: dict[str, str] = {}
    monkeypatch.setattr(conftest, "_misplaced", misplaced)
    found = list(items)
    conftest.pytest_collection_modifyitems(None, found)
    return found, misplaced


def test_the_folder_gives_the_marks_and_a_test_elsewhere_is_told_where_to_go(monkeypatch):
    items, misplaced = collected(
        monkeypatch,
        Item("tests/unit/calls/test_a.py::test_loads"),
        Item("tests/site/test_b.py::test_page", ("site",)),
        Item("tests/browser/test_c.py::test_click", ("browser", "base_url")),
        Item("tests/unit/calls/test_a.py::test_built", ("site",)),
        Item("tests/site/test_b.py::test_chromium", ("browser",)),
        Item("tests/test_d.py::test_flat"),
    )
    assert {item.nodeid.split("::")[1]: item.marks for item in items} == {
        "test_loads": set(),
        "test_page": {"build"},
        "test_click": {"build", "browser"},
        "test_built": {"build"},
        "test_chromium": {"build", "browser"},
        "test_flat": set(),
    }
    assert misplaced == {
        "tests/unit/calls/test_a.py::test_built": "needs build but lives in tests/unit/ (move it to tests/site/)",
        "tests/site/test_b.py::test_chromium": "needs browser but lives in tests/site/ (move it to tests/browser/)",
        "tests/test_d.py::test_flat": "is outside tests/unit/, tests/site/ and tests/browser/ (move it to one of them)",
    }


def test_the_first_long_scope_then_the_unit_scopes_then_the_other_long_ones_start_first(monkeypatch):
    class TestPart:  # a class is a scope of its own
        pass

    items, _ = collected(
        monkeypatch,
        Item("tests/browser/test_a.py::test_short"),
        Item("tests/browser/test_sweep.py::TestPart::test_one", marks={"long"}, cls=TestPart),
        Item("tests/browser/test_sweep.py::test_other", marks={"long"}),
        Item("tests/site/test_profiles.py::test_built", marks={"long"}),
        Item("tests/site/test_b.py::test_page"),
        Item("tests/unit/kits/test_c.py::test_docs", ("root_docs",)),  # waits for the first build
        Item("tests/unit/calls/test_d.py::test_quick"),
        Item("tests/unit/core/test_e.py::test_properties", marks={"long"}),
    )
    assert [item.nodeid.rsplit("/", 1)[1] for item in items] == [
        "test_sweep.py::TestPart::test_one",
        "test_e.py::test_properties",
        "test_d.py::test_quick",
        "test_sweep.py::test_other",
        "test_profiles.py::test_built",
        "test_a.py::test_short",
        "test_b.py::test_page",
        "test_c.py::test_docs",
    ]
