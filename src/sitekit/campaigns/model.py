"""October awareness campaigns: the typed model of data/campaigns/<year>.yml, its loader and its checks."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

from pydantic import Field, PrivateAttr, ValidationError

from sitekit.core import renames
from sitekit.core.problems import Collector, Problem, ProblemsError
from sitekit.core.schema import CheckedDay, Localized, MaybeDate, Model, Url, identifier, problems_from_pydantic
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_mapping
from sitekit.kits.model import Audience

CAMPAIGNS_DIR = "data/campaigns"
OLD_CAMPAIGNS_DIR = "data/campagnes"  # its name before this release, still read (sitekit.core.renames)
# A kit id (a folder of kits/, its page kits/fiches/<kit>.html): checked against the kits by the loader.
KitId = Annotated[str, identifier("cybermois")]


class Channel(str, Enum):
    INTRANET = "intranet"
    COURRIEL = "courriel"
    AFFICHAGE = "affichage"
    RESEAUX_SOCIAUX = "reseaux-sociaux"
    REUNION_DE_SERVICE = "reunion-de-service"


class CampaignStatus(str, Enum):
    PUBLIE = "publie"
    BROUILLON = "brouillon"  # a draft: dates or theme still to be confirmed
    ARCHIVE = "archive"  # its October is over and its plan was never published (the summary says why)


class Item(Model):
    date: MaybeDate
    channel: Channel
    audience: tuple[Audience, ...] = Field(min_length=1)
    title: Localized
    text: Localized
    kit: KitId | None = None
    quiz: KitId | None = None  # a kit whose quiz the item runs: linked to the quiz on the kit's page


class Week(Model):
    starts: MaybeDate
    ends: MaybeDate
    theme: Localized
    items: tuple[Item, ...] = ()


class Campaign(Model):
    year: int
    status: CampaignStatus
    title: Localized
    summary: Localized
    edition: int | None = None
    organiser: Localized
    starts: MaybeDate
    ends: MaybeDate
    theme: Localized | None = None  # only when a source gives a yearly theme
    kit: KitId = "cybermois"
    sources: tuple[Url, ...] = Field(min_length=1)
    last_checked: CheckedDay
    weeks: tuple[Week, ...] = Field(min_length=1)

    # Where the campaign was read from (set by load_campaign), for problems reported at a line.
    _document: YamlDocument | None = PrivateAttr(default=None)

    @property
    def is_draft(self) -> bool:
        return self.status is CampaignStatus.BROUILLON

    @property
    def is_archived(self) -> bool:
        return self.status is CampaignStatus.ARCHIVE

    @property
    def display_path(self) -> str:
        return self._document.path if self._document else f"{CAMPAIGNS_DIR}/{self.year}.yml"

    def line(self, *location: str | int) -> int:
        """Line of a key of the campaign file (0 when the campaign was not read from a file)."""
        return self._document.line(location) if self._document else 0

    @property
    def plan_ends(self) -> date | None:
        """The plan's last day: the campaign's end, else (a national end date no source gives) the last known end
        of its weeks, the establishment's own plan."""
        if self.ends is not None:
            return self.ends
        known = [w.ends for w in self.weeks if w.ends]
        return max(known) if known else None

    def dated_items(self) -> list[tuple[int, Item, date]]:
        """(week number from 1, item, its date) for the items with a known date, in date order."""
        found = [(n, item, item.date) for n, week in enumerate(self.weeks, 1) for item in week.items if item.date]
        return sorted(found, key=lambda triple: (triple[2], triple[0]))


def visible_campaigns(campaigns: Sequence[Campaign], drafts: bool) -> list[Campaign]:
    """The campaigns a build publishes: a draft (brouillon) only when drafts are built (make preview)."""
    return [c for c in campaigns if drafts or not c.is_draft]


def running(campaigns: Sequence[Campaign], today: date) -> tuple[Campaign, int | None] | None:
    """The published campaign under way on `today` (between its first day and its plan's last day) and the number, from 1,
    of the week under way (None when no week's known days hold `today`); None when no campaign runs. A draft or an
    archived campaign never runs: staff see only what the communication team published."""
    for campaign in campaigns:
        last = campaign.plan_ends
        if campaign.is_draft or campaign.is_archived or campaign.starts is None or last is None:
            continue
        if campaign.starts <= today <= last:
            weeks = [n for n, w in enumerate(campaign.weeks, 1) if w.starts and w.ends and w.starts <= today <= w.ends]
            return campaign, (weeks[0] if weeks else None)
    return None


def campaigns_folder(root: Path) -> tuple[Path, str]:
    """The folder of the campaign files under `root` and its name in messages: data/campaigns, or data/campagnes
    (its old name) when only that one exists."""
    return renames.shown(root, CAMPAIGNS_DIR, OLD_CAMPAIGNS_DIR)


def _span(first: date, last: date) -> str:
    return f"{first.isoformat()} to {last.isoformat()}"


def load_campaign(
    path: Path, display_path: str | None = None, kit_ids: set[str] | None = None, quiz_ids: set[str] | None = None
) -> Campaign:
    """Read and validate one campaign file; ProblemsError lists every problem with its line.

    `kit_ids`: the kits that exist (sitekit.kits.model.kit_folder_ids); None leaves kit references unchecked.
    `quiz_ids`: the kits that have a quiz; None leaves quiz references checked as kits only.
    """
    shown = display_path or str(path)
    doc = load_mapping(
        path,
        shown,
        "expected the keys of a campaign (year:, status:, title:, ...)",
        "copy templates/campaign-item.yml and the header of data/campaigns/2025.yml",
    )
    problems = Collector()
    if kit_ids is not None:  # from the file as written: reported with its other problems, whatever they are
        problems.extend(kit_reference_problems(doc, kit_ids, quiz_ids))
    try:
        campaign = Campaign.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(problems_from_pydantic(exc, doc, (), Campaign))
        problems.raise_if_errors()
    campaign._document = doc
    problems.extend(campaign_problems(campaign, doc, path.stem))
    problems.raise_if_errors()
    return campaign


