"""The generated families (sitekit.checks.families): each family's site files worked out from the project's data
and the build date, and the validator's problem for a built site that lacks a family."""

from __future__ import annotations

from datetime import date

from conftest import ROOT
from sitekit.checks.families import Family, generated_pages, missing_family_problems, site_families
from sitekit.project import load_project
from sitekit.site.paths import POSTS_DIR

TODAY = date(2025, 10, 20)


def families(today: date = TODAY) -> dict[str, tuple[str, ...]]:
    return {family.name: family.files for family in site_families(load_project(ROOT), today)}


def test_every_family_of_the_real_project_in_the_order_of_the_build():
    assert list(families()) == [
        "call pages",
        "kit pages",
        "criterion pages",
        "campaign pages",
        "news posts",
        "call exports",
        "campaign calendars",
        "kit index",
        "self-assessment grids",
        "news feeds",
        "search indexes",
    ]


def test_item_pages_are_one_per_item_and_language_from_the_data():
    project = load_project(ROOT)
    found = families()
    assert found["call pages"] == tuple(
        sorted(f"{prefix}appels/fiches/{call.id}.html" for call in project.calls for prefix in ("", "en/"))
    )
    assert len(found["kit pages"]) == 2 * len(project.kits) > 0
    assert len(found["criterion pages"]) == 2 * len(project.criteria.criteria) > 0
    years = sorted(campaign.year for campaign in project.campaigns)
    assert found["campaign pages"][:2] == (f"campagnes/{years[0]}.html", f"campagnes/{years[1]}.html")
    assert "en/campagnes/" + f"{years[0]}.ics" in found["campaign calendars"]


def test_exports_of_each_language():
    found = families()
    assert {"appels/calls.ics", "appels/calls.json", "en/appels/calls.ics", "en/appels/calls.json"} <= set(
        found["call exports"]
    )
    assert found["kit index"] == ("kits/kits.json",)
    assert found["self-assessment grids"] == (
        "certification/autoevaluation.csv",
        "en/certification/self-assessment.csv",
    )
    assert found["news feeds"] == ("actualites/feed.xml", "en/actualites/feed.xml")
    assert found["search indexes"] == ("en/search/search_index.json", "search/search_index.json")


def test_news_posts_are_those_published_on_the_build_date():
    later = families(date(2030, 1, 1))["news posts"]
    earlier = families(TODAY)["news posts"]
    assert set(earlier) < set(later)
    assert all(path.startswith((f"{POSTS_DIR}/", f"en/{POSTS_DIR}/")) and path.endswith(".html") for path in later)
    assert all(path.split("/")[-1][:10] <= "2025-10-20" for path in earlier)


def test_generated_pages_are_the_page_families_stubs_in_docs():
    project = load_project(ROOT)
    pages = generated_pages(project)
    assert {f"appels/fiches/{call.id}.md" for call in project.calls} <= pages
    assert {f"appels/fiches/{call.id}.en.md" for call in project.calls} <= pages
    stubs = {
        path for name in ("call pages", "kit pages", "criterion pages", "campaign pages") for path in families()[name]
    }
    # A draft campaign's stubs are written too, though its pages are published only by a preview.
    drafts = [c for c in project.campaigns if c.is_draft]
    assert drafts and {f"campagnes/{c.year}.md" for c in drafts} <= pages
    assert len(pages) == len(stubs) + 2 * len(drafts)


def test_a_family_the_site_lacks_is_one_error_at_its_first_missing_file():
    found = [
        Family("call pages", ("appels/fiches/a.html", "appels/fiches/b.html", "en/appels/fiches/a.html")),
        Family("news feeds", ("actualites/feed.xml",)),
        Family("campaign pages", ()),
    ]
    problems = missing_family_problems(found, {"appels/fiches/a.html", "actualites/feed.xml"}, "site")
    assert [str(p) for p in problems] == [
        "site/appels/fiches/b.html: call pages not built: 2 of 3 files missing (build the site with the sitekit "
        "plugin in mkdocs.yml (make build))"
    ]
    assert missing_family_problems(found, {f for family in found for f in family.files}, "site") == []
