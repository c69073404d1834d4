"""Pages past their `review_by` date: a warning, then an error once the grace period is over too."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sitekit.core.problems import Level, Problem
from sitekit.pages.markdown import MarkdownPage

FIELD = "review_by"
FIX_DATE = "write review_by: YYYY-MM-DD in the front matter, e.g. review_by: 2027-05-31"


def freshness_problems(pages: list[MarkdownPage], today: date, grace_days: int) -> list[Problem]:
    out: list[Problem] = []
    for page in pages:
        line = page.front_matter_lines.get(FIELD, 1)
        if page.front_matter_error:
            continue  # the root cause, reported once at its line by the editorial check: no review date to read
        value = page.front_matter.get(FIELD)
        if value is None and page.is_post:
            continue  # a dated news post is not reviewed; it may still have review_by
        if value is None:
            out.append(Problem(page.path, 1, FIELD, "no review date", FIX_DATE, Level.WARNING))
            continue
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            out.append(Problem(page.path, line, FIELD, f"{value!r} is not a date", FIX_DATE))
            continue
        if value >= today:
            continue
        late = (today - value).days
        if late > grace_days:
            out.append(
                Problem(
                    page.path,
                    line,
                    FIELD,
                    f"review date {value.isoformat()} passed {late} days ago, more than the "
                    f"{grace_days}-day grace period",
                    "review the page against its sources, then set a new review_by date",
                )
            )
        else:
            out.append(
                Problem(
                    page.path,
                    line,
                    FIELD,
                    f"review date {value.isoformat()} has passed (error after "
                    f"{(value + timedelta(days=grace_days + 1)).isoformat()})",
                    "review the page against its sources, then set a new review_by date",
                    Level.WARNING,
                )
            )
    return out
