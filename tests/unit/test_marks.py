"""The marks that keep `make unit` fast: a test that builds or starts Chromium carries `build` or `browser`."""

from __future__ import annotations

import contextlib
import inspect

import pytest

from conftest import FROZEN_TODAY, run_mkdocs_build
from support.browser import launch

# What a test or one of its fixtures calls when it builds a site or starts Chromium.
SLOW_CALLS = {
    "build": ("run_mkdocs_build(", "build_project(", "_shared_build("),
    "browser": ("launch(",),
}


def _sources(item: pytest.Item) -> dict[str, str]:
    """The source of the test function and of every fixture it uses, by name."""
    found = {item.name: inspect.getsource(item.function)}
    for name, definitions in item._fixtureinfo.name2fixturedefs.items():
        for definition in definitions:
            with contextlib.suppress(OSError, TypeError):  # a fixture of pytest or a plugin, without source here
                found[f"fixture {name}"] = inspect.getsource(definition.func)
    return found


def test_every_test_that_builds_or_starts_chromium_carries_its_mark(request):
    """A collection check over the session's tests (under `make unit`, the tests it selected)."""
    own = {test_a_build_without_the_build_mark_fails_before_building, test_chromium_without_its_mark_fails_first}
    unmarked = []
    for item in request.session.items:
        if not isinstance(item, pytest.Function) or item.function in own:
            continue
        for where, source in _sources(item).items():
            for mark, calls in SLOW_CALLS.items():
                called = [call for call in calls if call in source]
                if called and item.get_closest_marker(mark) is None:
                    unmarked.append(f"{item.nodeid}: {where} calls {called[0]}…) without @pytest.mark.{mark}")
    assert unmarked == []


def test_a_build_without_the_build_mark_fails_before_building(tmp_path):
    with pytest.raises(pytest.fail.Exception, match=r"runs mkdocs build without @pytest\.mark\.build"):
        run_mkdocs_build(tmp_path / "site", FROZEN_TODAY)
    assert not (tmp_path / "site").exists()


def test_chromium_without_its_mark_fails_first():
    with pytest.raises(pytest.fail.Exception, match=r"starts Chromium without @pytest\.mark\.browser"):
        launch(None)
