"""Shared fixtures: the project root, the site built once per build date for the whole session, and the marks.

A test's folder gives it its marks: tests/unit/ needs neither a build nor a browser (`make unit` runs that folder),
tests/site/ builds a site with mkdocs (`build`), tests/browser/ drives Chromium against a built site (`browser`
and `build`). A test that uses a built-site fixture, or Chromium, outside the folder that announces it fails at
set-up, naming the folder to move it to; a build or a browser started by a test without its mark fails that test
(`require_mark`). The order in which `make test`'s workers take the scopes comes from the folders and from the
`long` mark a module declares (`in_scope_order`).

Builds are shared: one per build date per session, and under pytest-xdist one per date for all the workers
(the first worker that needs it builds it under a file lock, the others wait and reuse it).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from sitekit.core.cache import CACHE_DIR
from sitekit.core.problems import ProblemsError
from sitekit.pages.generated import is_generated
from sitekit.site.paths import GENERATED_FOLDERS

ROOT = Path(__file__).resolve().parents[1]
# Messages are French by default (sitekit.i18n.messages); the tests assert the English texts the code writes, and
# tests/unit/i18n/test_messages.py asserts the French ones with SITEKIT_LANG or --lang set explicitly.
os.environ["SITEKIT_LANG"] = "en"
# (never --quiet: it hides the warnings that --strict turns into errors)
# A date inside the documented D2 application window (2 Sep - 31 Oct 2025), 11 days before it closes.
FROZEN_TODAY = "2025-10-20"

TESTS = ROOT / "tests"
# The folders a test file lives in, and the marks each gives its tests.
FOLDER_MARKS: dict[str, tuple[str, ...]] = {"unit": (), "site": ("build",), "browser": ("build", "browser")}
# Fixtures that hand a test a built site (directly or through another fixture), and the browser fixture: a test
# that uses one needs the mark, which only its folder can give.
BUILD_FIXTURES = {"site", "build_site", "second_build", "profile_site", "base_url"}
BROWSER_FIXTURES = {"browser"}
WHERE = {"build": "tests/site/", "browser": "tests/browser/"}

_running: dict[str, pytest.Item] = {}
_session: dict[str, Path] = {}  # the shared folder, for build_project (a plain function called by tests)
_misplaced: dict[str, str] = {}  # node id -> why the test is in the wrong folder


def folder_of(item: pytest.Item) -> str:
    """The folder under tests/ that holds the test's file ("" for a file directly in tests/ or outside it)."""
    parts = item.path.relative_to(TESTS).parts if item.path.is_relative_to(TESTS) else ()
    return parts[0] if len(parts) > 1 else ""


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by mark
def pytest_collection_modifyitems(config, items):
    for item in items:
        folder = folder_of(item)
        for mark in FOLDER_MARKS.get(folder, ()):
            item.add_marker(mark)
        used = set(item.fixturenames)
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)  # so that `-m "not build"` leaves it out wherever it is
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        allowed = FOLDER_MARKS.get(folder)
        if allowed is None:
            _misplaced[item.nodeid] = "is outside tests/unit/, tests/site/ and tests/browser/ (move it to one of them)"
        elif wrong := [mark for mark in ("browser", "build") if item.get_closest_marker(mark) and mark not in allowed]:
            _misplaced[item.nodeid] = f"needs {wrong[0]} but lives in tests/{folder}/ (move it to {WHERE[wrong[0]]})"
    items[:] = in_scope_order(items)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A test in the wrong folder fails before its fixtures build or launch anything."""
    if item.nodeid in _misplaced:
        pytest.fail(f"{item.nodeid} {_misplaced[item.nodeid]}", pytrace=False)


def scope_of(item: pytest.Item) -> str:
    """The unit `--dist loadscope` gives a worker: the test's class, or its module."""
    return item.nodeid.rsplit("::", 1)[0] if item.cls is not None else item.nodeid.split("::", 1)[0]


