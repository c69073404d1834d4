"""CaRE funding calls: the typed model of data/calls.yml, its loader, and each call's status at a given moment."""

from __future__ import annotations

import difflib
import re
import typing
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError
from pydantic_core import PydanticCustomError

from .i18n import LANGUAGES
from .problems import Collector, Problem
from .today import PARIS
from .yamlfile import YamlDocument, dotted, load_yaml

UNKNOWN = "unknown"
IMMINENT_DAYS = 14  # clôture imminente: the call closes in this many days or fewer
RESERVED_IDS = frozenset({"calls", "index"})  # names taken by calls.ics, calls.json and the calendar page
LANGUAGE_NAMES = {"fr": "French", "en": "English"}

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HH_MM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


class Status(str, Enum):
    A_VENIR = "a_venir"
    OUVERT = "ouvert"
    CLOTURE_IMMINENTE = "cloture_imminente"
    CLOS = "clos"
    ANNULE = "annule"
    REPORTE = "reporte"
    A_CONFIRMER = "a_confirmer"  # the status depends on a date the sources do not give

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


# --- field parsers: each raises an error carrying its own "problem" and "fix" -------------------

def _problem(problem: str, fix: str) -> PydanticCustomError:
    return PydanticCustomError("sitekit", "{problem}", {"problem": problem, "fix": fix})


def _parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise _problem(f"'{value}' has a time of day", "write only the date YYYY-MM-DD; a closing time goes in closes_at")
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _problem(f"{value!r} is not a date", "write YYYY-MM-DD, e.g. 2025-10-31")


def _parse_date_or_unknown(value: Any) -> date | None:
    if value == UNKNOWN:
        return None
    try:
        return _parse_date(value)
    except PydanticCustomError as exc:
        raise _problem(exc.context["problem"],
                       "write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it") from None


def _parse_hh_mm(value: Any) -> time:
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 12:00 as the number 720 (base 60).
        raise _problem("the time was read as a number", 'put it in quotes, e.g. closes_at: "12:00"')
    if isinstance(value, str) and (match := _HH_MM.fullmatch(value.strip())):
        return time(int(match[1]), int(match[2]))
    raise _problem(f"{value!r} is not a time", 'write "HH:MM" in quotes, Paris time, e.g. "12:00"')


def _check_url(value: Any) -> str:
    if isinstance(value, str):
        parts = urlsplit(value.strip())
        if parts.scheme in ("http", "https") and "." in parts.netloc and " " not in value.strip():
            return value.strip()
    raise _problem(f"{value!r} is not a URL", "write the full address, starting with https://")


def _check_id(value: Any) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise _problem(f"{value!r} is not a valid id",
                       "use lower-case letters, digits and hyphens, e.g. d2-candidature")
    if value in RESERVED_IDS:
        raise _problem(f"id {value!r} is reserved", f"choose another id ({', '.join(sorted(RESERVED_IDS))} are taken)")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
MaybeDate = Annotated[date | None, BeforeValidator(_parse_date_or_unknown)]
Day = Annotated[date, BeforeValidator(_parse_date)]
ClockTime = Annotated[time, BeforeValidator(_parse_hh_mm)]
Url = Annotated[str, BeforeValidator(_check_url)]
CallId = Annotated[str, BeforeValidator(_check_id)]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Localized(_Model):
    """A text in every site language."""

    fr: Text
    en: Text

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


class LocalizedList(_Model):
    """A list of short texts in every site language, item for item."""

    fr: tuple[Text, ...]
    en: tuple[Text, ...]

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        return getattr(self, lang)


class Override(_Model):
    """Only for a call that was cancelled or postponed after its dates were published."""

    status: Literal["annule", "reporte"]
    reason: Localized


class Call(_Model):
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
    last_checked: Day

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
    """The build moment: 00:00 in Paris on the build date (see sitekit.today.build_date)."""
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
    if call.opening is None or call.deadline is None:
        return Status.A_CONFIRMER  # opened or closing, but the other date is unknown
    if days_until_close(call, now) <= IMMINENT_DAYS:
        return Status.CLOTURE_IMMINENTE
    return Status.OUVERT


def days_until_close(call: Call, now: datetime) -> int | None:
    """Calendar days from `now`'s Paris date to the closing day (0 on the closing day)."""
    return (call.closes - paris_date(now)).days if call.closes else None


def days_until_open(call: Call, now: datetime) -> int | None:
    return (call.opens - paris_date(now)).days if call.opens else None


# --- loader --------------------------------------------------------------------------------------

