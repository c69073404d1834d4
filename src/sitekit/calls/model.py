"""CaRE funding calls: the typed model of data/calls.yml, its loader, and each call's status at a given moment."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field

from sitekit.core.problems import Collector, Problem
from sitekit.core.schema import (
    CheckedDay,
    ClockTime,
    Localized,
    LocalizedList,
    MaybeDate,
    Model,
    Text,
    Url,
    identifier,
    validate_item,
)
from sitekit.core.today import PARIS
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_yaml

IMMINENT_DAYS = 14  # clôture imminente: the call closes in this many days or fewer
RESERVED_IDS = frozenset({"calls", "index"})  # names taken by calls.ics, calls.json and the calendar page
CallId = Annotated[str, identifier("d2-candidature", RESERVED_IDS)]


class Status(str, Enum):
    A_VENIR = "a_venir"
    OUVERT = "ouvert"
    CLOTURE_IMMINENTE = "cloture_imminente"
    CLOS = "clos"
    ANNULE = "annule"
    REPORTE = "reporte"
    A_CONFIRMER = "a_confirmer"  # the status depends on a date the sources do not give
    ARCHIVE = "archive"  # no longer followed: its closing day was never published (see Override)

    @property
    def is_open(self) -> bool:
        return self in (Status.OUVERT, Status.CLOTURE_IMMINENTE)


class Phase(str, Enum):
    CANDIDATURE = "candidature"
    DECLARATION_OBJECTIFS = "declaration-objectifs"
    PAIEMENT = "paiement"
    APPEL_A_PROJETS = "appel-a-projets"


class Audience(str, Enum):
    SANITAIRE = "sanitaire"
    MEDICO_SOCIAL = "medico-social"
    BOTH = "both"
    UNKNOWN = "unknown"  # the sources do not say who may apply


class Override(Model):
    """A status the dates cannot give: a call cancelled or postponed after its dates were published, or archived.

    `archive`: a call whose closing day was never published, no longer followed by the calendar; the reason says
    what the sources say (that it closed, or that nothing more was found), and those sources are in `sources`.
    """

    status: Literal["annule", "reporte", "archive"]
    reason: Localized


class Call(Model):
    id: CallId
    programme: Text
    domain: Text
    phase: Phase
    title: Localized
    summary: Localized
    audience: Audience
    opens: MaybeDate
    closes: MaybeDate
    closes_at: ClockTime | None = None
    override: Override | None = None
    prerequisites: LocalizedList
    targets: LocalizedList
    envelope: Localized | None = None
    sources: tuple[Url, ...] = Field(min_length=1)
    contact: Localized
    last_checked: CheckedDay

    @property
    def opening(self) -> datetime | None:
        """First moment the call is open: 00:00 in Paris on the opening day."""
        return datetime.combine(self.opens, time(0), PARIS) if self.opens else None

    @property
    def deadline(self) -> datetime | None:
        """First moment the call is closed: closes_at on the closing day, else midnight after it."""
        if self.closes is None:
            return None
        if self.closes_at is not None:
            return datetime.combine(self.closes, self.closes_at, PARIS)
        return datetime.combine(self.closes + timedelta(days=1), time(0), PARIS)


# --- status --------------------------------------------------------------------------------------


def start_of_day(day: date) -> datetime:
    """The build moment: 00:00 in Paris on the build date (see sitekit.core.today.build_date)."""
    return datetime.combine(day, time(0), PARIS)


def paris_date(now: datetime) -> date:
    return now.astimezone(PARIS).date()


def call_status(call: Call, now: datetime) -> Status:
    """The one rule for a call's status at `now` (an aware datetime)."""
    if now.tzinfo is None:
        raise ValueError("call_status needs an aware datetime (Europe/Paris)")
    if call.override is not None:
        return Status(call.override.status)
    if call.opening is not None and now < call.opening:
        return Status.A_VENIR
    if call.deadline is not None and now >= call.deadline:
        return Status.CLOS
    days_left = days_until_close(call, now)  # None exactly when the deadline is unknown
    if call.opening is None or days_left is None:
        return Status.A_CONFIRMER  # opened or closing, but the other date is unknown
    if days_left <= IMMINENT_DAYS:
        return Status.CLOTURE_IMMINENTE
    return Status.OUVERT


def checked_span(calls: Iterable[Call]) -> tuple[date, date] | None:
    """The oldest and the newest `last_checked` of the calls (None without calls)."""
    days = [call.last_checked for call in calls]
    return (min(days), max(days)) if days else None


def days_until_close(call: Call, now: datetime) -> int | None:
    """Calendar days from `now`'s Paris date to the closing day (0 on the closing day)."""
    return (call.closes - paris_date(now)).days if call.closes else None


def days_until_open(call: Call, now: datetime) -> int | None:
    return (call.opens - paris_date(now)).days if call.opens else None


# --- loader --------------------------------------------------------------------------------------


def load_calls(path: Path, display_path: str | None = None) -> list[Call]:
    """Read and validate the calls file; raise ProblemsError listing every problem with its line."""
    return load_calls_document(path, display_path)[0]


def load_calls_document(path: Path, display_path: str | None = None) -> tuple[list[Call], YamlDocument]:
    """Like load_calls, plus the parsed document: calls[i] is at ("calls", i) for doc.line()."""
    shown = display_path or str(path)
    doc = load_yaml(path, shown)
    problems = Collector()
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("calls"), list):
        problems.add(
            shown,
            doc.line(("calls",)),
            "calls",
            "expected a list of calls under the key calls:",
            "start the file with calls: and write each call as a list item (- id: ...)",
        )
        problems.raise_if_errors()
    for key in doc.data:
        if key != "calls":
            problems.add(shown, doc.line((key,)), str(key), "unknown key", "keep only calls: at the top level")

    calls: list[Call] = []
    first_seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data["calls"]):
        where = ("calls", index)
        call = validate_item(doc, where, raw, Call, problems, "id:, title:, ...", "call")
        if call is None:
            continue
        problems.extend(_cross_field_problems(call, doc, where))
        if call.id in first_seen:
            problems.add(
                shown,
                doc.line(where + ("id",)),
                dotted(where + ("id",)),
                f"duplicate id {call.id!r}, already used at line {first_seen[call.id]}",
                "give each call its own id",
            )
        else:
            first_seen[call.id] = doc.line(where + ("id",))
        calls.append(call)
    problems.raise_if_errors()
    return calls, doc


def _cross_field_problems(call: Call, doc: YamlDocument, where: Location) -> list[Problem]:
    out: list[Problem] = []

    def add(field: str, message: str, fix: str) -> None:
        out.append(Problem(doc.path, doc.line(where + (field,)), dotted(where + (field,)), message, fix))

    if call.opens and call.closes and call.closes < call.opens:
        add(
            "closes",
            f"closing day {call.closes.isoformat()} is before opening day {call.opens.isoformat()}",
            "check both dates against the source",
        )
    if call.override is not None and call.override.status == "archive" and call.closes is not None:
        add(
            "override",
            "archive is for a call whose closing day was never published, and this one closes on "
            f"{call.closes.isoformat()}",
            "remove the override: with both dates known the calendar shows the call as closed",
        )
    if call.closes_at is not None and call.closes is None:
        add("closes_at", "a closing time without a closing date", "give closes or remove closes_at")
    for name in ("prerequisites", "targets"):
        items: LocalizedList = getattr(call, name)
        if len(items.fr) != len(items.en):
            add(
                name,
                f"not as many items in fr ({len(items.fr)}) as in en ({len(items.en)})",
                "translate every item, in the same order",
            )
    return out
