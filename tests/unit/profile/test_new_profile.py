"""make profile NAME=…: the establishment's profile and logo from an example, named in mkdocs.yml; kept when it
exists; a bad name or example refused with what to write."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from sitekit.core.plugin_options import configured_profile
from sitekit.profile.model import load_profile
from sitekit.profile.new import main


def project(tmp_path: Path) -> Path:
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "examples" / "profiles", tmp_path / "examples" / "profiles")
    return tmp_path


def test_the_profile_is_written_from_the_example_and_named_in_mkdocs_yml(tmp_path, capsys):
    root = project(tmp_path)
    assert not (root / "profiles").exists()
    assert main(["ch-valmont", "--lang", "en"], root) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        "profiles/ch-valmont.yml written from examples/profiles/hopital.yml, with its logo profiles/ch-valmont.svg",
        "mkdocs.yml: the site is now built from profiles/ch-valmont.yml (plugins: - sitekit: profile:)",
    ]
    assert configured_profile(root) == "profiles/ch-valmont.yml"
    example = (ROOT / "examples" / "profiles" / "hopital.svg").read_bytes()
    assert (root / "profiles" / "ch-valmont.svg").read_bytes() == example
    profile = load_profile(root / "profiles" / "ch-valmont.yml", "profiles/ch-valmont.yml", root)
    assert profile.data.establishment.logo == "profiles/ch-valmont.svg"
    example_profile = load_profile(ROOT / "examples" / "profiles" / "hopital.yml", "x", ROOT)
    assert (profile.data.site, profile.data.contacts) == (example_profile.data.site, example_profile.data.contacts)
    # Every other line of mkdocs.yml as it was.
    before = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("profile: data/profile.yml", "")
    assert (root / "mkdocs.yml").read_text(encoding="utf-8").replace("profile: profiles/ch-valmont.yml", "") == before


def test_an_existing_profile_is_kept_and_named(tmp_path, capsys):
    root = project(tmp_path)
    (root / "profiles").mkdir()
    (root / "profiles" / "mine.yml").write_text("kept", encoding="utf-8")
    assert main(["mine", "--lang", "en"], root) == 1  # named, but it does not load: its problems follow
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == "profiles/mine.yml already exists: it is kept as it is"
    assert "profiles/mine.yml" in captured.err
    assert (root / "profiles" / "mine.yml").read_text(encoding="utf-8") == "kept"
    assert configured_profile(root) == "profiles/mine.yml"


def test_the_medico_social_example_and_bad_names(tmp_path, capsys):
    root = project(tmp_path)
    assert main(["ehpad", "--from", "medico-social", "--lang", "en"], root) == 0
    assert "kind: medico-social" in (root / "profiles" / "ehpad.yml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["Mon CH", "--lang", "en"], root) == 2
    assert capsys.readouterr().err == (
        "'Mon CH' is not a profile name (lower-case letters, digits and hyphens, e.g. ch-valmont)\n"
    )
    assert main(["x", "--from", "clinique", "--lang", "fr"], root) == 2
    assert (
        capsys.readouterr().err
        == "aucun profil d’exemple 'clinique' (choisissez parmi\u00a0: hopital, medico-social)\n"
    )
