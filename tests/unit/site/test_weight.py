"""Weight budget: bytes per page against tests/budgets.yml, and the static count checked against Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from browser import serve
from conftest import ROOT, refused
from sitekit.site.weight import load_budgets, main, page_weight, search_index_sizes

BUDGETS = ROOT / "tests" / "budgets.yml"
TOLERANCE = 0.10


def measured(site: Path, path: str) -> int:
    indexes = search_index_sizes(site)
    return indexes[path] if path in indexes else page_weight(site, path).total


def over_budget(measures: dict[str, int], budgets: dict[str, int]) -> list[str]:
    return [
        f"{path}: {measures[path]} bytes, budget {budget} (+{(measures[path] / budget - 1) * 100:.1f} %)"
        for path, budget in budgets.items()
        if measures[path] > budget * (1 + TOLERANCE)
    ]


def test_every_budgeted_page_stays_within_its_budget_plus_10_percent(site):
    budgets = load_budgets(BUDGETS, "tests/budgets.yml")
    unknown = [path for path in budgets if not (site / path).is_file()]
    assert unknown == [], f"tests/budgets.yml: no such file in the built site: {unknown} (remove or rename the line)"
    measures = {path: measured(site, path) for path in budgets}
    assert over_budget(measures, budgets) == [], "\n".join(over_budget(measures, budgets))
    for path in budgets:
        if path.endswith(".html"):
            assert page_weight(site, path).missing == [], path


def test_over_budget_message_names_page_measure_budget_and_excess():
    assert over_budget({"a.html": 1100, "b.html": 1101}, {"a.html": 1000, "b.html": 1000}) == [
        "b.html: 1101 bytes, budget 1000 (+10.1 %)"
    ]


def test_static_weight_counts_each_referenced_file_once(tmp_path):
    (tmp_path / "assets" / "fonts").mkdir(parents=True)
    (tmp_path / "sub").mkdir()
    (tmp_path / "assets" / "a.css").write_text(
        '@import "b.css"; body{background:url(../bg.png)} x{background:url("data:image/png;base64,AAAA")}'
    )
    (tmp_path / "assets" / "b.css").write_text("@font-face{src:url('fonts/f.woff2')} y{background:url(../bg.png)}")
    (tmp_path / "assets" / "fonts" / "f.woff2").write_bytes(b"f" * 100)
    (tmp_path / "bg.png").write_bytes(b"p" * 50)
    (tmp_path / "app.js").write_bytes(b"j" * 30)
    (tmp_path / "sub" / "page.html").write_text(
        '<link rel="stylesheet" href="../assets/a.css"><link rel="stylesheet" href="/assets/a.css">'
        '<script src="../app.js"></script><script src="https://cdn.example/x.js"></script>'
        '<img src="../bg.png"><img src="../gone.png"><a href="../other.html">not loaded</a>'
    )
    weight = page_weight(tmp_path, "sub/page.html")
    assert sorted(weight.files) == [
        "app.js",
        "assets/a.css",
        "assets/b.css",
        "assets/fonts/f.woff2",
        "bg.png",
        "sub/page.html",
    ]
    assert (weight.bytes_of("fonts"), weight.bytes_of("images"), weight.bytes_of("js")) == (100, 50, 30)
    assert weight.missing == ["gone.png"]


def test_static_weight_follows_the_search_worker_to_the_script_it_loads(tmp_path):
    workers = tmp_path / "assets" / "workers"
    workers.mkdir(parents=True)
    (workers / "site-worker.js").write_text('var MATERIAL_WORKER = "material.min.js"; var OTHER = "elsewhere.js";')
    (workers / "material.min.js").write_bytes(b"m" * 40)
    (tmp_path / "page.html").write_text(
        '<script id="__config" type="application/json">{"search": "assets/workers/site-worker.js"}</script>'
    )
    weight = page_weight(tmp_path, "page.html")
    assert sorted(weight.files) == ["assets/workers/material.min.js", "assets/workers/site-worker.js", "page.html"]
    assert weight.missing == []  # a quoted name with no file beside the worker is not a script it loads


def test_budget_file_problems_name_the_line(tmp_path):
    text = "index.html: 1000\nen/index.html: lots\n"
    assert str(refused(load_budgets, tmp_path / "budgets.yml", text, "tests/budgets.yml")) == (
        "tests/budgets.yml:2: en/index.html: 'lots' is not a number of bytes "
        "(write a whole number greater than 0, e.g. 120000)"
    )


def test_weight_script_prints_the_table(site, capsys):
    assert main(["--site", str(site), "--page", "index.html"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["page", "html", "css", "js", "fonts", "images", "total"]
    assert out[2].split()[0] == "index.html" and int(out[2].split()[-1]) == page_weight(site, "index.html").total
    assert any(line.split()[0] == "en/search/search_index.json" for line in out if line.strip())
    assert main(["--site", str(site / "nowhere")]) == 2


# What Chromium loads beyond the static count, by design: the search worker fetches the index (budgeted on
# its own) and lunr's language scripts (importScripts, not referenced by the page).
LOADED_BY_THE_SEARCH_WORKER = ("search/search_index.json", "assets/javascripts/lunr/")


@pytest.mark.browser
def test_static_count_matches_what_chromium_loads_for_the_home_page(browser, site):
    loaded: set[str] = set()
    with serve(site) as base:
        context = browser.new_context(service_workers="block")
        context.on("request", lambda r: loaded.add(urlparse(r.url).path.lstrip("/")))
        page = context.new_page()
        page.goto(base + "index.html")
        page.wait_for_load_state("networkidle")
        context.close()
    static = set(page_weight(site, "index.html").files)
    browser_only = {path for path in loaded - static if not path.startswith(LOADED_BY_THE_SEARCH_WORKER)}
    assert browser_only == set(), "loaded by Chromium, missed by sitekit.site.weight"
    assert static - loaded == set(), "counted by sitekit.site.weight, never loaded by Chromium"
    assert "search/search_index.json" in loaded
