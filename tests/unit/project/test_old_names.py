"""The names files, folders and keys had before this release (sitekit.core.renames): a project that still has them
loads and validates the same, each old name told once, in one line, with its new name; problems name the file as
it is on disk; an old name beside its new one is not read, and that is told too."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit import project as loader
from sitekit.campaigns.new import main as new_campaign
from sitekit.checks import cli as validate
from sitekit.core import renames
from sitekit.core.problems import ProblemsError
from sitekit.criteria.model import load_criteria
from sitekit.profile.model import profile_location
from sitekit.project import load_project

NBSP = "\u00a0"
# Old name -> new name, in the order a project is given its old names back (a file inside a folder first).
FILES = (
    ("kits/_pictograms/pictogrammes.yml", "kits/_pictograms/pictograms.yml"),
    ("kits/_pictogrammes", "kits/_pictograms"),
    ("data/profil.yml", "data/profile.yml"),
    ("data/campagnes", "data/campaigns"),
    ("data/vocabulaire.yml", "data/vocabulary.yml"),
)
# What a project with the old names is told (the pictograms' index is named in its old folder).
TOLD = {
    ("kits/_pictogrammes", "kits/_pictograms"),
    ("kits/_pictogrammes/pictogrammes.yml", "kits/_pictogrammes/pictograms.yml"),
    ("data/profil.yml", "data/profile.yml"),
    ("data/campagnes", "data/campaigns"),
    ("data/vocabulaire.yml", "data/vocabulary.yml"),
    ("referentiels:", "frameworks:"),
    ("referentiel:", "framework:"),
    ("{referentiel}", "{framework}"),
    *((f"criteria.{part}.referentiel", f"criteria.{part}.framework") for part in ("filter", "col", "field", "csv")),
}
KEYS = (("frameworks:\n", "referentiels:\n"), ("\n    framework: ", "\n    referentiel: "))


def told_line(old: str, new: str) -> str:
    return f"Avis{NBSP}: «{NBSP}{old}{NBSP}» s’appelle désormais «{NBSP}{new}{NBSP}»"


def use_old_names(project: Path) -> None:
    """The project copy as a project written before this release has it: files, folders, keys and strings."""
    for old, new in FILES:
        (project / new).rename(project / old)
    replace_in(project / "data" / "criteria.yml", KEYS)
    replace_in(
        project / "data" / "strings.yml",
        [("{framework}", "{referentiel}")]
        + [(f"criteria.{p}.framework:", f"criteria.{p}.referentiel:") for p in ("filter", "col", "field", "csv")],
    )


def replace_in(file: Path, pairs) -> None:
    text = file.read_text(encoding="utf-8")
    for new, old in pairs:
        assert new in text, new
        text = text.replace(new, old)
    file.write_text(text, encoding="utf-8")


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    """Every old name told again; French messages, the project's own profile."""
    monkeypatch.delenv("SITEKIT_LANG", raising=False)
    monkeypatch.delenv("SITE_PROFILE", raising=False)
    renames.forget()
    yield
    renames.forget()


def test_a_project_with_the_old_names_loads_the_same_told_once_per_name(project, capsys):
    new = load_project(project)
    assert renames.told() == set() and capsys.readouterr().err == ""
    use_old_names(project)
    loader._cache.clear()
    old = load_project(project)
    assert renames.told() == TOLD and renames.told_ignored() == set()
    err = capsys.readouterr().err
    for old_name, new_name in TOLD:
        assert err.count(told_line(old_name, new_name)) == 1, (old_name, err)
    assert len(err.splitlines()) == len(TOLD)

    assert (old.problems, old.failed) == (new.problems, new.failed) == ((), frozenset())
    assert old.profile is not None and new.profile is not None and old.profile.data == new.profile.data
    assert old.profile.path == "data/profil.yml"
    assert [c.model_dump() for c in old.campaigns] == [c.model_dump() for c in new.campaigns]
    assert {c.display_path for c in old.campaigns} == {f"data/campagnes/{c.year}.yml" for c in new.campaigns}
    assert old.vocabulary == new.vocabulary and old.vocabulary.entries
    assert (old.criteria.frameworks, old.criteria.criteria) == (new.criteria.frameworks, new.criteria.criteria)
    assert old.strings == new.strings
    assert old.pictograms.shown == "kits/_pictogrammes/pictogrammes.yml"
    assert {t: (p.alt, p.file.name) for t, p in old.pictograms.by_theme.items()} == {
        t: (p.alt, p.file.name) for t, p in new.pictograms.by_theme.items()
    }

    loader._cache.clear()
    load_project(project)
    assert capsys.readouterr().err == ""  # told once per process


def test_the_validator_says_the_same_of_a_project_with_the_old_names(project, capsys):
    args = ["--root", str(project), "--today", "2025-10-20", "--lang", "en", "--publish"]
    code = validate.main(args)
    new = capsys.readouterr()
    use_old_names(project)
    loader._cache.clear()
    assert validate.main(args) == code == 1
    old = capsys.readouterr()
    shown = old.out
    for old_name, new_name in [*FILES[2:], *FILES[:2]]:
        shown = shown.replace(old_name, new_name)
    assert "data/profil.yml:" in old.out and shown == new.out
    assert told_line("data/campagnes", "data/campaigns") in old.err  # in the language of $SITEKIT_LANG


