"""The calendar's feature called without a build: bad data and a bad build date stop it with every problem and no
traceback; the call pages it generates are written only when they change, and stale ones go."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT, FeatureUnderTest, mkdocs_config
from sitekit.calls.model import load_calls
from sitekit.calls.view import GENERATED_NOTE

CALLS = load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")


def test_invalid_data_stops_the_build_with_every_problem_and_no_traceback(monkeypatch, project):
    shutil.copy(ROOT / "tests" / "fixtures" / "calls" / "malformed-date.yml", project / "data" / "calls.yml")
    monkeypatch.setenv("SITEKIT_TODAY", "2025-10-20")
    with pytest.raises(PluginError) as exc:
        FeatureUnderTest("calls").on_config(mkdocs_config(project / "docs", root=project))
    assert str(exc.value) == (
        "the project data is invalid:\n"
        "data/calls.yml:9: calls[0].opens: '2025-02-30' is not a date "
        "(write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it)\n"
        "data/calls.yml:10: calls[0].closes: '31/10/2025' is not a date "
        "(write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it)"
    )
    assert exc.value.__cause__ is None and exc.value.__suppress_context__


def test_a_bad_build_date_stops_the_build(monkeypatch, tmp_path):
    monkeypatch.setenv("SITEKIT_TODAY", "20/10/2025")
    with pytest.raises(PluginError) as exc:
        FeatureUnderTest("calls").on_config(mkdocs_config(tmp_path))
    assert str(exc.value) == "SITEKIT_TODAY: '20/10/2025' is not a date (write YYYY-MM-DD, e.g. 2025-10-31)"


def test_call_pages_are_written_only_when_they_change_and_stale_ones_go(monkeypatch, tmp_path):
    monkeypatch.setenv("SITEKIT_TODAY", "2025-10-20")
    folder = tmp_path / "appels" / "fiches"
    folder.mkdir(parents=True)
    stale = folder / "ancien-appel.md"
    stale.write_text(f"---\n# {GENERATED_NOTE}\n---\n", encoding="utf-8")
    handwritten = folder / "notes.md"
    handwritten.write_text("# Notes\n", encoding="utf-8")

    FeatureUnderTest("calls").on_config(mkdocs_config(tmp_path))
    written = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.md")}
    assert set(written) == {f"{c.id}{suffix}.md" for c in CALLS for suffix in ("", ".en")} | {"notes.md"}
    assert "title: " in (folder / "d2-candidature.en.md").read_text(encoding="utf-8")

    FeatureUnderTest("calls").on_config(mkdocs_config(tmp_path))
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.md")} == written
