"""Criteria: the loader's problems (exact text and line), the typed values, and the cross-reference functions."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.calls.model import load_calls
from sitekit.core.problems import ProblemsError
from sitekit.criteria.model import Imperative, Method, criteria_for_call, criteria_for_kit, load_criteria

SHOWN = "data/criteria.yml"
CALL_IDS = {"d2-candidature", "d1-candidature"}
KIT_IDS = {"hameconnage", "mots-de-passe", "exercice-crise"}

VALID = (ROOT / "tests" / "fixtures" / "criteria" / "valid.yml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "criteria.yml"
    path.write_text(text, encoding="utf-8")
    return path


def load(tmp_path: Path, text: str, kit_ids: set[str] | None = KIT_IDS):
    return load_criteria(write(tmp_path, text), SHOWN, CALL_IDS, kit_ids)


def problems(tmp_path: Path, text: str, kit_ids: set[str] | None = KIT_IDS) -> list[str]:
    with pytest.raises(ProblemsError) as exc:
        load(tmp_path, text, kit_ids)
    return str(exc.value).splitlines()


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing `needle`."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    return found[occurrence - 1]


def replace(needle: str, new: str, occurrence: int = 1) -> str:
    """VALID with the n-th line containing `needle` replaced by `new`."""
    lines = VALID.splitlines()
    index = line_of(VALID, needle, occurrence) - 1
    lines[index] = new
    return "\n".join(lines) + "\n"


# --- loading -------------------------------------------------------------------------------------


def test_valid_file_loads_into_typed_criteria(tmp_path):
    data = load(tmp_path, VALID)
    first, second = data.criteria
    assert first.reference_id is None and first.imperative is Imperative.UNKNOWN
    assert first.evaluation_methods == () and not first.methods_known
    assert first.expected.fr == ("Élément un", "Élément deux") and first.expected["en"][1] == "Element two"
    assert second.reference_id == "2.10-02" and second.imperative is Imperative.YES
    assert second.evaluation_methods == (Method.ACCOMPAGNE_TRACEUR, Method.OBSERVATION)
    assert [a.id for a in data.axes] == ["axe-1-gouvernance", "d2-continuite-reprise"]
    assert data.framework("evaluation-essms").title.fr == "Référentiel ESSMS"
    assert data.axis("axe-1-gouvernance").label.en == "Axis 1: governance"


def test_imperative_false_is_no(tmp_path):
    data = load(tmp_path, replace("imperative: true", "    imperative: false"))
    assert data.criteria[1].imperative is Imperative.NO


def test_kits_are_not_checked_while_no_kit_exists(tmp_path):
    text = replace("kits: [hameconnage]", "    kits: [hameconage]")
    assert load(tmp_path, text, kit_ids=None).criteria[0].kits == ("hameconage",)


def test_duplicate_criterion_id_names_the_first_line(tmp_path):
    text = replace("id: essms-2-10-02", "  - id: es-risques-numeriques-1")
    first = line_of(text, "id: es-risques-numeriques-1")
    second = line_of(text, "id: es-risques-numeriques-1", 2)
    assert problems(tmp_path, text) == [
        f"{SHOWN}:{second}: criteria[1].id: duplicate id 'es-risques-numeriques-1', already used at line {first} "
        "(give each item its own id)"
    ]


def test_duplicate_axis_id(tmp_path):
    text = replace("id: d2-continuite-reprise", "  - id: axe-1-gouvernance")
    assert problems(tmp_path, text)[0] == (
        f"{SHOWN}:{line_of(text, 'id: axe-1-gouvernance', 2)}: axes[1].id: duplicate id 'axe-1-gouvernance', "
        f"already used at line {line_of(text, 'id: axe-1-gouvernance')} (give each item its own id)"
    )


def test_same_number_twice_in_one_framework(tmp_path):
    text = VALID + VALID[VALID.index("  - id: essms-2-10-02") :].replace("id: essms-2-10-02", "id: essms-bis")
    assert problems(tmp_path, text) == [
        f"{SHOWN}:{line_of(text, 'reference_id', 3)}: criteria[2].reference_id: criterion number '2.10-02' of "
        f"'evaluation-essms' already used at line {line_of(text, 'reference_id', 2)} (describe each criterion once)"
    ]


def test_criterion_without_source(tmp_path):
    # A confirmed criterion needs the source that confirms it.
    text = replace("sources: [https://example.org/essms]", "    sources: []", 2)
    assert problems(tmp_path, text) == [
        f"{SHOWN}:{line_of(text, 'sources: []')}: criteria[1].sources: confirmed without a source "
        "(add the URL of the référentiel where the number and title are written, or set confirmed: false)"
    ]


def test_an_unconfirmed_criterion_may_have_no_source_yet(tmp_path):
    text = replace("sources: [https://example.org/es]", "    sources: []", 2)
    criteria = load_criteria(write(tmp_path, text), SHOWN, None, None)
    assert criteria.criteria[0].sources == () and not criteria.criteria[0].confirmed


def test_criterion_with_sources_key_missing(tmp_path):
    lines = VALID.splitlines()
    del lines[line_of(VALID, "sources: [https://example.org/es]", 2) - 1]
    text = "\n".join(lines) + "\n"
    assert problems(tmp_path, text) == [
        f"{SHOWN}:{line_of(text, 'id: es-risques-numeriques-1')}: criteria[0].sources: missing "
        "(add sources: (the keys are described at the top of the file))"
    ]


@pytest.mark.parametrize(
    "needle,new,field,message",
    [
        (
            "imperative: unknown",
            "    imperative: oui",
            "criteria[0].imperative",
            "'oui' is not allowed (write true, false, or unknown when the sources do not say)",
        ),
        (
            'reference_id: "2.10-02"',
            "    reference_id: 2.10",
            "criteria[1].reference_id",
            'the number was read as a decimal number (put it in quotes as written, e.g. "2.10-02")',
        ),
        (
            "evaluation_methods: a_confirmer",
            "    evaluation_methods: à confirmer",
            "criteria[0].evaluation_methods",
            "'à confirmer' is not a list of methods (write a_confirmer or a list, one method per line starting with '- ')",
        ),
        (
            "evaluation_methods: [accompagne",
            "    evaluation_methods: [patient-traceurr]",
            "criteria[1].evaluation_methods[0]",
            "'patient-traceurr' is not allowed (use 'patient-traceur', 'parcours-traceur', 'traceur-cible', "
            "'audit-systeme', 'observation' or 'accompagne-traceur')",
        ),
        (
            "id: essms-2-10-02",
            "  - id: Essms 2.10-02",
            "criteria[1].id",
            "'Essms 2.10-02' is not a valid id (use lower-case letters, digits and hyphens, e.g. es-risques-numeriques-1)",
        ),
        (
            "confirmed: false",
            "    confirmed: true",
            "criteria[0].confirmed",
            "confirmed while reference_id is unknown (write the number from the référentiel, or set confirmed: false)",
        ),
        (
            "title_is_description: false",
            "    title_is_description: true",
            "criteria[1].confirmed",
            "confirmed while the title is only a description (copy the official title and set "
            "title_is_description: false, or set confirmed: false)",
        ),
        (
            "kits: [hameconnage, mots-de-passe]",
            "    kits: [hameconnage, hameconnage]",
            "criteria[1].kits[1]",
            "'hameconnage' is listed twice (keep one of the two)",
        ),
        (
            "sources: [https://example.org/es]",
            "    sources: [example.org/es]",
            "frameworks[0].sources[0]",
            "'example.org/es' is not a URL (write the full address, starting with https://)",
        ),
        ("kind: axe", "    kind: axis", "axes[0].kind", "'axis' is not allowed (use 'axe' or 'domaine')"),
        (
            "title_is_description: true",
            "    title_is_descripton: true",
            "criteria[0].title_is_descripton",
            "unknown key (did you mean title_is_description? known keys: ",
        ),
        # Ids of other files and lists: an unknown one is named with the nearest known one.
        (
            "kits: [hameconnage]",
            "    kits: [hameconage]",
            "criteria[0].kits[0]",
            "unknown kit 'hameconage' (did you mean hameconnage? the ids are listed in kits/ (a folder with a kit.yml))",
        ),
        (
            "calls: [d2-candidature, d1-candidature]",
            "    calls: [d2-candidature, d1-candidatures]",
            "criteria[1].calls[1]",
            "unknown call 'd1-candidatures' (did you mean d1-candidature? the ids are listed in data/calls.yml)",
        ),
        (
            "axes: [axe-1-gouvernance]",
            "    axes: [axe-1-gouvernanse]",
            "criteria[0].axes[0]",
            "unknown axis 'axe-1-gouvernanse' "
            "(did you mean axe-1-gouvernance? known: axe-1-gouvernance, d2-continuite-reprise)",
        ),
        (
            "framework: evaluation-essms",
            "    framework: evaluation-esms",
            "criteria[1].framework",
            "unknown référentiel 'evaluation-esms' (did you mean evaluation-essms? known: certification-es, "
            "evaluation-essms)",
        ),
    ],
)
def test_malformed_fields(tmp_path, needle, new, field, message):
    text = replace(needle, new)
    found = problems(tmp_path, text)
    line = line_of(text, new.strip())
    if field == "criteria[0].title_is_descripton":  # also reported: the real key is now missing
        assert (
            found[0] == f"{SHOWN}:{line_of(text, 'id: es-risques-numeriques-1')}: "
            "criteria[0].title_is_description: missing "
            "(add title_is_description: (the keys are described at the top of the file))"
        )
        assert found[1].startswith(f"{SHOWN}:{line}: {field}: {message}")
        return
    if field == "criteria[1].confirmed":
        line = line_of(text, "confirmed: true")
    assert found == [f"{SHOWN}:{line}: {field}: {message}"]


def test_review_date_and_last_check_are_required_and_in_order(tmp_path):
    text = replace("review_by: 2027-05-31", "    review_by: 2026-11-01")
    assert problems(tmp_path, text) == [
        f"{SHOWN}:{line_of(text, 'review_by: 2026-11-01')}: criteria[0].review_by: review date 2026-11-01 is before "
        "last_checked 2026-11-29 (set review_by to the day the criterion is due to be checked again, after "
        "last_checked)"
    ]
    lines = VALID.splitlines()
    del lines[line_of(VALID, "last_checked: 2026-11-29", 3) - 1]  # the first criterion's
    text = "\n".join(lines) + "\n"
    assert problems(tmp_path, text) == [
        f"{SHOWN}:{line_of(text, 'id: es-risques-numeriques-1')}: criteria[0].last_checked: missing "
        "(add last_checked: (the keys are described at the top of the file))"
    ]


def test_expected_items_must_match_in_both_languages(tmp_path):
    text = replace("en: [Element one, Element two]", "      en: [Element one]")
    assert problems(tmp_path, text) == [
        f"{SHOWN}:{line_of(text, 'expected:')}: criteria[0].expected: not as many items in fr (2) as in en (1) "
        "(translate every item, in the same order)"
    ]


def test_top_level_shape(tmp_path):
    text = VALID.replace("axes:\n  - id: axe-1", "axis:\n  - id: axe-1")
    assert problems(tmp_path, text) == [
        f"{SHOWN}:1: axes: expected a list under axes: (write axes: then each item as a list item (- id: ...))",
        f"{SHOWN}:{line_of(text, 'axis:')}: axis: unknown key "
        "(did you mean axes? the top-level keys are frameworks, axes, criteria)",
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    text = replace("kits: [hameconnage]", "    kits: [inconnu]").replace("d1-candidature]", "d9]")
    found = problems(tmp_path, text)
    assert [line.split(": ", 2)[1] for line in found] == ["criteria[0].kits[0]", "criteria[1].calls[1]"]


def test_bad_yaml_names_the_line(tmp_path):
    text = replace("kind: axe", "    kind: [axe")
    found = problems(tmp_path, text)
    assert found == [
        f"{SHOWN}:{line_of(text, '[axe')}: « [ » opened on this line is not closed on it (close it with « ] » on the same line)"
    ]


# --- cross-references ----------------------------------------------------------------------------


def test_criteria_for_kit_and_call(tmp_path):
    data = load(tmp_path, VALID)
    ids = lambda found: [c.id for c in found]  # noqa: E731
    assert ids(criteria_for_kit(data, "hameconnage")) == ["es-risques-numeriques-1", "essms-2-10-02"]
    assert ids(criteria_for_kit(data, "mots-de-passe")) == ["essms-2-10-02"]
    assert criteria_for_kit(data, "exercice-crise") == []
    assert ids(criteria_for_call(data, "d2-candidature")) == ["es-risques-numeriques-1", "essms-2-10-02"]
    assert ids(criteria_for_call(data, "d1-candidature")) == ["essms-2-10-02"]
    assert criteria_for_call(data, "inconnu") == []


def test_the_project_data_loads_against_the_real_calls():
    calls = {c.id for c in load_calls(ROOT / "data" / "calls.yml", "data/calls.yml")}
    kits = {
        "hameconnage",
        "mots-de-passe",
        "mises-a-jour",
        "sauvegardes-pca-pra",
        "exercice-crise",
        "medico-social-premier-niveau",
        "cybermois",
    }  # the kit ids announced by the kits feature
    data = load_criteria(ROOT / "data" / "criteria.yml", SHOWN, calls, kits)
    assert len({c.id for c in data.criteria}) == len(data.criteria) >= 4
    for criterion in data.criteria:
        # Nothing the sources do not confirm may look confirmed.
        assert criterion.confirmed is False, criterion.id
        assert criterion.reference_id is not None or criterion.title_is_description, criterion.id