def in_scope_order(items: list[pytest.Item]) -> list[pytest.Item]:
    """The tests in the order `make test`'s two workers take them (each takes the next scope when it has two tests
    or fewer left): the first long scope (a class or the functions of a module that declares
    `pytestmark = pytest.mark.long`) outside tests/unit/, which waits for the session's first build (half a minute
    on a clean clone); the scopes of tests/unit/ that wait for no build, long ones first, which the other worker
    runs meanwhile; the other long scopes; the rest. Each group keeps the collection order (tests/browser/,
    tests/site/, then tests/unit/)."""
    scopes: dict[str, list[pytest.Item]] = {}
    for item in items:
        scopes.setdefault(scope_of(item), []).append(item)

    def long(scope: str) -> bool:
        return any(item.get_closest_marker("long") for item in scopes[scope])

    def quick(scope: str) -> bool:  # root_docs waits for the first build too
        return all(folder_of(item) == "unit" and "root_docs" not in item.fixturenames for item in scopes[scope])

    opener = next((scope for scope in scopes if long(scope) and not quick(scope)), None)

    def rank(scope: str) -> tuple[bool, bool, bool]:
        return (scope != opener, not quick(scope), not long(scope))

    return [item for scope in sorted(scopes, key=rank) for item in scopes[scope]]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    _running["item"] = item
    try:
        return (yield)
    finally:
        _running.pop("item", None)


def require_mark(name: str, doing: str) -> None:
    """Fail the running test when it does something slow (`doing`) without the mark that announces it."""
    item = _running.get("item")
    if item is not None and item.get_closest_marker(name) is None:
        pytest.fail(
            f"{item.nodeid} {doing} without @pytest.mark.{name} "
            f"(move the test to {WHERE[name]}, whose tests carry the mark; `make unit` must not {doing})",
            pytrace=False,
        )


