"""The guide's adoption steps (« Adapter le kit à votre établissement », « Les étapes »), pasted as written into a
clean copy of the project: make profile creates profiles/ and names the profile in mkdocs.yml, make build builds
the site from it with nothing repeated, and the publish check reads the profile from the site and refuses the
example's values, naming the profile's lines."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from conftest import FROZEN_TODAY, ROOT, copy_project, warm_cache
from sitekit.core.plugin_options import configured_profile
from sitekit.profile.stamp import read_stamp

pytestmark = pytest.mark.long

GUIDE = ROOT / "docs" / "guide" / "adapter-le-kit.md"
LONG_RUNNING = ("make serve",)  # a server: the steps' text says what it does, the test does not run it


def pasted_commands(text: str) -> list[str]:
    """The commands of the shell blocks of the section « Les étapes », in order."""
    section = text.split("## Les étapes", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_the_english_guide_gives_the_same_commands():
    english = (ROOT / "docs" / "guide" / "adapter-le-kit.en.md").read_text(encoding="utf-8")
    section = english.split("## The steps", 1)[1] if "## The steps" in english else english
    commands = [
        line.strip()
        for block in re.findall(r"```sh\n(.*?)```", section.split("\n## ", 1)[0], flags=re.DOTALL)
        for line in block.splitlines()
        if line.strip()
    ]
    french = pasted_commands(GUIDE.read_text(encoding="utf-8"))
    assert [c.replace("my-establishment", "mon-etablissement") for c in commands] == french


def test_the_adoption_steps_work_when_pasted(tmp_path, shared_dir):
    commands = pasted_commands(GUIDE.read_text(encoding="utf-8"))
    assert commands == [
        "make profile NAME=mon-etablissement",
        "make build",
        ".venv/bin/python scripts/validate.py --publish --site site",
    ]
    (tmp_path / "ch").mkdir()
    project = copy_project(tmp_path / "ch")
    for part in ("Makefile", "pyproject.toml", "requirements.txt", "templates"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
    (project / ".venv").symlink_to(ROOT / ".venv")  # the set-up make build does, done once for the session
    # The real project's cache, once the hospital example's shared build is in it too: make profile starts from that
    # example, whose values the copy's kits print as they are (the same pages, read from the cache).
    warm_cache(project, ROOT / "examples" / "profiles" / "hopital.yml")
    env = {k: v for k, v in os.environ.items() if k not in ("SITEKIT_PROFILE", "SITE_PROFILE", "SITEKIT_DRAFTS")}
    env |= {"SITEKIT_TODAY": FROZEN_TODAY, "NO_MKDOCS_2_WARNING": "1", "MAKEFLAGS": ""}
    results = []
    for command in commands:
        done = subprocess.run(command, shell=True, cwd=project, env=env, capture_output=True, text=True, check=False)
        results.append((done.returncode, done.stdout + done.stderr))
    (made, made_out), (built, built_out), (checked, checked_out) = results
    assert made == 0, made_out
    assert (project / "profiles" / "mon-etablissement.yml").is_file()
    assert (project / "profiles" / "mon-etablissement.svg").is_file()
    assert configured_profile(project) == "profiles/mon-etablissement.yml"
    assert built == 0, built_out[-3000:]
    stamp = read_stamp(project / "site")
    assert stamp is not None and stamp.profile == "profiles/mon-etablissement.yml"
    assert "Centre hospitalier de Valbrume" in (project / "site" / "index.html").read_text(encoding="utf-8")
    # Refused for the example's values, each at its line of the profile; never for a profile mismatch.
    assert checked == 1, checked_out
    assert re.search(r"^profiles/mon-etablissement\.yml:\d+: error: site\.url: ", checked_out, flags=re.MULTILINE)
    assert "sitekit-build.json" not in checked_out
