"""The validator's pure checks called directly: date forms, the historical marker, deadlines, link resolution."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import ROOT
from sitekit.calls.model import load_calls_document
from sitekit.checks.deadlines import deadline_problems
from sitekit.checks.links import markdown_source, resolve
from sitekit.checks.prose_dates import past_deadline_problems
from sitekit.core.problems import ProblemsError
from sitekit.pages.markdown import MarkdownPage, read_pages
from sitekit.project import load_project

CORPUS = ROOT / "tests" / "fixtures" / "validator" / "corpus"
TODAY = date(2026, 11, 23)


def flagged(*lines: str, today: date = TODAY) -> list[int]:
    page = MarkdownPage("docs/x.md", "x.md", lines)
    return [p.line for p in past_deadline_problems([page], today)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dépôt jusqu'au 31 octobre 2025.",
        "Dépôt jusqu’au 31 octobre 2025.",
        "À envoyer avant le 1er septembre 2025.",
        "Date limite : 31/10/2025.",
        "Au plus tard le 2025-10-31.",
        "Clôture le 31 octobre 2025.",
        "Ouvert du 2 septembre au 31 octobre 2025.",
        "Open until 31 October 2025.",
        "Deadline: October 31, 2025.",
        "Apply by 31 October 2025.",
        "The call closes on 2025-10-31.",
        "Date limite de dépôt : 1er octobre 2025",
    ],
)
def test_past_dates_in_deadline_wording(sentence):
    assert flagged(sentence) == [1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lancé le 18 décembre 2023.",  # no deadline wording
        "Dépôt jusqu'au 31 octobre 2027.",  # future
        "Dépôt jusqu'au 31 octobre 2025. <!-- history -->",
        "Voir [la page](https://example.org/jusqu-au/2025-10-31).",  # link target
        "Dépôt `jusqu'au 31/10/2025` en exemple.",  # inline code
        "Date limite : mars 2025.",  # no day: not a date we can judge
        "Dépôt jusqu'au 31/02/2025.",  # not a real date
    ],
)
def test_not_flagged(sentence):
    assert flagged(sentence) == []


def test_marker_covers_its_paragraph_or_list_item_only():
    lines = (
        "Première ligne jusqu'au 1 mars 2025,",
        "suite du paragraphe. <!-- history -->",
        "",
        "- jusqu'au 1 mars 2025 <!-- history -->",
        "- jusqu'au 2 mars 2025",
        "",
        "```",
        "jusqu'au 3 mars 2025",
        "```",
        "~~~",
        "jusqu'au 3 mars 2025",
        "~~~",
    )
    assert flagged(*lines) == [5]


def test_front_matter_is_not_prose(tmp_path):
    (tmp_path / "p.md").write_text(
        "---\ntitle: jusqu'au 1 mars 2025\nreview_by: 2027-01-01\n---\n\nTexte jusqu'au 1 mars 2025.\n",
        encoding="utf-8",
    )
    pages = read_pages(tmp_path)
    assert [p.line for p in past_deadline_problems(pages, TODAY)] == [6]
    assert pages[0].front_matter_lines == {"title": 2, "review_by": 3}


def test_generated_folders_are_skipped():
    assert [p.relative for p in read_pages(CORPUS / "docs")] == [
        "brouillon.en.md",
        "brouillon.md",
        "delais.en.md",
        "delais.md",
        "index.en.md",
        "index.md",
        "seul.md",
    ]


def test_shipped_content_has_no_past_deadline_today_or_on_the_test_date(root_docs):
    pages = read_pages(root_docs)
    assert past_deadline_problems(pages, TODAY) == []
    assert past_deadline_problems(pages, date(2025, 10, 20)) == []


def test_closing_today_and_postponed_call_still_ahead():
    calls, doc = load_calls_document(CORPUS / "data" / "calls.yml", "data/calls.yml")
    messages = [p.message for p in deadline_problems(calls, doc, date(2025, 7, 30), 14)]
    assert messages == []  # reporte with its closing day ahead: consistent; bientot not open yet
    messages = [p.message for p in deadline_problems(calls, doc, date(2025, 10, 25), 14)]
    assert "call 'bientot' closes today (2025-10-25)" in messages


def test_project_loader_reports_and_keeps_what_loaded():
    project = load_project(CORPUS)
    assert project.failed == {"strings"}
    assert [str(p) for p in project.problems] == [
        "data/strings.yml:4: footer.sitemap.en: missing or empty text (add the en text)"
    ]
    assert project.call_ids == {"bientot", "reporte-passe"}
    with pytest.raises(ProblemsError):
        project.require()


def test_real_data_loads():
    project = load_project(ROOT)
    assert project.problems == () and project.failed == set() and project.require() is project
    assert project.calls and project.kits and project.criteria.criteria and project.authors and project.campaigns


def test_project_is_parsed_again_only_when_a_file_changes(project):
    first = load_project(project)
    assert load_project(project) is first
    calls = project / "data" / "calls.yml"
    calls.write_text(calls.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_project(project) is not first


@pytest.mark.parametrize(
    "page, url, expected",
    [
        ("index.html", "a.html", ("a.html", "")),
        ("en/x/y.html", "../a%20b.html?q=1#s%C3%A9", ("en/a b.html", "sé")),
        ("index.html", "#top", ("index.html", "top")),
        ("en/index.html", "../index.html", ("index.html", "")),
        ("index.html", "../out.html", (None, "")),
        ("x/index.html", "./", ("x", "")),
        ("x/index.html", "/assets/a.css", ("assets/a.css", "")),
    ],
)
def test_resolve(page, url, expected):
    assert resolve(page, url) == expected


def test_markdown_source_of_built_pages():
    assert markdown_source("appels/index.html") == "appels/index.md"
    assert markdown_source("en/appels/index.html") == "appels/index.en.md"
    assert markdown_source("assets/site.css") is None


@pytest.mark.parametrize(
    "name, needles",
    [
        (
            "github-workflow.yml",
            (
                "schedule:",
                "cron:",
                "make build",
                "--format github",
                "upload-pages-artifact",
                "path: site",
                "deploy-pages",
            ),
        ),
        ("gitlab-ci.yml", ('$CI_PIPELINE_SOURCE == "schedule"', "make build", "cp -r site public", "pages:")),
    ],
)
def test_ci_examples_build_validate_and_publish(name, needles):
    import yaml

    text = (ROOT / "examples" / "ci" / name).read_text(encoding="utf-8")
    assert yaml.safe_load(text)
    assert [n for n in needles if n not in text] == []


def test_ci_examples_check_before_publishing_and_build_every_profile():
    import yaml

    github = yaml.safe_load((ROOT / "examples" / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in github["jobs"]["build"]["steps"]]
    publish = next(i for i, run in enumerate(steps) if "--publish" in run)
    upload = next(
        i for i, step in enumerate(github["jobs"]["build"]["steps"]) if "upload-pages" in step.get("uses", "")
    )
    assert publish < upload  # the check runs before the site is handed to Pages
    matrix = github["jobs"]["profiles"]["strategy"]["matrix"]["profile"]
    gitlab = yaml.safe_load((ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    [variables] = gitlab["profiles"]["parallel"]["matrix"]
    examples = sorted(f"examples/profiles/{p.name}" for p in (ROOT / "examples" / "profiles").glob("*.yml"))
    assert sorted(matrix) == sorted(variables["SITEKIT_PROFILE"]) == examples
    assert any("--publish" in line for line in gitlab["pages"]["script"])
    assert any("--publish" in line for line in gitlab["profiles"]["script"])