def campaign_problems(campaign: Campaign, doc: YamlDocument, file_stem: str) -> list[Problem]:
    """Checks across fields: the file's year, dates in order, weeks inside the campaign, items inside their week."""
    out: list[Problem] = []

    def add(loc: Location, message: str, fix: str) -> None:
        out.append(Problem(doc.path, doc.line(loc), dotted(loc), message, fix))

    if file_stem != str(campaign.year):
        add(
            ("year",),
            f"{campaign.year} is not the year of the file name ({file_stem}.yml)",
            f"name the file {campaign.year}.yml or correct the year",
        )
    starts, ends = campaign.starts, campaign.ends
    if starts and ends and ends < starts:
        add(
            ("ends",),
            f"the campaign ends ({ends.isoformat()}) before it starts ({starts.isoformat()})",
            "check both dates against the source",
        )
    for key, day in (("starts", starts), ("ends", ends)):
        if day and day.year != campaign.year:
            add((key,), f"{day.isoformat()} is not in {campaign.year}", "a campaign file holds one year's campaign")
    if campaign.status is CampaignStatus.PUBLIE and (starts is None or campaign.plan_ends is None):
        add(
            ("status",),
            "a published campaign needs its start date and an end date (its own, or its weeks' last end)",
            "give starts: and ends: (or the weeks' ends: when no source gives the campaign's end), "
            "or set status: brouillon while they are to be confirmed",
        )
    for n, week in enumerate(campaign.weeks):
        where = ("weeks", n)
        if week.starts and week.ends and week.ends < week.starts:
            add(
                where + ("ends",),
                f"week {n + 1} ends ({week.ends.isoformat()}) before it starts ({week.starts.isoformat()})",
                "check both dates",
            )
        for key, day in (("starts", week.starts), ("ends", week.ends)):
            if day and starts and ends and not starts <= day <= ends:
                add(
                    where + (key,),
                    f"{day.isoformat()} is outside the campaign ({_span(starts, ends)})",
                    "keep every week inside the campaign's dates",
                )
        for i, item in enumerate(week.items):
            loc = where + ("items", i, "date")
            if item.date is None:
                continue
            if starts and ends and not starts <= item.date <= ends:
                add(
                    loc,
                    f"{item.date.isoformat()} is outside the campaign ({_span(starts, ends)})",
                    "correct the date or remove the item",
                )
            elif week.starts and week.ends and not week.starts <= item.date <= week.ends:
                add(
                    loc,
                    f"{item.date.isoformat()} is outside week {n + 1} ({_span(week.starts, week.ends)})",
                    "move the item under the week that holds its date",
                )
    return out


def kit_reference_problems(doc: YamlDocument, kit_ids: set[str], quiz_ids: set[str] | None = None) -> list[Problem]:
    """The campaign's pack and each item's kit must be kits that exist; read from the file as written, so that
    a wrong kit is reported even when other keys of the file are wrong too."""
    data = doc.data if isinstance(doc.data, dict) else {}
    refs: list[tuple[Location, object]] = [(("kit",), data.get("kit", Campaign.model_fields["kit"].default))]
    weeks = data.get("weeks")
    for n, week in enumerate(weeks if isinstance(weeks, list) else []):
        items = week.get("items") if isinstance(week, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            for key in ("kit", "quiz"):
                if isinstance(item, dict) and key in item:
                    refs.append((("weeks", n, "items", i, key), item[key]))
    out = []
    for loc, kit in refs:
        if isinstance(kit, str) and kit not in kit_ids:  # not a text: the schema says so
            close = difflib.get_close_matches(kit, sorted(kit_ids), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            out.append(
                Problem(
                    doc.path,
                    doc.line(loc),
                    dotted(loc),
                    f"unknown kit {kit!r}",
                    f"{hint}use the name of a folder of kits/ ({', '.join(sorted(kit_ids))})",
                )
            )
        elif loc[-1] == "quiz" and quiz_ids is not None and isinstance(kit, str) and kit not in quiz_ids:
            out.append(
                Problem(
                    doc.path,
                    doc.line(loc),
                    dotted(loc),
                    f"kit {kit!r} has no quiz",
                    f"add kits/{kit}/quiz.yml, or name a kit that has one ({', '.join(sorted(quiz_ids))})",
                )
            )
    return out


def load_campaigns(
    folder: Path,
    shown_folder: str = CAMPAIGNS_DIR,
    kit_ids: set[str] | None = None,
    quiz_ids: set[str] | None = None,
) -> list[Campaign]:
    """Every campaign file of the folder, newest year first; every file's problems at once."""
    problems = Collector()
    campaigns: list[Campaign] = []
    for path in sorted(folder.glob("*.yml")):
        try:
            campaigns.append(load_campaign(path, f"{shown_folder}/{path.name}", kit_ids, quiz_ids))
        except ProblemsError as exc:
            problems.extend(exc.problems)
    if not campaigns and not problems.problems:
        problems.add(shown_folder, 0, "", "no campaign file", "add one file per year, e.g. 2025.yml")
    problems.raise_if_errors()
    return sorted(campaigns, key=lambda c: -c.year)
