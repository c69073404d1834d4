"""The built site ships the site's search worker beside the one of Material it loads, and every page names it."""

from __future__ import annotations

import re

from conftest import ROOT

WORKER = ROOT / "docs" / "assets" / "javascripts" / "workers" / "search-worker.js"


def test_the_built_site_ships_both_workers_side_by_side(site):
    workers = site / "assets" / "javascripts" / "workers"
    name = re.search(r'MATERIAL_WORKER = "([^"]+)"', WORKER.read_text(encoding="utf-8"))
    assert name is not None
    assert (workers / "search-worker.js").is_file() and (workers / name[1]).is_file()
    assert '"search": "assets/javascripts/workers/search-worker.js"' in (site / "index.html").read_text(
        encoding="utf-8"
    ).replace("\\/", "/")
