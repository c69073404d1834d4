"""Publishing refuses anything fictitious: each example profile, its site address alone changed, is refused once per
value it marks « # fictif », at that value's line; reserved and example domains in any e-mail or URL, the phone
ranges reserved for fiction that the examples use, the examples' marked values and logos (no build)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.checks.fictitious import fictitious, reserved_name, rules
from sitekit.checks.publish import publish_problems
from sitekit.core.problems import Level
from sitekit.project import load_project

EXAMPLES = sorted((ROOT / "examples" / "profiles").glob("*.yml"))
REAL_LOOKING = "https://cyber.ch-valmont.fr/"  # the address a team writes first, every other value left as it is
CLINIC = ROOT / "tests" / "fixtures" / "profiles" / "clinique.yml"  # every marked value replaced
_MARKED = re.compile(r"^\s*(?:- )?(?P<key>[a-z_]+): (?P<value>.+?)\s+# fictif$")


def marked_values(text: str) -> dict[int, tuple[str, str]]:
    """line -> (key, value as written) of every line the example marks « # fictif »."""
    out = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if match := _MARKED.match(line):
            out[number] = (match["key"], match["value"].strip('"'))
    return out


def profile_problems(path: Path, publish: bool = True):
    problems = publish_problems(load_project(ROOT, str(path)), [], ROOT, publish=publish)
    return [p for p in problems if p.path.endswith(path.name)]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_an_example_with_only_its_address_changed_is_refused_once_per_invented_value(example, tmp_path):
    text = example.read_text(encoding="utf-8")
    marked = marked_values(text)
    [url_line] = [n for n, (key, _) in marked.items() if key == "url"]
    old_url = marked.pop(url_line)[1]
    assert len(marked) >= 15, "the example marks its invented values « # fictif »"
    copy = tmp_path / example.name
    copy.write_text(text.replace(old_url, REAL_LOOKING), encoding="utf-8")

    refused = profile_problems(copy)
    assert [p.line for p in refused] == sorted(marked), "\n".join(map(str, refused))
    for problem in refused:
        key, value = marked[problem.line]
        assert problem.level is Level.ERROR
        assert problem.field.rsplit(".", 1)[-1] == key, problem
        assert value in problem.message and problem.fix, problem
    # A preview of the same profile builds: the same values, as warnings.
    assert {p.level for p in profile_problems(copy, publish=False)} == {Level.WARNING}


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_an_example_as_shipped_is_refused_at_every_marked_line_its_address_once(example):
    marked = marked_values(example.read_text(encoding="utf-8"))
    refused = profile_problems(example)
    assert sorted(p.line for p in refused) == sorted(marked)


def test_the_issues_copy_is_refused_where_the_domain_stayed_an_example(tmp_path):
    """A team renamed the hospital but kept the example's domain in its e-mail addresses."""
    copy = tmp_path / "mon-ch.yml"
    text = CLINIC.read_text(encoding="utf-8").replace("support@clinique-sainte-orvane.fr", "support@ch-valmont.example")
    copy.write_text(text.replace("ssi@sesan.fr", "ssi@sesan.test"), encoding="utf-8")
    refused = [(p.field, p.message) for p in profile_problems(copy)]
    assert refused == [
        (
            "contacts.it_support.email",
            "support@ch-valmont.example cannot be published: ch-valmont.example is an example domain",
        ),
        ("regional.support.email", "ssi@sesan.test cannot be published: sesan.test is a reserved test name"),
    ]


def test_a_profile_whose_every_marked_value_was_replaced_has_nothing_fictitious():
    assert profile_problems(CLINIC) == []


def test_a_copy_of_an_example_logo_under_another_name_is_refused(tmp_path):
    logo = tmp_path / "notre-logo.svg"
    shutil.copy(ROOT / "examples" / "profiles" / "medico-social.svg", logo)
    copy = tmp_path / "mine.yml"
    copy.write_text(
        CLINIC.read_text(encoding="utf-8").replace("tests/fixtures/profiles/clinique.svg", str(logo)), encoding="utf-8"
    )
    assert [(p.field, p.message) for p in profile_problems(copy)] == [
        ("establishment.logo", "the logo is an example profile's (examples/profiles/medico-social.svg)")
    ]


@pytest.mark.parametrize(
    ("host", "reason"),
    [
        ("example", "example is an example domain"),
        ("www.example.com", "www.example.com is an example domain"),
        ("example.net", "example.net is an example domain"),
        ("cyber.ch-valbrume.example", "cyber.ch-valbrume.example is an example domain"),
        ("intranet.test", "intranet.test is a reserved test name"),
        ("x.invalid", "x.invalid is a reserved test name"),
        ("cyber.localhost", "cyber.localhost is a reserved test name"),
        ("serveur.local", "serveur.local is a reserved test name"),
        ("10.0.0.1", "10.0.0.1 is not a public address"),
        ("exemple.fr", ""),  # a name that holds the word is a real domain
        ("examples.com", ""),
        ("ch-valmont.fr", ""),
    ],
)
def test_reserved_and_example_domains(host, reason):
    assert reserved_name(host) == reason


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("+33 1 99 00 12 34", "+33 1 99 00 12 34 is in a range reserved for fiction (01 99 00 xx xx): it rings no one"),
        ("0465712000", "0465712000 is in a range reserved for fiction (04 65 71 xx xx): it rings no one"),
        ("06.39.98.20.99", "06.39.98.20.99 is in a range reserved for fiction (06 39 98 xx xx): it rings no one"),
        ("01 99 01 12 34", None),  # beside the range
        ("04 99 00 20 00", None),  # not reserved for fiction: it may ring a real line
        ("4455", None),  # an internal extension
        (
            "Voir https://cyber.example.org/contact",
            "https://cyber.example.org/contact cannot be published: cyber.example.org is an example domain",
        ),
        ("https://www.ars.sante.fr/exemple-de-page-fictive", None),  # a real page's path may hold any word
        (
            "https://cyber.ch-valbrume.fr/",
            "« https://cyber.ch-valbrume.fr/ »: « valbrume » marks an invented value of an example profile",
        ),
        ("Sophie EXEMPLE", "« Sophie EXEMPLE »: « EXEMPLE » marks an invented value of an example profile"),
        ("Hébergeur exemplaire", None),  # whole words only
        ("FINESS 990000002", "« FINESS 990000002 »: « 990000002 » marks an invented value of an example profile"),
    ],
)
def test_what_marks_a_text_as_fictitious(text, refused):
    found = fictitious(text)
    assert (found[0] if found else None) == refused


def test_each_phone_range_refused_is_one_an_example_uses():
    for phone_range in rules().phone_ranges:
        example = ROOT / phone_range.used_by.split(" ")[0]
        numbers = re.findall(r'"(0\d(?: \d\d){4})"', example.read_text(encoding="utf-8"))
        assert any(n.startswith(phone_range.range) for n in numbers), phone_range
    used = {n[:8] for e in EXAMPLES for n in re.findall(r'"(0\d(?: \d\d){4})"', e.read_text(encoding="utf-8"))}
    assert used == {r.range for r in rules().phone_ranges}  # every number of an example is in a range refused