def load_calls(path: Path, display_path: str | None = None) -> list[Call]:
    """Read and validate the calls file; raise ProblemsError listing every problem with its line."""
    shown = display_path or str(path)
    doc = load_yaml(path, shown)
    problems = Collector()
    if not isinstance(doc.data, dict) or not isinstance(doc.data.get("calls"), list):
        problems.add(shown, doc.line(("calls",)), "calls", "expected a list of calls under the key calls:",
                     "start the file with calls: and write each call as a list item (- id: ...)")
        problems.raise_if_errors()
    for key in doc.data:
        if key != "calls":
            problems.add(shown, doc.line((key,)), str(key), "unknown key", "keep only calls: at the top level")

    calls: list[Call] = []
    first_seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data["calls"]):
        where = ("calls", index)
        if not isinstance(raw, dict):
            problems.add(shown, doc.line(where), dotted(where), "expected a mapping of keys (id:, title:, ...)",
                         "write the call's keys indented under its - line")
            continue
        try:
            call = Call.model_validate(raw)
        except ValidationError as exc:
            problems.extend(_problems_from_pydantic(exc, doc, where))
            continue
        problems.extend(_cross_field_problems(call, doc, where))
        if call.id in first_seen:
            problems.add(shown, doc.line(where + ("id",)), dotted(where + ("id",)),
                         f"duplicate id {call.id!r}, already used at line {first_seen[call.id]}",
                         "give each call its own id")
        else:
            first_seen[call.id] = doc.line(where + ("id",))
        calls.append(call)
    problems.raise_if_errors()
    return calls


def _cross_field_problems(call: Call, doc: YamlDocument, where: tuple) -> list[Problem]:
    out: list[Problem] = []

    def add(field: str, message: str, fix: str) -> None:
        out.append(Problem(doc.path, doc.line(where + (field,)), dotted(where + (field,)), message, fix))

    if call.opens and call.closes and call.closes < call.opens:
        add("closes", f"closing day {call.closes.isoformat()} is before opening day {call.opens.isoformat()}",
            "check both dates against the source")
    if call.closes_at is not None and call.closes is None:
        add("closes_at", "a closing time without a closing date", "give closes or remove closes_at")
    for name in ("prerequisites", "targets"):
        items: LocalizedList = getattr(call, name)
        if len(items.fr) != len(items.en):
            add(name, f"not as many items in fr ({len(items.fr)}) as in en ({len(items.en)})",
                "translate every item, in the same order")
    return out


def _problems_from_pydantic(exc: ValidationError, doc: YamlDocument, where: tuple) -> list[Problem]:
    out = []
    errors = exc.errors(include_url=False)
    item_errors = {tuple(e["loc"][:-1]) for e in errors if e["loc"] and isinstance(e["loc"][-1], int)}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and loc in item_errors:
            continue  # a list whose only items are invalid: the items' own problems say it

        message, fix = _describe(error, loc)
        out.append(Problem(doc.path, doc.line(where + loc), dotted(where + loc), message, fix))
    return out


def _describe(error: dict, loc: tuple) -> tuple[str, str]:
    """A pydantic error as (what is wrong, how to fix it), in the project's words."""
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    last = loc[-1] if loc else ""
    if kind == "sitekit":
        return ctx["problem"], ctx["fix"]
    if kind == "missing":
        if last in LANGUAGES:
            return f"missing {LANGUAGE_NAMES.get(last, last)} text", f"add {last}: with the text in that language"
        return "missing", f"add {last}: (the keys are described at the top of the file)"
    if kind == "extra_forbidden":
        known = _known_keys(loc[:-1])
        close = difflib.get_close_matches(str(last), known, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        return "unknown key", f"{hint}known keys: {', '.join(known)}"
    if kind in ("enum", "literal_error"):
        if loc[:2] == ("override", "status"):
            return (f"{value!r} is not an override status",
                    "use annule or reporte: an override is only for a cancelled or postponed call")
        return f"{value!r} is not allowed", f"use {ctx.get('expected', 'one of the documented values')}"
    if kind == "model_type":
        if ctx.get("class_name") in ("Localized", "LocalizedList"):
            return "expected one value per language", "write fr: and en: on their own lines below it"
        return "expected a mapping", "write its keys on their own lines below it"
    if kind in ("tuple_type", "list_type"):
        return "expected a list", "write one item per line, each starting with '- '"
    if kind == "too_short" and last == "sources":
        return "no source", "add at least one URL where the call is described"
    if kind == "string_too_short":
        return "empty text", "write the text, or remove the key if it is optional"
    if kind == "string_type":
        return f"expected text, got {type(value).__name__}", "write it as text (in quotes if needed)"
    return error["msg"], "see the description of the keys at the top of the file"


def _known_keys(loc: tuple) -> list[str]:
    """Field names of the model at `loc` inside a Call (for 'unknown key' messages)."""
    model: type[BaseModel] = Call
    for part in loc:
        if isinstance(part, int) or part not in model.model_fields:
            break
        nested = _model_in(model.model_fields[part].annotation)
        if nested is None:
            break
        model = nested
    return list(model.model_fields)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    candidates = typing.get_args(annotation) or (annotation,)
    return next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
