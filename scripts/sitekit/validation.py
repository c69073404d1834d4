"""The validator's checks in order, each a named function of one shared context; scripts/validate.py runs them.

CHECKS is a registry: `(name, check(ctx) -> list[Problem])`. Data files are loaded once (ctx.loaded, filled by
the "data" check through sitekit.check_data.LOADERS); checks that need a data file skip when it failed to load
(its problems are already reported). To add a check after a merge, append one line, for example:

    ("kit-freshness", lambda ctx: kit_freshness_problems(ctx.loaded["kits"], ctx.today, ctx.grace_days)
                                  if "kits" in ctx.loaded else []),
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from .check_data import load_all
from .check_deadlines import deadline_problems
from .check_external import Settings, external_problems
from .check_freshness import freshness_problems
from .check_links import Site, is_web, link_problems
from .check_prose_dates import past_deadline_problems
from .editorial import editorial_problems
from .kits import kit_freshness_problems
from .markdown_pages import MarkdownPage, read_pages
from .problems import Level, Problem
from .report import Finding
from .translations import missing_translations

DEFAULT_CACHE = ".cache/external-links.json"
_MARKDOWN_URL = re.compile(r"\]\((https?://[^)\s]+)\)|<(https?://[^>\s]+)>")


@dataclass
class Context:
    root: Path
    today: date
    warn_days: int = 14
    grace_days: int = 30
    site_dir: Path | None = None
    site_shown: str = "site"
    external: bool = False
    cache_file: Path | None = None
    external_settings: Settings = Settings()
    loaded: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @cached_property
    def pages(self) -> list[MarkdownPage]:
        """The hand-written Markdown pages, read once for every check."""
        return read_pages(self.docs_dir)

    @cached_property
    def site(self) -> Site | None:
        return Site(self.site_dir, self.docs_dir, self.site_shown) if self.site_dir else None


def check_data(ctx: Context) -> list[Problem]:
    ctx.loaded, problems = load_all(ctx.root)
    return problems


def check_deadlines(ctx: Context) -> list[Problem]:
    if "calls" not in ctx.loaded:
        return []
    calls, doc = ctx.loaded["calls"]
    return deadline_problems(calls, doc, ctx.today, ctx.warn_days)


def check_translations(ctx: Context) -> list[Problem]:
    return missing_translations(ctx.docs_dir)


def check_links(ctx: Context) -> list[Problem]:
    return link_problems(ctx.site) if ctx.site is not None else []


def external_urls(ctx: Context) -> dict[str, tuple[str, int]]:
    """Each external URL and where it is first used: built pages (else Markdown sources), then data files."""
    where: dict[str, tuple[str, int]] = {}
    if ctx.site is not None:
        for page in ctx.site.html_pages():
            for link in page.links:
                if link.tag in ("a", "area") and is_web(link.url):
                    where.setdefault(link.url.strip(), ctx.site.location(page, link.url))
    else:
        for page in ctx.pages:
            for number, text in page.prose_lines():
                for match in _MARKDOWN_URL.finditer(text):
                    where.setdefault(match.group(1) or match.group(2), (page.path, number))
    if "calls" in ctx.loaded:
        calls, doc = ctx.loaded["calls"]
        for i, call in enumerate(calls):
            for j, url in enumerate(call.sources):
                where.setdefault(str(url), (doc.path, doc.line(("calls", i, "sources", j))))
    return where


def check_external(ctx: Context) -> list[Problem]:
    if not ctx.external:
        return []
    return external_problems(external_urls(ctx), ctx.external_settings, ctx.cache_file)


CHECKS: list[tuple[str, Callable[[Context], list[Problem]]]] = [
    ("data", check_data),
    ("deadlines", check_deadlines),
    ("prose-dates", lambda ctx: past_deadline_problems(ctx.pages, ctx.today)),
    ("freshness", lambda ctx: freshness_problems(ctx.pages, ctx.today, ctx.grace_days)),
    ("translations", check_translations),
    ("links", check_links),
    ("external", check_external),
    ("kit-freshness", lambda ctx: kit_freshness_problems(ctx.loaded["kits"], ctx.today, ctx.grace_days)
                                  if "kits" in ctx.loaded else []),
    # authors.yml was loaded by the data check ({} when it failed: its problems are already reported)
    ("editorial", lambda ctx: editorial_problems(ctx.docs_dir, ctx.root, ctx.today,
                                                 authors=ctx.loaded.get("authors", {}))),
]


def run(ctx: Context) -> tuple[list[Finding], list[str]]:
    """Every check's findings, and the names of the checks that ran (links/external only when asked)."""
    findings: list[Finding] = []
    ran: list[str] = []
    for name, check in CHECKS:
        if (name == "links" and ctx.site is None) or (name == "external" and not ctx.external):
            continue
        ran.append(name)
        findings.extend(Finding(problem, name) for problem in check(ctx))
    return findings, ran


def has_errors(findings: list[Finding]) -> bool:
    return any(f.problem.level is Level.ERROR for f in findings)

