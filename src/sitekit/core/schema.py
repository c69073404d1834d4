"""Shared pieces of the data schemas: field types that explain their own errors, and pydantic errors as problems."""

from __future__ import annotations

import difflib
import re
import typing
from datetime import date, datetime, time
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from sitekit.core.problems import Collector, Problem
from sitekit.core.text import text_problem
from sitekit.core.today import clock_today
from sitekit.core.typography import decode_spaces
from sitekit.core.yamlfile import Location, YamlDocument, dotted
from sitekit.i18n.strings import LANGUAGES

UNKNOWN = "unknown"
LANGUAGE_NAMES = {"fr": "French", "en": "English"}

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HH_MM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


# --- field parsers: each raises an error carrying its own "problem" and "fix" -------------------


def problem(problem: str, fix: str) -> PydanticCustomError:
    return PydanticCustomError("sitekit", "{problem}", {"problem": problem, "fix": fix})


def parse_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise problem(
            f"'{value}' has a time of day", "write only the date YYYY-MM-DD; a closing time goes in closes_at"
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise problem(f"{value!r} is not a date", "write YYYY-MM-DD, e.g. 2025-10-31")


def not_in_future(value: date) -> date:
    """A day something was done (checked, reviewed): not after the real today, whatever the build date."""
    today = clock_today()
    if value > today:
        raise problem(
            f"{value.isoformat()} is in the future: a check cannot have been made yet",
            f"write the day the sources were checked (today at the latest, {today.isoformat()}); a date copied "
            "from another entry must be checked again",
        )
    return value


def _parse_date_or_unknown(value: Any) -> date | None:
    if value == UNKNOWN:
        return None
    try:
        return parse_date(value)
    except PydanticCustomError as exc:
        context = exc.context or {}  # always set by problem()
        raise problem(
            context["problem"], "write YYYY-MM-DD, e.g. 2025-10-31, or unknown when the sources do not give it"
        ) from None


def _parse_hh_mm(value: Any) -> time:
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads an unquoted 12:00 as the number 720 (base 60).
        raise problem("the time was read as a number", 'put it in quotes, e.g. closes_at: "12:00"')
    if isinstance(value, str) and (match := _HH_MM.fullmatch(value.strip())):
        return time(int(match[1]), int(match[2]))
    raise problem(f"{value!r} is not a time", 'write "HH:MM" in quotes, Paris time, e.g. "12:00"')


# Characters a URL never holds as such (RFC 3986): they would have to be percent-encoded.
_NOT_IN_URL = re.compile(r'[\x00-\x20\x7f-\x9f"<>\\^`{|}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]')


def check_url(value: Any) -> str:
    if isinstance(value, str):
        url = value.strip()
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and "." in parts.netloc and not _NOT_IN_URL.search(url):
            return url
    raise problem(f"{value!r} is not a URL", "write the full address, starting with https://")


def plain_text(value: str) -> str:
    """A text shown as written: refuses control characters, bidirectional controls, line breaks and markup; a
    no-break space typed as `&nbsp;` is read as the character."""
    found = text_problem(value)
    if found is not None:
        raise problem(*found)
    return decode_spaces(value)


def identifier(example: str, reserved: frozenset[str] = frozenset()) -> BeforeValidator:
    """The check of an id field, for `Annotated[str, identifier(...)]`: lower-case letters, digits and hyphens,
    none of `reserved`."""

    def check(value: Any) -> str:
        if not isinstance(value, str) or not ID_PATTERN.fullmatch(value):
            raise problem(f"{value!r} is not a valid id", f"use lower-case letters, digits and hyphens, e.g. {example}")
        if value in reserved:
            raise problem(f"id {value!r} is reserved", f"choose another id ({', '.join(sorted(reserved))} are taken)")
        return value

    return BeforeValidator(check)


# Every text of the data files is plain text on one line (sitekit.core.text): what is shown is what is written.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(plain_text)]
MaybeDate = Annotated[date | None, BeforeValidator(_parse_date_or_unknown)]
Day = Annotated[date, BeforeValidator(parse_date)]
# The day an entry was last checked against its sources (last_checked) or reviewed (a kit's last_review).
CheckedDay = Annotated[date, BeforeValidator(parse_date), AfterValidator(not_in_future)]
ClockTime = Annotated[time, BeforeValidator(_parse_hh_mm)]
Url = Annotated[str, BeforeValidator(check_url)]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Localized(Model):
    """A text in every site language."""

    fr: Text
    en: Text

    def __getitem__(self, lang: str) -> str:
        text: str = getattr(self, lang)
        return text


class LocalizedList(Model):
    """A list of short texts in every site language, item for item."""

    fr: tuple[Text, ...]
    en: tuple[Text, ...]

    def __getitem__(self, lang: str) -> tuple[str, ...]:
        texts: tuple[str, ...] = getattr(self, lang)
        return texts


ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_item(
    doc: YamlDocument, where: Location, raw: Any, model: type[ModelT], problems: Collector, keys: str, noun: str
) -> ModelT | None:
    """The list item `raw` at `where` validated as `model`; None, its problems added, when it is not a mapping
    (`keys`: the first keys to name in the message, `noun`: what an item is) or does not validate."""
    if not isinstance(raw, dict):
        problems.add(
            doc.path,
            doc.line(where),
            dotted(where),
            f"expected a mapping of keys ({keys})",
            f"write the {noun}'s keys indented under its - line",
        )
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems.extend(problems_from_pydantic(exc, doc, where, model))
        return None


def problems_from_pydantic(
    exc: ValidationError, doc: YamlDocument, where: Location, model: type[BaseModel]
) -> list[Problem]:
    """Every pydantic error of `model` validated at `where` in `doc`, as a problem with its line."""
    out = []
    errors = exc.errors(include_url=False)
    item_errors = {tuple(e["loc"][:-1]) for e in errors if e["loc"] and isinstance(e["loc"][-1], int)}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and loc in item_errors:
            continue  # a list whose only items are invalid: the items' own problems say it

        message, fix = describe(error, loc, model)
        out.append(Problem(doc.path, doc.line(where + loc), dotted(where + loc), message, fix))
    return out


def describe(error: ErrorDetails, loc: Location, model: type[BaseModel]) -> tuple[str, str]:
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
        known = _known_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(last), known, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        return "unknown key", f"{hint}known keys: {', '.join(known)}"
    if kind in ("enum", "literal_error"):
        if loc[:2] == ("override", "status"):
            return (
                f"{value!r} is not an override status",
                "use annule, reporte or archive: an override is only for a cancelled, postponed or archived call",
            )
        return f"{value!r} is not allowed", f"use {ctx.get('expected', 'one of the documented values')}"
    if kind == "model_type":
        if ctx.get("class_name") in ("Localized", "LocalizedList"):
            return "expected one value per language", "write fr: and en: on their own lines below it"
        return "expected a mapping", "write its keys on their own lines below it"
    if kind in ("tuple_type", "list_type"):
        return "expected a list", "write one item per line, each starting with '- '"
    if kind == "too_short" and last == "sources":
        return "no source", "add at least one URL where this is described"
    if kind == "too_short":
        return "empty list", "write at least one item, each on its own line starting with '- '"
    if kind == "string_too_short":
        return "empty text", "write the text, or remove the key if it is optional"
    if kind == "string_type":
        return f"expected text, got {type(value).__name__}", "write it as text (in quotes if needed)"
    return error["msg"], "see the description of the keys at the top of the file"


def _known_keys(model: type[BaseModel], loc: Location) -> list[str]:
    """Field names of the model at `loc` inside `model` (for 'unknown key' messages)."""
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
