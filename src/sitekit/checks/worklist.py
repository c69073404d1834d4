"""The reviewer's worklist (`validate.py --sources`): every data entry with its sources and its last check, oldest first.

For the person who re-checks the calendar each month: calls, HAS référentiels, axes and criteria, October
campaigns and kits, each with the file and line of its `last_checked` (a kit's `last_review`), so that the
oldest checks come first and the line to update is one click away. Text for a person, JSON for a tool.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sitekit.core.yamlfile import YamlDocument
from sitekit.project import CALLS, CRITERIA, Project

JSON_VERSION = 1


@dataclass(frozen=True)
class Entry:
    """One data entry to re-check against its sources."""

    kind: str  # call, referentiel, axis, criterion, campaign, kit (the JSON output's values, kept)
    id: str
    title: str  # in French, the site's first language
    path: str
    line: int  # the line of last_checked (a kit's last_review)
    last_checked: date
    sources: tuple[str, ...]

    def age(self, today: date) -> int:
        return (today - self.last_checked).days


def _line(doc: YamlDocument | None, *location: str | int) -> int:
    return doc.line(location) if doc is not None else 0


def entries(project: Project) -> list[Entry]:
    """Every entry of the project's data that has sources, oldest check first (then file and line)."""
    found: list[Entry] = []
    calls_doc, criteria = project.calls_document, project.criteria
    for i, call in enumerate(project.calls):
        line = _line(calls_doc, "calls", i, "last_checked")
        found.append(Entry("call", call.id, call.title.fr, CALLS, line, call.last_checked, call.sources))
    for i, ref in enumerate(criteria.frameworks):
        line = criteria.line("frameworks", i, "last_checked")
        found.append(Entry("referentiel", ref.id, ref.title.fr, CRITERIA, line, ref.last_checked, ref.sources))
    for i, axis in enumerate(criteria.axes):
        line = criteria.line("axes", i, "last_checked")
        found.append(Entry("axis", axis.id, axis.label.fr, CRITERIA, line, axis.last_checked, axis.sources))
    for i, crit in enumerate(criteria.criteria):
        line = criteria.line("criteria", i, "last_checked")
        found.append(Entry("criterion", crit.id, crit.title.fr, CRITERIA, line, crit.last_checked, crit.sources))
    for campaign in project.campaigns:
        found.append(
            Entry(
                "campaign",
                str(campaign.year),
                campaign.title.fr,
                campaign.display_path,
                campaign.line("last_checked"),
                campaign.last_checked,
                campaign.sources,
            )
        )
    for kit in project.kits:
        found.append(
            Entry("kit", kit.id, kit.title.fr, kit.display_path, kit.line("last_review"), kit.last_review, kit.sources)
        )
    return sorted(found, key=lambda e: (e.last_checked, e.path, e.line))


def format_text(found: list[Entry], today: date) -> str:
    """One block per entry: the day it was checked and how long ago, what it is and where; then its sources."""
    blocks = []
    for e in found:
        where = f"{e.path}:{e.line}" if e.line else e.path
        lines = [f"{e.last_checked.isoformat()} ({e.age(today)} days) {e.kind} {e.id}: {e.title}", f"  {where}"]
        lines += [f"  - {url}" for url in e.sources]
        blocks.append("\n".join(lines))
    header = f"{len(found)} entries to re-check against their sources on {today.isoformat()}, oldest check first"
    return "\n\n".join([header, *blocks]) + "\n"


def format_json(found: list[Entry], today: date) -> str:
    document = {
        "version": JSON_VERSION,
        "today": today.isoformat(),
        "entries": [
            {
                "kind": e.kind,
                "id": e.id,
                "title": e.title,
                "path": e.path,
                "line": e.line,
                "last_checked": e.last_checked.isoformat(),
                "age_days": e.age(today),
                "sources": list(e.sources),
            }
            for e in found
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
