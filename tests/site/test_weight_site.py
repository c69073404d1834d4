"""Weight budget: the bytes of each budgeted page of the built site against tests/budgets.yml, and the weight
script's table."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from sitekit.site.weight import load_budgets, main, page_weight, search_index_sizes
from support.sitecheck import over_budget

BUDGETS = ROOT / "tests" / "budgets.yml"


def measured(site: Path, path: str) -> int:
    indexes = search_index_sizes(site)
    return indexes[path] if path in indexes else page_weight(site, path).total


def test_every_budgeted_page_stays_within_its_budget_plus_10_percent(site):
    budgets = load_budgets(BUDGETS, "tests/budgets.yml")
    unknown = [path for path in budgets if not (site / path).is_file()]
    assert unknown == [], f"tests/budgets.yml: no such file in the built site: {unknown} (remove or rename the line)"
    measures = {path: measured(site, path) for path in budgets}
    assert over_budget(measures, budgets) == [], "\n".join(over_budget(measures, budgets))
    for path in budgets:
        if path.endswith(".html"):
            assert page_weight(site, path).missing == [], path


def test_weight_script_prints_the_table(site, capsys):
    assert main(["--site", str(site), "--page", "index.html"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["page", "html", "css", "js", "fonts", "images", "total"]
    assert out[2].split()[0] == "index.html" and int(out[2].split()[-1]) == page_weight(site, "index.html").total
    assert any(line.split()[0] == "en/search/search_index.json" for line in out if line.strip())
    assert main(["--site", str(site / "nowhere")]) == 2
