"""HAS certification criteria: the typed model of data/criteria.yml, its loader and cross-references."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BeforeValidator, Field

from sitekit.core import renames
from sitekit.core.problems import Collector, Problem, ProblemsError
from sitekit.core.schema import (
    UNKNOWN,
    CheckedDay,
    Day,
    Localized,
    LocalizedList,
    Model,
    Text,
    Url,
    identifier,
    plain_text,
    problem,
    validate_item,
)
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_mapping

TO_CONFIRM = "a_confirmer"  # the value of evaluation_methods when the sources do not name them
RESERVED_IDS = frozenset({"index"})  # a criterion's page is certification/criteres/<id>.html
TOP_KEYS = ("frameworks", "axes", "criteria")
# Keys renamed by the naming rule, still read in this release (sitekit.core.renames): old -> new, at the top level
# and in each item of criteria:.
OLD_TOP_KEYS = {"referentiels": "frameworks"}
OLD_CRITERION_KEYS = {"referentiel": "framework"}

CriterionId = Annotated[str, identifier("es-risques-numeriques-1", RESERVED_IDS)]
AxisId = Annotated[str, identifier("axe-1-gouvernance")]
FrameworkId = Annotated[str, identifier("certification-es")]


class Imperative(str, Enum):
    YES = "oui"
    NO = "non"
    UNKNOWN = "inconnu"  # the sources do not say


class Method(str, Enum):
    """Evaluation methods as the HAS référentiels name them (labels in data/strings.yml)."""

    PATIENT_TRACEUR = "patient-traceur"
    PARCOURS_TRACEUR = "parcours-traceur"
    TRACEUR_CIBLE = "traceur-cible"
    AUDIT_SYSTEME = "audit-systeme"
    OBSERVATION = "observation"
    ACCOMPAGNE_TRACEUR = "accompagne-traceur"


def _parse_imperative(value: Any) -> Imperative:
    if value is True:
        return Imperative.YES
    if value is False:
        return Imperative.NO
    if value == UNKNOWN:
        return Imperative.UNKNOWN
    raise problem(f"{value!r} is not allowed", "write true, false, or unknown when the sources do not say")


def _parse_reference_id(value: Any) -> str | None:
    if value == UNKNOWN:
        return None
    if isinstance(value, str) and value.strip() and value == value.strip():
        return plain_text(value)
    if isinstance(value, float):
        raise problem("the number was read as a decimal number", 'put it in quotes as written, e.g. "2.10-02"')
    raise problem(
        f"{value!r} is not a criterion number",
        'write it in quotes exactly as in the référentiel, e.g. "2.10-02", or unknown',
    )


def _parse_methods(value: Any) -> Any:
    if value == TO_CONFIRM:
        return ()
    if isinstance(value, str):
        raise problem(
            f"{value!r} is not a list of methods",
            f"write {TO_CONFIRM} or a list, one method per line starting with '- '",
        )
    return value


class Framework(Model):
    """A HAS référentiel (the framework a criterion belongs to), one per version."""

    id: FrameworkId
    title: Localized
    version: Localized
    sources: tuple[Url, ...] = Field(min_length=1)
    last_checked: CheckedDay


class Axis(Model):
    """A CaRE axis (1 to 4) or a funding domain of axis 4."""

    id: AxisId
    kind: Literal["axe", "domaine"]
    label: Localized
    sources: tuple[Url, ...] = Field(min_length=1)
    last_checked: CheckedDay


class Criterion(Model):
    id: CriterionId
    reference_id: Annotated[str | None, BeforeValidator(_parse_reference_id)]
    framework: FrameworkId
    chapter: Localized
    objective: Localized
    title: Localized
    title_is_description: bool
    imperative: Annotated[Imperative, BeforeValidator(_parse_imperative)]
    evaluation_methods: Annotated[tuple[Method, ...], BeforeValidator(_parse_methods)]
    expected: LocalizedList
    axes: tuple[AxisId, ...] = ()
    kits: tuple[Text, ...] = ()
    calls: tuple[Text, ...] = ()
    note: Localized | None = None
    # Empty ([]) only while unconfirmed, when no source states the number: the page then says so (à confirmer).
    sources: tuple[Url, ...]
    confirmed: bool
    last_checked: CheckedDay  # the day the entry was last checked against its sources
    review_by: Day  # the day it is due to be checked again (a warning after it, an error after the grace period)

    @property
    def methods_known(self) -> bool:
        return bool(self.evaluation_methods)


@dataclass(frozen=True)
class Criteria:
    frameworks: tuple[Framework, ...]
    axes: tuple[Axis, ...]
    criteria: tuple[Criterion, ...]
    # The parsed file, for problems reported at a line: frameworks[i], axes[i], criteria[i] are at
    # (key, i) (the loader refuses the file when an item fails, so no item is skipped).
    document: YamlDocument | None = None

    def line(self, *location: str | int) -> int:
        return self.document.line(location) if self.document else 0

    def framework(self, framework_id: str) -> Framework:
        return next(f for f in self.frameworks if f.id == framework_id)

    def axis(self, axis_id: str) -> Axis:
        return next(a for a in self.axes if a.id == axis_id)


def criteria_for_kit(criteria: Criteria, kit_id: str) -> list[Criterion]:
    """Criteria that list the kit, in file order."""
    return [c for c in criteria.criteria if kit_id in c.kits]


def criteria_for_call(criteria: Criteria, call_id: str) -> list[Criterion]:
    """Criteria that list the funding call, in file order."""
    return [c for c in criteria.criteria if call_id in c.calls]


# --- loader --------------------------------------------------------------------------------------


def load_criteria(path: Path, display_path: str, call_ids: set[str] | None, kit_ids: set[str] | None) -> Criteria:
    """Read and validate the criteria file; raise ProblemsError listing every problem with its line.

    `kit_ids` None: kit references are not checked (no kit exists yet); `call_ids` None: call references are
    not checked (data/calls.yml did not load: its own problems are reported).
    """
    doc = load_mapping(
        path,
        display_path,
        "expected the keys frameworks:, axes: and criteria:",
        "start the file with frameworks:, then axes:, then criteria:",
    )
    doc, written = _read_old_keys(doc)
    try:
        return _load(doc, display_path, call_ids, kit_ids)
    except ProblemsError as exc:
        raise ProblemsError([_as_written(p, written) for p in exc.problems]) from None


def _load(doc: YamlDocument, display_path: str, call_ids: set[str] | None, kit_ids: set[str] | None) -> Criteria:
    problems = Collector()
    for key in doc.data:
        if key not in TOP_KEYS:
            close = difflib.get_close_matches(str(key), TOP_KEYS, n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            problems.add(
                display_path,
                doc.line((key,)),
                str(key),
                "unknown key",
                f"{hint}the top-level keys are {', '.join(TOP_KEYS)}",
            )
    for key in TOP_KEYS:
        if not isinstance(doc.data.get(key), list):
            problems.add(
                display_path,
                doc.line((key,)),
                key,
                f"expected a list under {key}:",
                f"write {key}: then each item as a list item (- id: ...)",
            )
    problems.raise_if_errors()

    frameworks = _validate_items(doc, "frameworks", Framework, problems)
    axes = _validate_items(doc, "axes", Axis, problems)
    criteria = _validate_items(doc, "criteria", Criterion, problems)
    # Ids written in the file, even on items with problems of their own: one mistake, one message.
    framework_ids, axis_ids = _written_ids(doc, "frameworks"), _written_ids(doc, "axes")
    seen_numbers: dict[tuple[str, str], int] = {}
    for index, criterion in criteria:
        where = ("criteria", index)
        _check_refs(
            doc, where, "framework", (criterion.framework,), framework_ids, "référentiel", problems, single=True
        )
        _check_refs(doc, where, "axes", criterion.axes, axis_ids, "axis", problems)
        if call_ids is not None:
            _check_refs(doc, where, "calls", criterion.calls, call_ids, "call", problems, known_in="data/calls.yml")
        if kit_ids is not None:
            _check_refs(
                doc, where, "kits", criterion.kits, kit_ids, "kit", problems, known_in="kits/ (a folder with a kit.yml)"
            )
        problems.extend(_cross_field_problems(criterion, doc, where))
        if criterion.reference_id is not None:
            key = (criterion.framework, criterion.reference_id)
            line = doc.line(where + ("reference_id",))
            if key in seen_numbers:
                problems.add(
                    display_path,
                    line,
                    dotted(where + ("reference_id",)),
                    f"criterion number {criterion.reference_id!r} of {criterion.framework!r} "
                    f"already used at line {seen_numbers[key]}",
                    "describe each criterion once",
                )
            else:
                seen_numbers[key] = line
    problems.raise_if_errors()
    return Criteria(tuple(f for _, f in frameworks), tuple(a for _, a in axes), tuple(c for _, c in criteria), doc)


def _read_old_keys(doc: YamlDocument) -> tuple[YamlDocument, dict[str, str]]:
    """`doc` with the keys' old names (OLD_TOP_KEYS, OLD_CRITERION_KEYS) read as their new names, each told once;
    an old key beside its new name is not read (told too). Also returns, for each renamed place, its dotted new
    name -> its name as written, so that problems name the key as it is in the file."""
    data: dict[Any, Any] = dict(doc.data)
    lines = dict(doc.lines)
    written: dict[str, str] = {}

    def rename(where: Location, mapping: dict[Any, Any], old: str, new: str) -> None:
        if old not in mapping:
            return
        if new in mapping:
            renames.ignored(f"{old}:", f"{new}:")
        else:
            renames.tell(f"{old}:", f"{new}:")
            mapping[new] = mapping[old]
            written[dotted(where + (new,))] = dotted(where + (old,))
            size = len(where) + 1
            for loc in [loc for loc in lines if loc[:size] == where + (old,)]:
                lines[where + (new,) + loc[size:]] = lines[loc]
        del mapping[old]

    for old, new in OLD_TOP_KEYS.items():
        rename((), data, old, new)
    if isinstance(data.get("criteria"), list):
        data["criteria"] = [dict(item) if isinstance(item, dict) else item for item in data["criteria"]]
        for index, item in enumerate(data["criteria"]):
            if isinstance(item, dict):
                for old, new in OLD_CRITERION_KEYS.items():
                    rename(("criteria", index), item, old, new)
    return YamlDocument(doc.path, data, lines), written


def _as_written(problem: Problem, written: dict[str, str]) -> Problem:
    """The problem with its field named as in the file (an old key's name, when the file has it)."""
    for new, old in written.items():
        if problem.field == new or problem.field.startswith((f"{new}.", f"{new}[")):
            return replace(problem, field=old + problem.field[len(new) :])
    return problem


def _written_ids(doc: YamlDocument, key: str) -> set[str]:
    return {raw["id"] for raw in doc.data[key] if isinstance(raw, dict) and isinstance(raw.get("id"), str)}


Item = TypeVar("Item", Framework, Axis, Criterion)


def _validate_items(doc: YamlDocument, key: str, model: type[Item], problems: Collector) -> list[tuple[int, Item]]:
    """Each item of the list `key` validated as `model`; duplicate ids reported with the first line."""
    out: list[tuple[int, Item]] = []
    first_seen: dict[str, int] = {}
    for index, raw in enumerate(doc.data[key]):
        where = (key, index)
        item = validate_item(doc, where, raw, model, problems, "id:, ...", "item")
        if item is None:
            continue
        line = doc.line(where + ("id",))
        if item.id in first_seen:
            problems.add(
                doc.path,
                line,
                dotted(where + ("id",)),
                f"duplicate id {item.id!r}, already used at line {first_seen[item.id]}",
                "give each item its own id",
            )
            continue
        first_seen[item.id] = line
        out.append((index, item))
    return out


def _check_refs(
    doc: YamlDocument,
    where: Location,
    field: str,
    values: tuple[str, ...],
    known: set[str],
    what: str,
    problems: Collector,
    known_in: str | None = None,
    single: bool = False,
) -> None:
    for position, value in enumerate(values):
        if value in known:
            continue
        loc = where + ((field,) if single else (field, position))
        close = difflib.get_close_matches(value, sorted(known), n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        listed = f"the ids are listed in {known_in}" if known_in else f"known: {', '.join(sorted(known))}"
        problems.add(doc.path, doc.line(loc), dotted(loc), f"unknown {what} {value!r}", f"{hint}{listed}")


def _cross_field_problems(criterion: Criterion, doc: YamlDocument, where: Location) -> list[Problem]:
    out: list[Problem] = []

    def add(field: str, message: str, fix: str) -> None:
        out.append(Problem(doc.path, doc.line(where + (field,)), dotted(where + (field,)), message, fix))

    if len(criterion.expected.fr) != len(criterion.expected.en):
        add(
            "expected",
            f"not as many items in fr ({len(criterion.expected.fr)}) as in en ({len(criterion.expected.en)})",
            "translate every item, in the same order",
        )
    if criterion.review_by < criterion.last_checked:
        add(
            "review_by",
            f"review date {criterion.review_by.isoformat()} is before last_checked "
            f"{criterion.last_checked.isoformat()}",
            "set review_by to the day the criterion is due to be checked again, after last_checked",
        )
    if criterion.confirmed and not criterion.sources:
        add(
            "sources",
            "confirmed without a source",
            "add the URL of the référentiel where the number and title are written, or set confirmed: false",
        )
    if criterion.confirmed:
        if criterion.reference_id is None:
            add(
                "confirmed",
                "confirmed while reference_id is unknown",
                "write the number from the référentiel, or set confirmed: false",
            )
        elif criterion.title_is_description:
            add(
                "confirmed",
                "confirmed while the title is only a description",
                "copy the official title and set title_is_description: false, or set confirmed: false",
            )
    for name in ("axes", "kits", "calls"):
        values = getattr(criterion, name)
        for position, value in enumerate(values):
            if value in values[:position]:
                loc = where + (name, position)
                out.append(
                    Problem(doc.path, doc.line(loc), dotted(loc), f"{value!r} is listed twice", "keep one of the two")
                )
    return out
