"""scripts/compare_builds.py (sitekit.checks.compare) on small built sites in tmp_path: files in one build only, bytes
that differ (with a short diff for text), the generator's name normalised, generated families, exit codes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitekit.checks.compare import compare_sites, main, normalised, report
from sitekit.checks.families import Family, site_families
from sitekit.project import load_project

TODAY = date(2025, 10, 20)
PAGE = """<!doctype html>
<html lang="fr">
<head>
<meta name="generator" content="{generator}">
<title>Accueil</title>
</head>
<body>
{body}
</body>
</html>
"""


def page(body: str = "<p>Bonjour</p>", generator: str = "mkdocs-1.6.1, mkdocs-material-9.8.1") -> str:
    return PAGE.format(generator=generator, body=body)


def write(site: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = site / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return site


@pytest.fixture
def builds(tmp_path) -> tuple[Path, Path]:
    """Two identical small builds: a page, a stylesheet, a picture."""
    files: dict[str, str | bytes] = {"index.html": page(), "assets/site.css": "body{}\n", "logo.png": b"\x89PNG1"}
    return write(tmp_path / "site", files), write(tmp_path / "site-properdocs", files)


def test_identical_builds_match(builds):
    first, second = builds
    comparison = compare_sites(first, second, [], "site", "site-properdocs")
    assert comparison.same and comparison.files == 3 and comparison.differences == ()


def test_the_generator_name_in_the_head_is_not_a_difference(builds):
    first, second = builds
    write(second, {"index.html": page(generator="mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1")})
    assert compare_sites(first, second).same
    assert normalised("index.html", b'<meta name="generator" content="x">') == b'<meta name="generator" content="">'
    assert normalised("notes.txt", b'<meta name="generator" content="x">') == b'<meta name="generator" content="x">'


def test_a_file_in_one_build_only_is_named_in_both_directions(builds):
    first, second = builds
    write(first, {"partials/old.txt": "x"})
    write(second, {"en/index.html": page()})
    problems = [str(d.problem) for d in compare_sites(first, second, [], "site", "site-properdocs").differences]
    assert problems == [
        "site-properdocs/en/index.html: only in this build: site/en/index.html does not exist",
        "site/partials/old.txt: only in this build: site-properdocs/partials/old.txt does not exist",
    ]


def test_a_text_difference_is_told_at_its_line_with_a_short_unified_diff(builds):
    first, second = builds
    write(second, {"index.html": page("<p>Bonsoir</p>")})
    (difference,) = compare_sites(first, second, [], "site", "site-properdocs").differences
    assert str(difference.problem) == "site-properdocs/index.html:8: differs from site/index.html"
    assert difference.diff == (
        "--- site/index.html",
        "+++ site-properdocs/index.html",
        "@@ -7,3 +7,3 @@",
        " <body>",
        "-<p>Bonjour</p>",
        "+<p>Bonsoir</p>",
        " </body>",
    )


def test_a_long_diff_is_cut_to_the_lines_asked_for(builds):
    first, second = builds
    write(first, {"assets/site.css": "".join(f"a{i}{{}}\n" for i in range(30))})
    write(second, {"assets/site.css": "".join(f"b{i}{{}}\n" for i in range(30))})
    comparison = compare_sites(first, second, lines=4)
    (difference,) = comparison.differences
    assert len(difference.diff) == 4 and difference.cut == 59
    assert report(comparison, "site", "site-properdocs", "fr")[1:6] == [
        *(f"    {line}" for line in difference.diff),
        "    … (59 lignes de plus)",
    ]


def test_a_binary_difference_gives_both_sizes(builds):
    first, second = builds
    write(second, {"logo.png": b"\x89PNG22"})
    (difference,) = compare_sites(first, second, [], "site", "site-properdocs").differences
    assert str(difference.problem) == "site-properdocs/logo.png: differs from site/logo.png (6 bytes here, 5 there)"
    assert difference.diff == ()


def test_a_family_that_one_build_lacks_is_a_difference_at_its_first_missing_file(builds):
    first, second = builds
    write(first, {"appels/fiches/a.html": page(), "appels/fiches/b.html": page()})
    write(second, {"appels/fiches/b.html": page()})
    families = [Family("call pages", ("appels/fiches/a.html", "appels/fiches/b.html")), Family("kit pages", ())]
    comparison = compare_sites(first, second, families, "site", "site-properdocs")
    assert [str(d.problem) for d in comparison.differences] == [
        "site/appels/fiches/a.html: only in this build: site-properdocs/appels/fiches/a.html does not exist",
        "site-properdocs/appels/fiches/a.html: call pages incomplete in this build: 1 of 2 files",
    ]
    (count,) = comparison.families  # a family with nothing to build is not counted
    assert (count.name, count.expected, count.first, count.second) == ("call pages", 2, 2, 1)


def test_a_family_both_builds_lack_is_a_difference_in_each(builds):
    first, second = builds
    comparison = compare_sites(first, second, [Family("news feeds", ("actualites/feed.xml",))], "A", "B")
    assert [str(d.problem) for d in comparison.differences] == [
        "A/actualites/feed.xml: news feeds incomplete in this build: 0 of 1 files",
        "B/actualites/feed.xml: news feeds incomplete in this build: 0 of 1 files",
    ]


@pytest.fixture
def sites(tmp_path, monkeypatch) -> tuple[str, str]:
    """Two identical builds of an empty project (tmp_path) holding what every sitekit site has: feeds, search
    indexes, kits.json, the self-assessment grids, calls.ics and calls.json; run from tmp_path."""
    monkeypatch.chdir(tmp_path)
    files: dict[str, str | bytes] = {
        path: "{}" for f in site_families(load_project(tmp_path), TODAY) for path in f.files
    }
    assert files  # (those families do not depend on the data)
    files["index.html"] = page()
    write(tmp_path / "site", files)
    write(tmp_path / "site-properdocs", files)
    return "site", "site-properdocs"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_matching_builds_exit_0_with_each_family_counted_in_french(sites, capsys):
    code, out, err = run(capsys, *sites, "--today", "2025-10-20", "--lang", "fr")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert "Flux d’actualité (feed.xml)\u00a0: 2 fichiers sur 2 dans site, 2 dans site-properdocs" in lines
    assert lines[-1] == "les deux constructions sont identiques\u00a0: 12\u00a0fichiers, 5 familles générées"


def test_differing_builds_exit_1(sites, capsys, tmp_path):
    (tmp_path / "site-properdocs" / "actualites" / "feed.xml").unlink()
    code, out, _ = run(capsys, *sites, "--today", "2025-10-20", "--lang", "en")
    assert code == 1
    assert "site-properdocs/actualites/feed.xml: news feeds incomplete in this build: 1 of 2 files" in out
    assert out.splitlines()[-1] == "the builds differ: 2 differences (11 files in both)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["site", "nowhere"], "compare_builds.py\u00a0: OTHER\u00a0: nowhere n’est pas un dossier\n"),
        (
            ["site", "site", "--root", "nowhere"],
            "compare_builds.py\u00a0: --root\u00a0: nowhere n’est pas un dossier\n",
        ),
        (
            ["site", "site", "--lines", "-1"],
            "compare_builds.py\u00a0: --lines\u00a0: -1 n’est pas un nombre de lignes (0 ou plus)\n",
        ),
        (
            ["site", "site", "--today", "2025-13-01"],
            "compare_builds.py: --today\u00a0: '2025-13-01' n’est pas une date (écrivez AAAA-MM-JJ, par exemple "
            "2025-10-31)\n",
        ),
    ],
)
def test_bad_arguments_exit_2_with_a_french_message(sites, capsys, args, message):
    code, out, err = run(capsys, *args, "--lang", "fr")
    assert (code, out, err) == (2, "", message)


def test_a_missing_argument_exits_2(capsys):
    code, _, err = run(capsys, "site")
    assert code == 2 and "the following arguments are required: OTHER" in err
