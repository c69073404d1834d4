"""HAS criteria past their review date: the kits' rule (a warning, then an error once the grace period is over)."""

from __future__ import annotations

from datetime import date

from sitekit.core.problems import Level, Problem
from sitekit.core.yamlfile import dotted
from sitekit.criteria.model import Criteria


def criteria_freshness_problems(criteria: Criteria, path: str, today: date, grace_days: int = 30) -> list[Problem]:
    """A warning for each criterion whose `review_by` has passed, an error once `grace_days` more have passed."""
    out: list[Problem] = []
    for index, criterion in enumerate(criteria.criteria):
        late = (today - criterion.review_by).days
        if late <= 0:
            continue
        level = Level.ERROR if late > grace_days else Level.WARNING
        where = ("criteria", index, "review_by")
        out.append(
            Problem(
                path,
                criteria.line(*where),
                dotted(where),
                f"criterion {criterion.id!r} was due for review on {criterion.review_by.isoformat()} "
                f"({late} days ago; last checked {criterion.last_checked.isoformat()})",
                "check it against the référentiel and its sources, then set last_checked to that day and review_by "
                "to the next review date"
                + ("" if level is Level.ERROR else f"; this becomes an error after {grace_days} days"),
                level,
            )
        )
    return out