def run_mkdocs_build(
    out: Path, today: str | None, config: Path | None = None, profile: Path | None = None, drafts: bool = False
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` for a build date and a profile (default: the shipped demo, data/profile.yml), with
    drafts when `drafts` (as make preview builds), never influenced by the caller's SITEKIT_TODAY, SITEKIT_PROFILE,
    SITEKIT_DRAFTS or SOURCE_DATE_EPOCH (the plugin's reproducible feature derives the latter from the build date)."""
    require_mark("build", "runs mkdocs build")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITEKIT_TODAY", None)
    env.pop("SITEKIT_PROFILE", None)
    env.pop("SOURCE_DATE_EPOCH", None)
    env.pop("SITEKIT_DRAFTS", None)
    if drafts:
        env["SITEKIT_DRAFTS"] = "1"
    if today:
        env["SITEKIT_TODAY"] = today
    if profile:
        env["SITEKIT_PROFILE"] = str(profile)
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    if config:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, check=False, cwd=ROOT, env=env, capture_output=True, text=True)


def git_status() -> str:
    """What git sees changed in the repository (tracked and untracked files, ignored ones left out)."""
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="session")
def shared_dir(tmp_path_factory) -> Path:
    """A folder every xdist worker of this session sees (the session's base folder), or this session's own."""
    base = tmp_path_factory.getbasetemp()
    _session["shared_dir"] = shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    return shared


@contextmanager
def file_lock(path: Path, shared: bool = False) -> Iterator[None]:
    """A lock between the processes of this session (xdist workers), held for the block: exclusive, or shared
    with the other shared holders."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def project_lock(shared_dir: Path, building: bool) -> Iterator[None]:
    """Held around each build of the real project (`building`), and by tests that read its docs/.

    The first build of a session may write the generated pages into docs/ (on a clean clone, or after a
    data change): it runs alone. Later builds find those pages unchanged and write nothing there, so they
    and the readers share the lock and run side by side.
    """
    lock, first_done = shared_dir / "project.lock", shared_dir / "first-build.done"
    if building and not first_done.is_file():
        with file_lock(lock):
            if not first_done.is_file():
                yield
                first_done.touch()
                return
    with file_lock(lock, shared=True):
        yield


def _shared_build(shared_dir: Path, name: str, today: str, profile: Path | None = None, drafts: bool = False) -> Path:
    """Build the real project into shared_dir/name once for all workers; a JSON file beside it keeps git's
    status before and after that build (tests/site/test_kits_site.py checks that a build changes nothing).
    (The generated pages do not depend on the date or the profile: builds after the first write none.)"""
    out, done = shared_dir / name, shared_dir / f"{name}.git-status.json"
    with file_lock(shared_dir / f"{name}.lock"):
        if not done.is_file():
            shutil.rmtree(out, ignore_errors=True)
            with project_lock(shared_dir, building=True):
                before = git_status()
                result = run_mkdocs_build(out, today, profile=profile, drafts=drafts)
                after = git_status()
            assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
            done.write_text(json.dumps({"before": before, "after": after}), encoding="utf-8")
    return out


def status_around_build(site: Path) -> dict[str, str]:
    """git status before and after the build that made `site` (a folder from build_site or second_build)."""
    return json.loads((site.parent / f"{site.name}.git-status.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def build_site(shared_dir):
    """Build the real site for a build date (SITEKIT_TODAY), once per date per session (and for all workers)."""
    cache: dict[str, Path] = {}

    def _build(today: str = FROZEN_TODAY) -> Path:
        if today not in cache:
            cache[today] = _shared_build(shared_dir, f"site-{today}", today)
        return cache[today]

    return _build


@pytest.fixture(scope="session")
def profile_site(shared_dir):
    """Build the real site for the frozen date with another profile file, once per profile (its name and
    content) per session, and for all workers."""
    cache: dict[Path, Path] = {}

    def _build(profile: Path) -> Path:
        if profile not in cache:
            cache[profile] = _profile_build(shared_dir, profile)
        return cache[profile]

    return _build


def _profile_build(shared_dir: Path, profile: Path) -> Path:
    """The shared build of the frozen date with `profile`, named after the profile's name and content."""
    digest = hashlib.sha256(profile.read_bytes()).hexdigest()[:12]
    return _shared_build(shared_dir, f"site-{profile.stem}-{digest}", FROZEN_TODAY, profile)


def warm_cache(project: Path, profile: Path | None = None) -> None:
    """Give a copy of the project the real project's cache (.cache/: kit outputs, exports, search stems, hard
    links) once the shared builds that fill it are done: the frozen date's, and, for a copy built with a profile of
    the project (the same file in the real project, same bytes), the shared build with that profile, whose kits are
    then printed once for the session whichever test asks first. The copy's build renders only what its changes
    change, as an editor's second build does; its own new entries stay in the copy."""
    shared = _session["shared_dir"]
    _shared_build(shared, f"site-{FROZEN_TODAY}", FROZEN_TODAY)
    if profile is not None:
        mine = profile.resolve()
        same = ROOT / mine.relative_to(project.resolve()) if mine.is_relative_to(project.resolve()) else mine
        if same.is_relative_to(ROOT) and same.is_file() and same.read_bytes() == mine.read_bytes():
            _profile_build(shared, same)
    if (ROOT / CACHE_DIR).is_dir() and not (project / CACHE_DIR).exists():
        shutil.copytree(ROOT / CACHE_DIR, project / CACHE_DIR, copy_function=os.link)


@pytest.fixture(scope="session")
def site(build_site) -> Path:
    """The site built with the frozen test date."""
    return build_site(FROZEN_TODAY)


@pytest.fixture(scope="session")
def preview_site(shared_dir) -> Path:
    """The site as make preview builds it for the frozen date: drafts included."""
    return _shared_build(shared_dir, f"preview-site-{FROZEN_TODAY}", FROZEN_TODAY, drafts=True)


@pytest.fixture(scope="session")
def second_build(shared_dir) -> Path:
    """A second clean build for the frozen date, in another folder: compared with `site` byte for byte."""
    return _shared_build(shared_dir, f"second-site-{FROZEN_TODAY}", FROZEN_TODAY)


@pytest.fixture
def root_docs(shared_dir) -> Iterator[Path]:
    """The project's docs/, read while no build writes its generated pages (they appear during the first
    build of a clean clone, which another xdist worker may be running)."""
    with project_lock(shared_dir, building=False):
        yield ROOT / "docs"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, one per worker for the whole session (Playwright's sync API allows one instance
    at a time in a process; each test opens its own browser contexts, which share nothing)."""
    import playwright.sync_api as playwright_api

    from support.browser import launch

    with playwright_api.sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(site):
    """The site built for the frozen date, served on 127.0.0.1 for the module's browser tests."""
    from support.browser import serve

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
]  # what a build of the project reads


def _leave_generated_pages(folder: str, names: list[str]) -> set[str]:
    """copytree's ignore: the pages a build writes into docs/ (git-ignored; the copy's build writes them again)."""
    here, docs = Path(folder), ROOT / "docs"
    left = {"__pycache__"}
    if here == docs or docs in here.parents:
        for name in names:
            path = here / name
            if (
                path.relative_to(docs).as_posix() in GENERATED_FOLDERS
                or name.endswith(".tmp")  # a page the session's first build is writing (sitekit.site.outputs)
                or (name.endswith(".md") and path.is_file() and is_generated(path, docs))
            ):
                left.add(name)
    return left


def copy_project(folder: Path) -> Path:
    """Copy the project into `folder` as a clean clone has it: without the pages a build generates in docs/. Made
    without waiting for the session's first build, which may be writing those pages: it writes each one whole
    (sitekit.pages.stubs), and the copy leaves them out."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=_leave_generated_pages)
        elif source.exists():
            shutil.copy2(source, folder / part)
    return folder


@pytest.fixture
def project(tmp_path, shared_dir):
    """A throw-away copy of the project to break (build it with build_project)."""
    return copy_project(tmp_path)


def mkdocs_config(docs_dir: Path, lang: str = "fr", root: Path = ROOT) -> SimpleNamespace:
    """What a feature of the sitekit plugin reads of MkDocs' configuration, for calling it without a build."""
    return SimpleNamespace(
        docs_dir=str(docs_dir),
        config_file_path=str(root / "mkdocs.yml"),
        plugins={},
        theme={"language": lang},
        site_url="",
        site_dir=str(docs_dir.parent / "site"),
    )


class FeatureUnderTest:
    """One feature of a sitekit plugin of its own, called without a build: its on_config reads the plugin's settings
    first (the environment's, and the project root beside the configuration's mkdocs.yml), as the plugin does."""

    def __init__(self, name: str, **options: object) -> None:
        from sitekit.mkdocs.plugin import SitekitPlugin

        self.plugin = SitekitPlugin()
        errors, _ = self.plugin.load_config(dict(options))
        assert not errors, errors
        self.feature = self.plugin.feature(name)

    def on_config(self, config: Any) -> Any:
        self.plugin.configure(config)
        return self.feature.on_config(config)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.feature, name)


def refused(load: Callable[..., object], path: Path, text: str, *args: object) -> ProblemsError:
    """The ProblemsError that `load(path, *args)` raises once the data file `path` holds `text`."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsError) as exc:
        load(path, *args)
    return exc.value


def build_project(project: Path, profile: Path | None = None) -> tuple[int, str]:
    """Strict build of a project copy for the frozen date (with the demo profile, or `profile`): exit code and
    everything it printed.

    The copy starts with the real project's cache once the shared builds that fill it are done (`warm_cache`)."""
    warm_cache(project, profile)
    result = run_mkdocs_build(project / "site", today=FROZEN_TODAY, config=project / "mkdocs.yml", profile=profile)
    return result.returncode, result.stdout + result.stderr
