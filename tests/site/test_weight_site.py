"""Weight budget: the bytes of each budgeted page of the built site against tests/budgets.yml, and the weight
script's table."""

from __future__ import annotations

import pytest

from conftest import ROOT
from sitekit.site.weight import load_budgets, main, measure, page_weight
from support.sitecheck import over_budget, over_gzip_budget

BUDGETS = ROOT / "tests" / "budgets.yml"


def test_every_budgeted_page_stays_within_its_budget_plus_10_percent(site):
    budgets = load_budgets(BUDGETS, "tests/budgets.yml").bytes
    unknown = [path for path in budgets if not (site / path).is_file()]
    assert unknown == [], f"tests/budgets.yml: no such file in the built site: {unknown} (remove or rename the line)"
    measures = {path: measure(site, path)[0] for path in budgets}
    assert over_budget(measures, budgets) == [], "\n".join(over_budget(measures, budgets))
    for path in budgets:
        if path.endswith(".html"):
            assert page_weight(site, path).missing == [], path


def test_every_gzip_budget_is_a_ceiling(site):
    budgets = load_budgets(BUDGETS, "tests/budgets.yml").gzip
    assert {"index.html", "en/index.html"} <= set(budgets)
    unknown = [path for path in budgets if not (site / path).is_file()]
    assert unknown == [], f"tests/budgets.yml: gzip: no such file in the built site: {unknown} (remove the line)"
    measures = {path: measure(site, path)[1] for path in budgets}
    assert over_gzip_budget(measures, budgets) == [], "\n".join(over_gzip_budget(measures, budgets))


@pytest.mark.parametrize("profile", ["hopital.yml", "medico-social.yml"])
def test_a_staff_home_stays_within_the_home_gzip_budget(profile_site, profile):
    """The home a profile builds for its staff (its own text, what is current) weighs no more than the demo's."""
    budget = load_budgets(BUDGETS, "tests/budgets.yml").gzip["index.html"]
    site = profile_site(ROOT / "examples" / "profiles" / profile)
    assert over_gzip_budget({"index.html": measure(site, "index.html")[1]}, {"index.html": budget}) == []


def test_weight_script_prints_the_table(site, capsys):
    assert main(["--site", str(site), "--page", "index.html"]) == 0
    out = capsys.readouterr().out.splitlines()
    weight = page_weight(site, "index.html")
    assert out[0].split() == ["page", "html", "css", "js", "fonts", "images", "total"]
    assert out[2].split()[0] == "index.html" and int(out[2].split()[-1]) == weight.total
    assert out[4].split() == ["gzip", "-9", "html", "css", "js", "fonts", "images", "total"]
    assert out[6].split()[0] == "index.html" and int(out[6].split()[-1]) == weight.gzip_total < weight.total
    index = next(line.split() for line in out if line.startswith("en/search/search_index.json"))
    assert int(index[1]) == (site / index[0]).stat().st_size > int(index[2]) > 0
    assert main(["--site", str(site / "nowhere")]) == 2
