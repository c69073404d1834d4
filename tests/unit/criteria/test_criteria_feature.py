"""The criteria feature called without a build: kit pages list their criteria, kit ids come from the kits' folders, an
unknown criterion page and bad criteria data stop it with the file and line."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT, FeatureUnderTest, mkdocs_config
from sitekit.calls.model import load_calls
from sitekit.criteria.model import load_criteria
from sitekit.kits.model import kit_folder_ids

CALLS = load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")
DATA = load_criteria(
    ROOT / "data" / "criteria.yml", "data/criteria.yml", {c.id for c in CALLS}, kit_folder_ids(ROOT / "kits")
)


def test_kit_pages_list_their_criteria(tmp_path):
    criteria = FeatureUnderTest("criteria")
    criteria.on_config(mkdocs_config(tmp_path))
    config = mkdocs_config(tmp_path, "en")
    kit = next(k for c in DATA.criteria for k in c.kits)
    page = SimpleNamespace(url=f"en/kits/fiches/{kit}.html", meta={"kit": kit}, file=None)
    out = criteria.on_page_markdown("# Kit\n", page=page, config=config, files=None)
    wanted = [c.id for c in DATA.criteria if kit in c.kits]
    assert out.startswith("# Kit\n") and "## Related certification criteria" in out
    tree = HTMLParser(out)
    assert [li.attributes["data-criterion-id"] for li in tree.css("ul.criteria-related li")] == wanted
    assert (
        tree.css_first("ul.criteria-related a").attributes["href"] == f"../../certification/criteres/{wanted[0]}.html"
    )
    lonely = SimpleNamespace(url="kits/fiches/sans-critere.html", meta={"kit": "sans-critere"}, file=None)
    assert criteria.on_page_markdown("# Kit\n", page=lonely, config=config, files=None) == "# Kit\n"


def test_kit_ids_come_from_folders_with_a_kit_yml(tmp_path):
    assert kit_folder_ids(tmp_path) is None
    (tmp_path / "hameconnage").mkdir()
    (tmp_path / "brouillon").mkdir()
    (tmp_path / "hameconnage" / "kit.yml").write_text("id: hameconnage\n", encoding="utf-8")
    assert kit_folder_ids(tmp_path) == {"hameconnage"}


def test_unknown_criterion_page_is_refused(tmp_path):
    criteria = FeatureUnderTest("criteria")
    criteria.on_config(mkdocs_config(tmp_path))
    page = SimpleNamespace(
        url="certification/criteres/x.html",
        meta={"criterion": "x"},
        file=SimpleNamespace(src_uri="certification/criteres/x.md"),
    )
    with pytest.raises(PluginError) as exc:
        criteria.on_page_markdown("<!-- criterion-page -->", page=page, config=mkdocs_config(tmp_path), files=None)
    assert str(exc.value) == (
        "certification/criteres/x.md: front matter criterion: 'x' is not an id in "
        "data/criteria.yml (delete the page: it is regenerated from data/criteria.yml)"
    )


def test_bad_criteria_data_stops_the_build_with_file_and_line(project):
    """The feature's error (the strict build turns it into its exit message; tests/site/test_build_errors.py builds
    a project with bad data end to end)."""
    data = project / "data" / "criteria.yml"
    text = data.read_text(encoding="utf-8").replace("calls: [d2-candidature]\n", "calls: [d2-candidatures]\n", 1)
    data.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    calls: [d2-candidatures]") + 1
    with pytest.raises(PluginError) as exc:
        FeatureUnderTest("criteria").on_config(mkdocs_config(project / "docs", root=project))
    assert (
        f"data/criteria.yml:{line}: criteria[0].calls[0]: unknown call 'd2-candidatures' "
        "(did you mean d2-candidature? the ids are listed in data/calls.yml)"
    ) in str(exc.value)
    assert exc.value.__cause__ is None and exc.value.__suppress_context__  # no traceback
