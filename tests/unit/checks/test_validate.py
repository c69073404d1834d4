"""scripts/validate.py on a corpus holding every kind of problem: exact messages and lines, formats, exit codes."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from conftest import ROOT
from sitekit.checks import cli as validate

CORPUS = ROOT / "tests" / "fixtures" / "validator" / "corpus"
SCHEMA = json.loads((ROOT / "scripts" / "validate.schema.json").read_text(encoding="utf-8"))
FIX_PAST = "(update the sentence, or end the paragraph with <!-- history --> if it tells the past)"
FIX_REVIEW = "(review the page against its sources, then set a new review_by date)"
FIX_BUILD = "(build the site with the sitekit plugin in mkdocs.yml (make build))"

# Every problem of the corpus, as the text output prints it (path:line: level: field: message (fix)): what the
# authors can fix first, then the calendar's findings.
EXPECTED = [
    "data/strings.yml:4: error: footer.sitemap.en: missing or empty text (add the en text)",
    f"docs/delais.en.md:3: error: review_by: review date 2025-08-01 passed 80 days ago, more than the 30-day grace "
    f"period {FIX_REVIEW}",
    "docs/delais.en.md:8: error: past date in deadline wording: « by September 30, 2025 » is before 2025-10-20: "
    f'"Applications had to be filed by September 30, 2025." {FIX_PAST}',
    f"docs/delais.md:3: warning: review_by: review date 2025-10-01 has passed (error after 2025-11-01) {FIX_REVIEW}",
    "docs/delais.md:8: error: past date in deadline wording: « jusqu’au 30 septembre 2025 » is before 2025-10-20: "
    f'"Les dossiers sont à déposer jusqu’au 30 septembre 2025 sur la plateforme." {FIX_PAST}',
    # (non-breaking spaces before « : » and « ; », as French typography wants)
    "docs/delais.md:18: error: past date in deadline wording: « Date limite de dépôt : 1er octobre 2025 » is "
    f'before 2025-10-20: "Date limite de dépôt\u00a0: 1er octobre 2025\u00a0;" {FIX_PAST}',
    "docs/index.en.md:8: error: broken link 'missing.html': site/en/missing.html does not exist (fix the path or add "
    "the missing file)",
    "docs/index.md:8: error: anchor 'delais.html#absent': no heading #absent on docs/delais.md (use the anchor of a "
    "heading of that page (the ¶ sign beside the heading shows it))",
    "docs/index.md:10: error: broken link 'manquant.html': site/manquant.html does not exist (fix the path or add the "
    "missing file)",
    "docs/index.md:10: error: links to an unpublished page: docs/brouillon.md exists but site/brouillon.html was not "
    "built (publish the page (not a draft, not excluded) or remove the link)",
    "docs/seul.md: error: no en version of this page (create docs/seul.en.md)",
    "docs/seul.md:1: warning: review_by: no review date (write review_by: YYYY-MM-DD in the front matter, e.g. "
    "review_by: 2027-05-31)",
    # The corpus' site was not built by sitekit: the generated families its data calls for are missing.
    f"site/actualites/feed.xml: error: news feeds not built: 2 of 2 files missing {FIX_BUILD}",
    f"site/appels/bientot.ics: error: call exports not built: 8 of 8 files missing {FIX_BUILD}",
    f"site/appels/fiches/bientot.html: error: call pages not built: 4 of 4 files missing {FIX_BUILD}",
    # (the 2026 campaign is a draft: its pages and calendars are not expected in a published site)
    f"site/certification/autoevaluation.csv: error: self-assessment grids not built: 2 of 2 files missing {FIX_BUILD}",
    f"site/en/search/search_index.json: error: search indexes not built: 2 of 2 files missing {FIX_BUILD}",
    "site/index.html:11: error: broken anchor '#haut': no id 'haut' on this page (use the id of a heading on that "
    "page (see its permalink ¶))",
    "site/index.html:13: error: download 'assets/kit.zip': SHA-256 of site/assets/kit.zip is "
    "0c4b522671e53ed5b25afd38b5797e5780d05913b16d3cd1ed44473a172306e4, the page says "
    "0000000000000000000000000000000000000000000000000000000000000000 (rebuild the site so that the archive and its "
    "published checksum match)",
    "site/index.html:14: error: broken link 'images/absent.png': site/images/absent.png does not exist (fix the path "
    "or add the missing file)",
    "site/index.html:15: error: link '../hors-du-site.html' points outside the site (link to a page of the site with "
    "a relative path)",
    "site/kits/kits.json:3: error: kits[1]: archive 'assets/kit.zip': SHA-256 is "
    "0c4b522671e53ed5b25afd38b5797e5780d05913b16d3cd1ed44473a172306e4, kits.json says "
    "1111111111111111111111111111111111111111111111111111111111111111 (rebuild the site)",
    "site/kits/kits.json:4: error: kits[2]: archive 'assets/ok.zip': size is 13 bytes, kits.json says 99 "
    "(rebuild the site)",
    "site/kits/kits.json:5: error: kits[3]: archive 'assets/gone.zip' does not exist in the site (rebuild the "
    "site; check the kit's archive name)",
    # Then what the calendar's maintainers fix: calls, campaigns and criteria the date makes stale.
    "data/calls.yml:11: warning: calls[0].closes: call 'bientot' closes in 5 days (2025-10-25) (check the closing "
    "day against the source; after it the calendar shows the call as closed)",
    "data/calls.yml:27: error: calls[1].override: call 'reporte-passe' is marked reporte (postponed) but its closing "
    "day 2025-07-31 is before the build date 2025-10-20 (write the new dates in opens and closes (or unknown until "
    "they are announced), or remove the override if the call ran as published)",
    "data/calls.yml:35: warning: calls[1].last_checked: call 'reporte-passe' was last checked against its sources on "
    "2025-05-01, 172 days ago (more than 90; an error after 180) (the calendar may be wrong: check the sources, "
    "then update the entry and set last_checked to that day)",
    "data/campaigns: warning: no campaign file for October 2025 (data/campaigns/2025.yml) (create it with make "
    "campaign YEAR=2025 (a draft, dates unknown until a source gives them))",
    "data/campaigns/2026.yml:4: info: status: the 2026 campaign is a draft (brouillon): it is not published (see it "
    "with make preview DATE=2026-10-01; publish it with status: publie once a source gives its dates)",
]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = validate.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def first_problem(out: str) -> str:
    """The first problem of the text output (after what was checked and the first section's heading)."""
    return next(line for line in out.splitlines() if line.startswith(("data/", "docs/", "site/")))


@pytest.fixture
def corpus(monkeypatch):
    monkeypatch.chdir(CORPUS)
    monkeypatch.delenv("SITEKIT_TODAY", raising=False)
    return CORPUS


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the corpus to break further."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path / "corpus")
    return tmp_path / "corpus"


def test_every_problem_of_the_corpus_with_its_line(corpus, capsys):
    code, out, err = run(capsys, "--root", ".", "--site", "site", "--today", "2025-10-20")
    assert code == 1 and err == ""
    problems = [line for line in out.splitlines() if line.startswith(("data/", "docs/", "site/"))]
    assert problems == EXPECTED
    assert out.endswith("\n\n23 errors, 5 warnings, 1 note in 16 files\n")


def test_text_output_says_what_was_checked_then_groups_by_audience_then_by_file(corpus, capsys):
    _, out, _ = run(capsys, "--root", ".", "--site", "site", "--today", "2025-10-20")
    blocks = out.strip().split("\n\n")
    assert blocks[0] == (
        "Checked on 20 October 2025:\n"
        "- pages: 2 in French, 2 in English (site/)\n"
        "- posts: 0 published, none scheduled\n"
        "- kits: 0\n"
        "- funding calls: 1 open, 0 upcoming"
    )
    assert [block.split(":")[0] for block in blocks[1:-1]] == [
        "## To fix in pages, posts, kits and campaigns",
        "data/strings.yml",
        "docs/delais.en.md",
        "docs/delais.md",
        "docs/index.en.md",
        "docs/index.md",
        "docs/seul.md",
        "site/actualites/feed.xml",
        "site/appels/bientot.ics",
        "site/appels/fiches/bientot.html",
        "site/certification/autoevaluation.csv",
        "site/en/search/search_index.json",
        "site/index.html",
        "site/kits/kits.json",
        "## Calendar of calls, campaigns and criteria",
        "data/calls.yml",
        "data/campaigns",
        "data/campaigns/2026.yml",
    ]
    files = [block for block in blocks[1:-1] if not block.startswith("## ")]
    assert all(len({line.split(":")[0] for line in block.splitlines()}) == 1 for block in files)


def test_without_site_no_link_check(corpus, capsys):
    code, out, _ = run(capsys, "--root", ".", "--today", "2025-10-20")
    assert code == 1
    assert "site/" not in out and "broken" not in out
    assert out.endswith("7 errors, 5 warnings, 1 note in 7 files\n")


def test_warn_days_and_grace_days(corpus, capsys):
    _, out, _ = run(capsys, "--root", ".", "--today", "2025-10-20", "--warn-days", "4", "--grace-days", "90")
    assert "closes in 5 days" not in out
    assert (
        "docs/delais.en.md:3: warning: review_by: review date 2025-08-01 has passed (error after 2025-10-31) "
        f"{FIX_REVIEW}"
    ) in out.splitlines()


def test_today_from_care_today(corpus, capsys, monkeypatch):
    monkeypatch.setenv("SITEKIT_TODAY", "2025-10-24")
    _, out, _ = run(capsys, "--root", ".")
    assert "call 'bientot' closes tomorrow (2025-10-25)" in out


def test_json_output_matches_its_schema(corpus, capsys):
    code, out, _ = run(capsys, "--root", ".", "--site", "site", "--today", "2025-10-20", "--format", "json")
    assert code == 1
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["summary"] == {"errors": 23, "warnings": 5, "notes": 1, "files": 16}
    assert data["checks"] == [
        "built-with",
        "data",
        "deadlines",
        "call-freshness",
        "prose-dates",
        "freshness",
        "translations",
        "links",
        "generated",
        "scheduled",
        "kit-freshness",
        "kit-versions",
        "criteria-freshness",
        "campaign-freshness",
        "drafts",
        "editorial",
        "publish",
    ]
    assert data["problems"][5] == {
        "check": "data",
        "audience": "authors",
        "level": "error",
        "path": "data/strings.yml",
        "line": 4,
        "field": "footer.sitemap.en",
        "message": "missing or empty text",
        "fix": "add the en text",
    }
    assert {p["path"] for p in data["problems"] if p["audience"] == "calendar"} == {
        "data/calls.yml",
        "data/campaigns",
        "data/campaigns/2026.yml",
    }
    assert data["overview"] == {
        "pages": {"fr": 2, "en": 2},
        "pages_from": "site",
        "posts": {"published": 0, "scheduled": []},
        "kits": 0,
        "calls": {"open": 1, "upcoming": 0, "to_confirm": 0},
    }


def test_json_schema_refuses_a_wrong_document():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(
            {
                "version": 1,
                "today": "2025-10-20",
                "checks": [],
                "problems": [],
                "summary": {"errors": -1, "warnings": 0, "files": 0},
            },
            SCHEMA,
        )


def test_github_annotations(corpus, capsys):
    code, out, _ = run(capsys, "--root", ".", "--site", "site", "--today", "2025-10-20", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[4].startswith("::notice file=data/campaigns/2026.yml,line=4,title=campaign-freshness%3A status::")
    assert lines[5] == (
        "::error file=data/strings.yml,line=4,title=data%3A footer.sitemap.en::missing or empty text (add the en text)"
    )
    assert lines[0].startswith("::warning file=data/calls.yml,line=11,title=deadlines%3A calls[0].closes::")
    assert lines[2].startswith(
        "::warning file=data/calls.yml,line=35,title=call-freshness%3A calls[1].last_checked::call 'reporte-passe'"
    )
    assert "::error file=docs/seul.md,title=translations::no en version of this page" in out
    assert lines[-1] == "23 errors, 5 warnings, 1 note in 16 files"


def test_clean_input_exits_0(project, capsys):
    for name in ("seul.md", "delais.md", "delais.en.md"):
        (project / "docs" / name).unlink()
    (project / "data" / "strings.yml").write_text("a:\n  fr: A\n  en: B\n", encoding="utf-8")
    calls = (project / "data" / "calls.yml").read_text(encoding="utf-8")
    calls = calls.replace("status: reporte", "status: annule").replace(
        "last_checked: 2025-05-01", "last_checked: 2025-10-01"
    )
    (project / "data" / "calls.yml").write_text(calls, encoding="utf-8")
    campaign = (project / "data" / "campaigns" / "2026.yml").read_text(encoding="utf-8")
    (project / "data" / "campaigns" / "2025.yml").write_text(campaign.replace("2026", "2025"), encoding="utf-8")
    code, out, _ = run(capsys, "--root", ".", "--today", "2025-10-20")
    assert code == 0
    # Drafts are told, as notes, never blocking: the 2025 copy and the 2026 file are both drafts.
    assert out.count(": info: status: the 20") == 2
    assert (
        ": warning: calls[0].closes: call 'bientot' closes in 5 days (2025-10-25) (check the "
        "closing day against the source; after it the calendar shows the call as closed)\n"
    ) in out
    assert out.endswith("\n\n0 errors, 1 warning, 2 notes in 3 files\n")


def test_loader_error_closes_before_opens_is_reported(project, capsys):
    calls = project / "data" / "calls.yml"
    calls.write_text(
        calls.read_text(encoding="utf-8").replace("closes: 2025-10-25", "closes: 2025-08-25"), encoding="utf-8"
    )
    code, out, err = run(capsys, "--root", ".", "--today", "2025-10-20")
    assert code == 1 and "Traceback" not in out + err
    assert (
        "data/calls.yml:11: error: calls[0].closes: closing day 2025-08-25 is before opening day 2025-09-01 "
        "(check both dates against the source)"
    ) in out.splitlines()
    assert "reporte" not in out  # the deadline checks need loaded calls: no half-checked data


def test_yaml_syntax_error_is_a_problem_not_a_traceback(project, capsys):
    (project / "data" / "calls.yml").write_text("calls:\n  - id: [unclosed\n", encoding="utf-8")
    code, out, err = run(capsys, "--root", ".", "--today", "2025-10-20")
    assert code == 1 and err == ""
    assert first_problem(out).startswith("data/calls.yml:2: error: « [ » opened on this line is not closed on it ")


def test_missing_data_file_is_a_problem(project, capsys):
    (project / "data" / "strings.yml").unlink()
    code, out, _ = run(capsys, "--root", ".", "--today", "2025-10-20")
    assert code == 1
    assert first_problem(out).startswith("data/strings.yml: error: ")
    assert "\ndata/calls.yml:11: warning: " in out  # the other files are still checked


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["--today", "2025-13-01"],
            "validate.py: error: --today: '2025-13-01' is not a date (write YYYY-MM-DD, e.g. 2025-10-31)\n",
        ),
        (["--site", "nowhere"], "validate.py: error: --site: nowhere is not a folder\n"),
        (
            ["--warn-days", "soon"],
            "validate.py: error: argument --warn-days: 'soon' is not a whole number of days (e.g. 14)\n",
        ),
        (
            ["--format", "xml"],
            "validate.py: error: argument --format: invalid choice: 'xml' (choose from 'text', 'json', 'github')\n",
        ),
    ],
)
def test_usage_errors_exit_2(corpus, capsys, args, message):
    code, out, err = run(capsys, "--root", ".", *args)
    assert code == 2 and out == ""
    assert err.endswith(message)


