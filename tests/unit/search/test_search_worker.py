"""The site's search worker (docs/assets/javascripts/workers/search-worker.js) loads Material's own, which the
installed Material must ship under the name the worker gives; every page names the site's worker."""

from __future__ import annotations

import re
from pathlib import Path

import material

from conftest import ROOT

WORKER = ROOT / "docs" / "assets" / "javascripts" / "workers" / "search-worker.js"
MATERIAL_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_the_worker_loads_the_worker_material_ships():
    name = re.search(r'MATERIAL_WORKER = "([^"]+)"', WORKER.read_text(encoding="utf-8"))
    assert name is not None, "search-worker.js: MATERIAL_WORKER not found"
    shipped = sorted(p.name for p in MATERIAL_WORKERS.glob("search.*.min.js"))
    assert name[1] in shipped, (
        f"search-worker.js loads {name[1]}, Material ships {shipped}: "
        "write the shipped name in MATERIAL_WORKER (Material was upgraded)"
    )


def test_pages_name_the_sites_worker_as_their_search_worker():
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/workers/search-worker.js" | url' in main
