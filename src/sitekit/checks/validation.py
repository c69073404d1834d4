"""The validator's checks in order, each a named function of one shared context; scripts/validate.py runs them.

CHECKS is a registry: `(name, check(ctx) -> list[Problem])`, run in its order. The project's data files are
loaded once (ctx.project, sitekit.project.load_project); the "data" check reports their problems, and checks
that need a part skip when it failed to load (its problems are already reported). Each finding is addressed to
the people who can act on it (`audience`: authors, the profile, the calendar's maintainers); `what_was_checked`
gives the counts the text output starts with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path

from sitekit.campaigns.model import campaigns_folder
from sitekit.checks.built_with import built_with_problems, is_mismatch
from sitekit.checks.call_freshness import Thresholds, call_freshness_problems
from sitekit.checks.campaign_freshness import campaign_freshness_problems
from sitekit.checks.criteria_freshness import criteria_freshness_problems
from sitekit.checks.deadlines import deadline_problems
from sitekit.checks.editorial import editorial_problems
from sitekit.checks.external import Settings, external_problems
from sitekit.checks.families import missing_family_problems, site_families
from sitekit.checks.freshness import freshness_problems
from sitekit.checks.links import Site, is_web, link_problems
from sitekit.checks.overview import Overview, overview
from sitekit.checks.prose_dates import past_deadline_problems
from sitekit.checks.publish import MESSAGE_TO_COMPLETE, publish_problems
from sitekit.checks.report import Audience, Finding
from sitekit.checks.scheduled import scheduled_problems
from sitekit.checks.translations import missing_translations
from sitekit.core import renames
from sitekit.core.drafts import drafts_wanted
from sitekit.core.problems import Level, Problem
from sitekit.kits.model import kit_freshness_problems
from sitekit.kits.versions import version_problems
from sitekit.news.model import read_posts
from sitekit.pages.drafts import DRAFT_KEY, draft_notes
from sitekit.pages.markdown import MarkdownPage, read_pages
from sitekit.profile.model import ENV_VAR as PROFILE_VAR
from sitekit.profile.model import profile_location
from sitekit.profile.stamp import BuiltWith, read_stamp
from sitekit.profile.values import PREFIX as MARKER_PREFIX
from sitekit.project import CRITERIA, Project, load_project

DEFAULT_CACHE = ".cache/external-links.json"
_MARKDOWN_URL = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


@dataclass
class Context:
    root: Path
    today: date
    warn_days: int = 14
    grace_days: int = 30
    freshness: Thresholds = field(default_factory=Thresholds)  # calls' last_checked and « à confirmer » dates
    site_dir: Path | None = None
    site_shown: str = "site"
    external: bool = False
    cache_file: Path | None = None
    external_settings: Settings = field(default_factory=Settings)
    publish: bool = False  # what keeps the site from going live is an error, not a warning
    profile: str | None = None  # --profile (default: $SITEKIT_PROFILE, else the site's, else mkdocs.yml's profile:)
    preview: bool = False  # a preview of another day: what only the date makes stale is information

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @cached_property
    def pages(self) -> list[MarkdownPage]:
        """The hand-written Markdown pages, read once for every check."""
        return read_pages(self.docs_dir)

    @cached_property
    def built_with(self) -> BuiltWith | None:
        """What the site checked was built with (site/sitekit-build.json); None without --site or a stamp."""
        return read_stamp(self.site_dir) if self.site_dir is not None else None

    @cached_property
    def profile_given(self) -> tuple[str, str]:
        """The profile given to the validator and how ("--profile", "$SITEKIT_PROFILE"); ("", "") when none was."""
        if self.profile:
            return self.profile, "--profile"
        named = renames.environment(PROFILE_VAR)
        return (named, f"${PROFILE_VAR}") if named else ("", "")

    @cached_property
    def project(self) -> Project:
        """Every data file, loaded once for every check; with no profile given, the profile the site was built from
        (else the one mkdocs.yml names)."""
        chosen = self.profile_given[0]
        built = self.built_with
        if not chosen and built is not None and (self.root / built.profile).is_file():
            chosen = str(self.root / built.profile)
        return load_project(self.root, chosen or None)

    @cached_property
    def site(self) -> Site | None:
        return Site(self.site_dir, self.docs_dir, self.site_shown) if self.site_dir else None

    @cached_property
    def profile_shown(self) -> str:
        """The profile file as messages name it (also when it failed to load)."""
        if self.project.profile is not None:
            return self.project.profile.path
        return profile_location(self.root, self.profile)[1]


def check_built_with(ctx: Context) -> list[Problem]:
    return built_with_problems(
        ctx.built_with, ctx.project.profile, ctx.profile_given[1], ctx.root, ctx.site_shown, ctx.publish
    )


def check_data(ctx: Context) -> list[Problem]:
    return list(ctx.project.problems)


def check_deadlines(ctx: Context) -> list[Problem]:
    project = ctx.project
    if project.calls_document is None:
        return []
    return deadline_problems(list(project.calls), project.calls_document, ctx.today, ctx.warn_days)


def check_call_freshness(ctx: Context) -> list[Problem]:
    project = ctx.project
    if project.calls_document is None:
        return []
    return call_freshness_problems(list(project.calls), project.calls_document, ctx.today, ctx.freshness)


def check_criteria_freshness(ctx: Context) -> list[Problem]:
    return criteria_freshness_problems(ctx.project.criteria, CRITERIA, ctx.today, ctx.grace_days)


def check_campaign_freshness(ctx: Context) -> list[Problem]:
    if "campaigns" in ctx.project.failed:
        return []  # its problems are already reported; "no campaign file" would be wrong
    folder = campaigns_folder(ctx.project.root)[1]
    return campaign_freshness_problems(list(ctx.project.campaigns), ctx.today, folder, drafts_wanted())


def check_drafts(ctx: Context) -> list[Problem]:
    """One note per page marked draft (draft: true): it is not published (none in a preview, which builds them)."""
    if drafts_wanted():
        return []
    return draft_notes(
        ((p.path, p.front_matter, p.front_matter_lines.get(DRAFT_KEY, 0)) for p in ctx.pages), ctx.today.isoformat()
    )


def check_translations(ctx: Context) -> list[Problem]:
    return missing_translations(ctx.docs_dir)


def check_links(ctx: Context) -> list[Problem]:
    return link_problems(ctx.site) if ctx.site is not None else []


def check_generated(ctx: Context) -> list[Problem]:
    """The built site holds every generated family (a build without the sitekit plugin does not)."""
    if ctx.site is None:
        return []  # (run() skips the site checks without --site)
    families = site_families(ctx.project, ctx.today, ctx.docs_dir)
    return missing_family_problems(families, ctx.site.files, ctx.site.site_shown)


def external_urls(ctx: Context) -> dict[str, tuple[str, int]]:
    """Each external URL and where it is first used: built pages (else Markdown sources), then data files."""
    where: dict[str, tuple[str, int]] = {}
    if ctx.site is not None:
        for page in ctx.site.html_pages():
            for link in page.links:
                if link.tag in ("a", "area") and is_web(link.url):
                    where.setdefault(link.url.strip(), ctx.site.location(page, link.url))
    else:
        for source in ctx.pages:
            for number, text in source.prose_lines():
                for match in _MARKDOWN_URL.finditer(text):
                    where.setdefault(match.group(1) or match.group(2), (source.path, number))
    doc = ctx.project.calls_document
    if doc is not None:
        for i, call in enumerate(ctx.project.calls):
            for j, url in enumerate(call.sources):
                where.setdefault(str(url), (doc.path, doc.line(("calls", i, "sources", j))))
    return where


def check_scheduled(ctx: Context) -> list[Problem]:
    """Posts not yet published, checked as on their day (the editorial check reports posts that are invalid)."""
    posts, _ = read_posts(ctx.docs_dir, ctx.project.authors)
    return scheduled_problems(ctx.docs_dir, posts, ctx.today, ctx.project, ctx.site, ctx.grace_days)


def check_external(ctx: Context) -> list[Problem]:
    if not ctx.external:
        return []
    return external_problems(external_urls(ctx), ctx.external_settings, ctx.cache_file)


CHECKS: list[tuple[str, Callable[[Context], list[Problem]]]] = [
    ("built-with", check_built_with),  # first: a site checked against another profile stops here
    ("data", check_data),
    ("deadlines", check_deadlines),
    ("call-freshness", check_call_freshness),
    ("prose-dates", lambda ctx: past_deadline_problems(ctx.pages, ctx.today)),
    ("freshness", lambda ctx: freshness_problems(ctx.pages, ctx.today, ctx.grace_days)),
    ("translations", check_translations),
    ("links", check_links),
    ("generated", check_generated),
    ("scheduled", check_scheduled),
    ("external", check_external),
    ("kit-freshness", lambda ctx: kit_freshness_problems(list(ctx.project.kits), ctx.today, ctx.grace_days)),
    ("kit-versions", lambda ctx: version_problems(ctx.project.kits, ctx.root)),
    ("criteria-freshness", check_criteria_freshness),
    ("campaign-freshness", check_campaign_freshness),
    ("drafts", check_drafts),
    # authors.yml as the data check loaded it ({} when it failed: its problems are already reported)
    ("editorial", lambda ctx: editorial_problems(ctx.docs_dir, ctx.root, ctx.today, authors=ctx.project.authors)),
    (
        "publish",
        lambda ctx: publish_problems(ctx.project, ctx.pages, ctx.root, ctx.publish, ctx.site_dir, ctx.site_shown),
    ),
]


# Checks of the built site: they run with --site only.
SITE_CHECKS = frozenset({"built-with", "links", "generated"})

# Checks whose findings come from the date alone (review dates, last checks, deadlines, past dates in prose):
# in a preview of another day (--preview) they are information, since the author previewing a post did not
# write them and they are fixed on their own schedule.
DATED_CHECKS = frozenset(
    {
        "deadlines",
        "call-freshness",
        "prose-dates",
        "freshness",
        "kit-freshness",
        "criteria-freshness",
        "campaign-freshness",
    }
)


# Checks of the calendar's data as the date makes it stale (calls, campaigns, criteria): addressed to the people who
# keep the calendar up to date (the monthly review), shown after what the authors can fix.
CALENDAR_CHECKS = frozenset({"deadlines", "call-freshness", "campaign-freshness", "criteria-freshness"})


def run(ctx: Context) -> tuple[list[Finding], list[str]]:
    """Every check's findings, and the names of the checks that ran (links/external only when asked)."""
    findings: list[Finding] = []
    ran: list[str] = []
    for name, check in CHECKS:
        if (name in SITE_CHECKS and ctx.site is None) or (name == "external" and not ctx.external):
            continue
        ran.append(name)
        problems = check(ctx)
        if ctx.preview and name in DATED_CHECKS:
            problems = [replace(p, level=Level.INFO) for p in problems]
        findings.extend(finding(problem, name, ctx.profile_shown) for problem in problems)
        if any(is_mismatch(p) for p in problems):
            return findings, ran  # the site and the profile differ: the other checks would only repeat it
    return findings, ran


def finding(problem: Problem, check: str, profile: str) -> Finding:
    """`problem` found by `check`, addressed to who can act on it; `profile`: the profile file as shown."""
    marker = problem.field.startswith(MARKER_PREFIX)  # a page or kit needs a value of the profile
    if check in CALENDAR_CHECKS:
        audience = Audience.CALENDAR
    elif problem.path == profile or (check == "publish" and marker):
        audience = Audience.PROFILE
    else:
        audience = Audience.AUTHORS
    to_complete = problem.path == profile and problem.message == MESSAGE_TO_COMPLETE
    return Finding(problem, check, audience, check == "publish" and (marker or to_complete))


def what_was_checked(ctx: Context) -> Overview:
    """What was checked on ctx.today: the built site's pages (else the Markdown pages), posts, kits, calls."""
    posts, _ = read_posts(ctx.docs_dir, ctx.project.authors)
    return overview(
        ctx.today,
        ctx.pages,
        posts,
        len(ctx.project.kits),
        ctx.project.calls,
        ctx.site.files if ctx.site is not None else None,
        ctx.site_shown,
    )


def has_errors(findings: list[Finding]) -> bool:
    return any(f.problem.level is Level.ERROR for f in findings)