def test_a_page_not_in_utf8_is_an_error_naming_file_line_and_fix(project, capsys):
    (project / "docs" / "latin1.md").write_bytes("Échéance\n".encode("latin-1"))
    code, out, err = run(capsys, "--root", ".", "--today", "2025-10-20")
    assert code == 1 and err == ""
    assert "docs/latin1.md:1: error: not UTF-8 text (byte 0xC9) (save the file as UTF-8)" in out.splitlines()


def test_an_anchor_copied_from_the_other_language_names_the_page_that_lacks_it_and_its_heading(project, capsys):
    """A French section link pasted into the English page: the English page lacks the anchor; the fix offers the
    English page's heading at the same place as the French one."""
    english = project / "site" / "en" / "delais.html"
    english.write_text(
        english.read_text(encoding="utf-8").replace("</h1>", '</h1><h2 id="filing">Filing ¶</h2>'), encoding="utf-8"
    )
    page = project / "site" / "en" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="delais.html"', 'href="delais.html#depot"'))
    source = project / "docs" / "index.en.md"
    source.write_text(source.read_text(encoding="utf-8").replace("(delais.md)", "(delais.md#depot)"))
    _, out, _ = run(capsys, "--root", ".", "--site", "site", "--today", "2025-10-20")
    assert (
        "docs/index.en.md:8: error: anchor 'delais.html#depot': no heading #depot on docs/delais.en.md (#depot is a "
        "heading of docs/delais.md, the page in another language) (write #filing instead: the anchor of its heading "
        "« Filing »)"
    ) in out.splitlines()