def test_a_problem_in_an_old_named_file_names_the_file_as_it_is_on_disk(project):
    use_old_names(project)
    replace_in(project / "data" / "profil.yml", [('colour: "#000091"', "colour: rouge")])
    replace_in(project / "data" / "campagnes" / "2025.yml", [("channel: affichage", "channel: affiche")])
    replace_in(project / "data" / "criteria.yml", [("\n    referentiel: evaluation-essms", "\n    referentiel: essms")])
    shown = [str(p) for p in load_project(project).problems]
    assert any(s.startswith("data/profil.yml:55: establishment.colour: 'rouge' is not a colour") for s in shown)
    assert any(s.startswith("data/campagnes/2025.yml:") and ".channel: 'affiche' is not " in s for s in shown)
    assert any(
        s.startswith("data/criteria.yml:") and ".referentiel: unknown référentiel 'essms' (known: " in s for s in shown
    ), shown


def test_an_old_name_beside_its_new_one_is_not_read_and_is_told(project, capsys):
    shutil.copy(project / "data" / "profile.yml", project / "data" / "profil.yml")
    replace_in(project / "data" / "profil.yml", [("name: à compléter", "name: Ancien profil")])
    (project / "data" / "campagnes").mkdir()
    shutil.copy(project / "data" / "campaigns" / "2025.yml", project / "data" / "campagnes" / "2031.yml")
    found = load_project(project)
    assert found.profile is not None and found.profile.path == "data/profile.yml"
    assert found.profile.data.establishment.name == "à compléter"
    assert 2031 not in {c.year for c in found.campaigns} and found.problems == ()
    assert renames.told() == set()
    assert renames.told_ignored() == {("data/profil.yml", "data/profile.yml"), ("data/campagnes", "data/campaigns")}
    err = capsys.readouterr().err
    assert (
        f"Avis{NBSP}: «{NBSP}data/profil.yml{NBSP}» n’est pas lu, puisque «{NBSP}data/profile.yml{NBSP}» existe" in err
    )


def test_an_old_key_is_read_as_its_new_name_and_not_read_beside_it(tmp_path, capsys):
    valid = (ROOT / "tests" / "fixtures" / "criteria" / "valid.yml").read_text(encoding="utf-8")
    file = tmp_path / "criteria.yml"
    file.write_text(valid, encoding="utf-8")
    new = load_criteria(file, "data/criteria.yml", None, None)
    replace_in(file, KEYS)
    old = load_criteria(file, "data/criteria.yml", None, None)
    assert (old.frameworks, old.criteria) == (new.frameworks, new.criteria)
    assert old.line("frameworks", 0, "id") == new.line("frameworks", 0, "id") > 1
    assert renames.told() == {("referentiels:", "frameworks:"), ("referentiel:", "framework:")}

    file.write_text(file.read_text(encoding="utf-8").replace("https://example.org/es", "example.org/es", 1), "utf-8")
    with pytest.raises(ProblemsError) as exc:
        load_criteria(file, "data/criteria.yml", None, None)
    assert [p.field for p in exc.value.problems] == ["referentiels[0].sources[0]"]  # as the file names it

    both = valid.replace(
        "\n    framework: evaluation-essms", "\n    framework: evaluation-essms\n    referentiel: x", 1
    )
    file.write_text(both, encoding="utf-8")
    capsys.readouterr()
    assert load_criteria(file, "data/criteria.yml", None, None).criteria == new.criteria
    assert renames.told_ignored() == {("referentiel:", "framework:")}
    assert "«\u00a0referentiel:\u00a0» n’est pas lu" in capsys.readouterr().err


def test_make_campaign_in_a_project_with_the_old_names_writes_beside_the_others(tmp_path, capsys):
    (tmp_path / "data" / "campagnes").mkdir(parents=True)
    (tmp_path / "modeles").mkdir()
    shutil.copy(ROOT / "templates" / "campaign.yml", tmp_path / "modeles" / "campagne.yml")
    (tmp_path / "kits" / "cybermois").mkdir(parents=True)
    (tmp_path / "kits" / "cybermois" / "kit.yml").write_text("id: cybermois\n", encoding="utf-8")
    assert new_campaign(["2028", "--root", str(tmp_path), "--today", "2026-11-29", "--lang", "fr"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("data/campagnes/2028.yml créé")
    assert told_line("data/campagnes", "data/campaigns") in err
    assert told_line("modeles/campagne.yml", "templates/campaign.yml") in err
    written = (tmp_path / "data" / "campagnes" / "2028.yml").read_text(encoding="utf-8")
    assert "by make campaign from modeles/campagne.yml." in written.splitlines()[0]
    assert not (tmp_path / "data" / "campaigns").exists()


def test_make_campagne_annee_tells_the_new_command_then_runs_it():
    dry = subprocess.run(
        ["make", "--no-print-directory", "-n", "campagne", "ANNEE=2028"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert dry[0].startswith("echo ") and told_line("make campagne ANNEE=2028", "make campaign YEAR=2028") in dry[0]
    assert dry[-1] == ".venv/bin/python scripts/new_campaign.py 2028"  # what make campaign YEAR=2028 runs


def test_a_profile_setting_naming_the_old_file_reads_the_new_one(project, monkeypatch):
    monkeypatch.setenv("SITEKIT_PROFILE", "data/profil.yml")  # written before the file was renamed
    monkeypatch.chdir(project)
    assert profile_location(project) == (project / "data" / "profile.yml", "data/profile.yml")
    assert renames.told() == {("data/profil.yml", "data/profile.yml")}
