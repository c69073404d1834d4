"""The validator checks a built site against the profile that built it (site/sitekit-build.json): the site's own
when none is given; one given that differs is ONE error naming both files and the command, and nothing else runs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.checks import cli as validate
from sitekit.checks.validation import Context
from sitekit.core.problems import Level
from sitekit.profile.stamp import read_stamp, stamp
from sitekit.site.paths import BUILD_STAMP

HOSPITAL = "examples/profiles/hopital.yml"
DEMO = "data/profile.yml"


@pytest.fixture(autouse=True)
def no_profile_in_the_environment(monkeypatch):
    for name in ("SITEKIT_PROFILE", "SITE_PROFILE", "SITEKIT_DRAFTS"):
        monkeypatch.delenv(name, raising=False)


def built_site(tmp_path: Path, profile: str, drafts: bool = False, content: bytes | None = None) -> Path:
    """A site folder holding only the stamp a build from `profile` writes (`content`: the profile's bytes then)."""
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    source = tmp_path / "as-built.yml"
    source.write_bytes(content if content is not None else (ROOT / profile).read_bytes())
    (site / BUILD_STAMP).write_bytes(stamp(profile, source, drafts))
    return site


def test_the_stamp_says_which_profile_built_the_site_and_nothing_private(tmp_path):
    site = built_site(tmp_path, HOSPITAL)
    built = read_stamp(site)
    assert built is not None and (built.profile, built.drafts) == (HOSPITAL, False)
    (site / BUILD_STAMP).write_bytes(stamp(str(ROOT / HOSPITAL), ROOT / HOSPITAL, True))
    assert read_stamp(site).profile == "hopital.yml"  # an absolute path would tell the builder's folders
    (site / BUILD_STAMP).write_text("{", encoding="utf-8")
    assert read_stamp(site) is None


def test_with_no_profile_given_the_site_s_own_is_used(tmp_path):
    site = built_site(tmp_path, HOSPITAL)
    ctx = Context(root=ROOT, today=date(2025, 10, 20), site_dir=site)
    assert ctx.project.profile.path == HOSPITAL
    assert [p for p in ctx.project.problems if p.path == HOSPITAL] == []


def run(capsys, *args: str) -> tuple[int, list[str]]:
    code = validate.main(["--root", str(ROOT), "--today", "2025-10-20", "--lang", "en", *args])
    return code, capsys.readouterr().out.strip().splitlines()


def test_another_profile_given_is_one_error_naming_both_and_the_command(tmp_path, capsys, monkeypatch):
    site = built_site(tmp_path, DEMO)
    code, out = run(capsys, "--site", str(site), "--profile", HOSPITAL)
    assert code == 1
    assert out == [
        f"{site}/{BUILD_STAMP}: error: profile: {site}/ was built from {DEMO}, not from {HOSPITAL} (given by "
        f"--profile) (build the site from {HOSPITAL} (SITEKIT_PROFILE={HOSPITAL} make build), or leave out --profile "
        f"to check the site against {DEMO})",
        "",
        "1 error, 0 warnings in 1 file",
    ]
    monkeypatch.setenv("SITEKIT_PROFILE", HOSPITAL)  # the variable forgotten at build time, given now
    code, out = run(capsys, "--site", str(site))
    assert code == 1 and len(out) == 3 and "(given by $SITEKIT_PROFILE)" in out[0]


def test_a_profile_changed_since_the_build_says_build_again(tmp_path, capsys):
    site = built_site(tmp_path, DEMO, content=b"an earlier version\n")
    code, out = run(capsys, "--site", str(site))
    assert code == 1
    assert out[0] == (
        f"{site}/{BUILD_STAMP}: error: profile: {site}/ was built from an earlier version of {DEMO}: the file changed "
        "since (build the site again (make build), then run the validator again)"
    )
    assert len(out) == 3


def test_a_site_built_with_drafts_cannot_be_published(tmp_path):
    from sitekit.checks.built_with import built_with_problems
    from sitekit.profile.model import load_profile

    site = built_site(tmp_path, DEMO, drafts=True)
    profile = load_profile(ROOT / DEMO, DEMO, ROOT)
    [problem] = built_with_problems(read_stamp(site), profile, "", ROOT, "site", publish=True)
    assert (problem.field, problem.level) == ("drafts", Level.ERROR)
    [problem] = built_with_problems(read_stamp(site), profile, "", ROOT, "site", publish=False)
    assert problem.level is Level.WARNING
