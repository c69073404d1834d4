"""Weight budget: how a page's static weight is counted, the budget file's problems, the message of a page over
its budget (the built pages against their budgets: tests/site/test_weight_site.py)."""

from __future__ import annotations

import gzip

from conftest import refused
from sitekit.site.weight import load_budgets, page_weight
from support.sitecheck import over_budget, over_gzip_budget


def test_over_budget_message_names_page_measure_budget_and_excess():
    assert over_budget({"a.html": 1100, "b.html": 1101}, {"a.html": 1000, "b.html": 1000}) == [
        "b.html: 1101 bytes, budget 1000 (+10.1 %)"
    ]
    assert over_gzip_budget({"a.html": 1000, "b.html": 1001}, {"a.html": 1000, "b.html": 1000}) == [
        "b.html: 1001 gzip bytes, budget 1000 (+1 bytes)"
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
    assert sorted(weight.gzipped) == sorted(weight.files)
    assert weight.gzipped["assets/fonts/f.woff2"] == len(gzip.compress(b"f" * 100, 9, mtime=0)) < 100
    assert weight.gzip_of("fonts") == weight.gzipped["assets/fonts/f.woff2"]
    assert weight.gzip_total == sum(weight.gzipped.values()) < weight.total


def test_static_weight_counts_the_search_worker_alone(tmp_path):
    workers = tmp_path / "assets" / "workers"
    workers.mkdir(parents=True)
    (workers / "site-worker.js").write_text('var MATERIAL_WORKER = "material.min.js";')
    (workers / "material.min.js").write_bytes(b"m" * 40)  # loaded with the first search, not with the page
    (tmp_path / "page.html").write_text(
        '<script id="__config" type="application/json">{"search": "assets/workers/site-worker.js"}</script>'
    )
    weight = page_weight(tmp_path, "page.html")
    assert sorted(weight.files) == ["assets/workers/site-worker.js", "page.html"]
    assert weight.missing == []


def test_budget_file_problems_name_the_line(tmp_path):
    text = "index.html: 1000\nen/index.html: lots\n"
    assert str(refused(load_budgets, tmp_path / "budgets.yml", text, "tests/budgets.yml")) == (
        "tests/budgets.yml:2: en/index.html: 'lots' is not a number of bytes "
        "(write a whole number greater than 0, e.g. 120000)"
    )
    text = "index.html: 1000\ngzip:\n  index.html: 600\n  en/index.html: 0\n"
    assert str(refused(load_budgets, tmp_path / "budgets.yml", text, "tests/budgets.yml")) == (
        "tests/budgets.yml:4: gzip.en/index.html: 0 is not a number of bytes "
        "(write a whole number greater than 0, e.g. 120000)"
    )
    text = "index.html: 1000\ngzip: 600\n"
    assert str(refused(load_budgets, tmp_path / "budgets.yml", text, "tests/budgets.yml")) == (
        "tests/budgets.yml:2: gzip: 600 is not a list of pages "
        "(write one page per line under gzip:, indented, e.g.   index.html: 60000)"
    )


def test_budget_file_holds_bytes_and_gzip_budgets(tmp_path):
    (tmp_path / "budgets.yml").write_text("index.html: 1000\ngzip:\n  index.html: 600\n", encoding="utf-8")
    budgets = load_budgets(tmp_path / "budgets.yml")
    assert (budgets.bytes, budgets.gzip) == ({"index.html": 1000}, {"index.html": 600})
