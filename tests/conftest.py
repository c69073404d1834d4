"""Shared fixtures: the project root, and the site built once per build date for the whole session."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
# (never --quiet: it hides the warnings that --strict turns into errors)
# A date inside the documented D2 application window (2 Sep - 31 Oct 2025), 11 days before it closes.
FROZEN_TODAY = "2025-10-20"


def run_mkdocs_build(
    out: Path, today: str | None, config: Path | None = None, profile: Path | None = None
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` for a build date and a profile (default: the shipped demo, data/profil.yml)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CARE_TODAY", None)
    env.pop("SITE_PROFILE", None)
    if today:
        env["CARE_TODAY"] = today
    if profile:
        env["SITE_PROFILE"] = str(profile)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    if config:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def build_site(tmp_path_factory):
    """Build the real site for a build date (CARE_TODAY), once per date per session."""
    cache: dict[str, Path] = {}

    def _build(today: str = FROZEN_TODAY) -> Path:
        if today not in cache:
            out = tmp_path_factory.mktemp(f"site-{today}")
            result = run_mkdocs_build(out, today)
            assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
            cache[today] = out
        return cache[today]

    return _build


@pytest.fixture(scope="session")
def profile_site(tmp_path_factory):
    """Build the real site for the frozen date with another profile file, once per profile per session."""
    cache: dict[Path, Path] = {}

    def _build(profile: Path) -> Path:
        if profile not in cache:
            out = tmp_path_factory.mktemp(f"site-{profile.stem}")
            result = run_mkdocs_build(out, FROZEN_TODAY, profile=profile)
            assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
            cache[profile] = out
        return cache[profile]

    return _build


@pytest.fixture(scope="session")
def site(build_site) -> Path:
    """The site built with the frozen test date."""
    return build_site(FROZEN_TODAY)


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, one per test module (Playwright's sync API allows one instance at a time)."""
    import playwright.sync_api as playwright_api

    from browser import launch

    with playwright_api.sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(site):
    """The site built for the frozen date, served on 127.0.0.1 for the module's browser tests."""
    from browser import serve

    with serve(site) as url:
        yield url


PROJECT_PARTS = [
    "mkdocs.yml",
    "docs",
    "data",
    "kits",
    "overrides",
    "scripts",
    "src",
    "examples",
]  # all watched by mkdocs.yml


@pytest.fixture
def project(tmp_path):
    """A throw-away copy of the project to break (build it with build_project)."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, tmp_path / part)
    return tmp_path


def hook_config(docs_dir: Path, lang: str = "fr", root: Path = ROOT) -> SimpleNamespace:
    """What a hook reads of MkDocs' configuration, for calling a hook without a build."""
    return SimpleNamespace(
        docs_dir=str(docs_dir),
        config_file_path=str(root / "mkdocs.yml"),
        plugins={},
        theme={"language": lang},
        site_url="",
        site_dir=str(docs_dir.parent / "site"),
    )


def build_project(project: Path) -> tuple[int, str]:
    """Strict build of a project copy for the frozen date: exit code and everything it printed."""
    result = run_mkdocs_build(project / "site", today=FROZEN_TODAY, config=project / "mkdocs.yml")
    return result.returncode, result.stdout + result.stderr
