"""The generated families: the pages and exports of a built site that only sitekit's build steps write (the hooks
of mkdocs.yml, or the sitekit plugin), each file's site path worked out from the project's data and the build date.

One list for every reader: the scheduled check knows the pages a build will generate (`generated_pages`), the
validator refuses a built site that lacks a family (`missing_family_problems`: a build that dropped the hooks or
the plugin still passes `mkdocs build --strict`), and scripts/compare_builds.py compares two builds family by
family (sitekit.checks.compare).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitekit.campaigns.model import Campaign, visible_campaigns
from sitekit.core.drafts import drafts_wanted
from sitekit.core.problems import Problem
from sitekit.criteria.view import export_path
from sitekit.i18n.strings import LANGUAGES
from sitekit.kits.package import INDEX as KIT_INDEX
from sitekit.news.model import published_posts, read_posts
from sitekit.pages.stubs import stub_name
from sitekit.project import Project
from sitekit.site.paths import (
    CALL_PAGES,
    CAMPAIGN_PAGES,
    CRITERION_PAGES,
    FEED,
    KIT_PAGES,
    SEARCH_INDEX,
    call_export_path,
    campaign_ics_path,
    in_folder,
    localized,
)

FIX_MISSING = "build the site with the sitekit plugin in mkdocs.yml (make build)"


@dataclass(frozen=True)
class Family:
    """Files of the site that one part of sitekit's build writes; `name` is English (its French name is in the
    message catalogue)."""

    name: str
    files: tuple[str, ...]  # site paths from the site root, sorted


# The families of generated pages: name, folder of their stubs in docs/ (and of their pages in the site), the ids
# of the items, one page per item and language.
_PAGES: tuple[tuple[str, str, Callable[[Project], Iterable[str | int]]], ...] = (
    ("call pages", CALL_PAGES, lambda project: (call.id for call in project.calls)),
    ("kit pages", KIT_PAGES, lambda project: (kit.id for kit in project.kits)),
    ("criterion pages", CRITERION_PAGES, lambda project: (c.id for c in project.criteria.criteria)),
    ("campaign pages", CAMPAIGN_PAGES, lambda project: (c.year for c in _campaigns(project))),
)


def _campaigns(project: Project) -> list[Campaign]:
    """The campaigns the build publishes: drafts only in a preview ($SITEKIT_DRAFTS, set by make preview)."""
    return visible_campaigns(project.campaigns, drafts_wanted())


def generated_pages(project: Project) -> set[str]:
    """docs/ paths of the pages the build writes before it reads docs/ (they may not exist before a first build):
    a draft campaign's too (its stubs are written by every build; only a preview publishes them)."""
    drafts = {f"{CAMPAIGN_PAGES}/{stub_name(c.year, lang)}" for c in project.campaigns for lang in LANGUAGES}
    return drafts | {
        f"{folder}/{stub_name(item, lang)}"
        for _, folder, items in _PAGES
        for item in items(project)
        for lang in LANGUAGES
    }


def site_families(project: Project, today: date, docs_dir: Path | None = None) -> list[Family]:
    """Every generated family of the site built from `project` on `today` (docs_dir: default root/docs), in the
    order of the build; a family with nothing to write (no campaign, no post yet) has no file."""
    docs = docs_dir if docs_dir is not None else project.root / "docs"
    found = [
        (name, [in_folder(folder, item, lang) for item in items(project) for lang in LANGUAGES])
        for name, folder, items in _PAGES
    ]
    posts, _ = read_posts(docs, project.authors)  # the editorial check reports the posts that are invalid
    each_language = {
        "news posts": [post.url for post in published_posts(posts, today)],
        "call exports": [
            call_export_path(name, lang)
            for lang in LANGUAGES
            for name in ("calls.ics", "calls.json", *(f"{call.id}.ics" for call in project.calls))
        ],
        "campaign calendars": [campaign_ics_path(c.year, lang) for c in _campaigns(project) for lang in LANGUAGES],
        "kit index": [KIT_INDEX],
        "self-assessment grids": [export_path(lang) for lang in LANGUAGES],
        "news feeds": [localized(FEED, lang) for lang in LANGUAGES],
        "search indexes": [localized(SEARCH_INDEX, lang) for lang in LANGUAGES],
    }
    found += each_language.items()
    return [Family(name, tuple(sorted(set(files)))) for name, files in found]


def missing_family_problems(families: Iterable[Family], site_files: Set[str], site_shown: str) -> list[Problem]:
    """One error per family whose files the built site lacks (at the first missing one)."""
    out = []
    for family in families:
        missing = [path for path in family.files if path not in site_files]
        if missing:
            out.append(
                Problem(
                    f"{site_shown}/{missing[0]}",
                    0,
                    "",
                    f"{family.name} not built: {len(missing)} of {len(family.files)} files missing",
                    FIX_MISSING,
                )
            )
    return out
