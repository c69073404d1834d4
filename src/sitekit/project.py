"""The project: every data file of a site kit, loaded once into typed models, with the problems found.

`load_project(root)` is the only place that knows which files make the project and in which order they are
loaded (later loaders check references to what earlier ones returned: criteria and campaigns name kits and
calls). Hooks, validator and tests ask it. The result is cached on the files' modification times and sizes:
the i18n plugin runs every hook's `on_config` once per language, and `mkdocs serve` rebuilds after each save,
but a data file is parsed again only when it changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from sitekit.calls.model import Call, load_calls_document
from sitekit.campaigns.model import Campaign, campaigns_folder, load_campaigns
from sitekit.core.cache import CACHE_DIR
from sitekit.core.filestamp import Stamps, stamps
from sitekit.core.problems import Level, Problem, ProblemsError
from sitekit.core.yamlfile import YamlDocument
from sitekit.criteria.model import Criteria, load_criteria
from sitekit.i18n.strings import Strings, load_strings
from sitekit.kits.model import Kit, load_kits
from sitekit.kits.pictograms import NO_PICTOGRAMS, Pictograms, load_pictograms, pictogram_problems
from sitekit.news.model import AUTHORS_NOT_LOADED, Author, load_authors
from sitekit.profile.model import Profile, load_profile, profile_location
from sitekit.search.vocabulary import (
    OLD_VOCABULARY,
    VOCABULARY,
    Vocabulary,
    corpus_files,
    corpus_texts,
    load_vocabulary,
    vocabulary_file,
)

CALLS = "data/calls.yml"
STRINGS = "data/strings.yml"
CRITERIA = "data/criteria.yml"
AUTHORS = "data/authors.yml"
KITS = "kits"
DATA_FOLDERS = ("data", KITS)  # everything under them is project data (watched by `mkdocs serve` too)

T = TypeVar("T")


@dataclass(frozen=True)
class Project:
    """Everything that loaded, and every problem found in file and line order.

    A part that failed to load is empty and named in `failed` (its problems are in `problems`): checks that
    need it skip, since its problems are already reported. The build asks `require()`.
    """

    root: Path
    calls: tuple[Call, ...]
    calls_document: YamlDocument | None  # the calls' YAML, for checks that report a call's line
    strings: Strings
    kits: tuple[Kit, ...]
    criteria: Criteria
    authors: Mapping[str, Author]
    campaigns: tuple[Campaign, ...]
    profile: Profile | None  # the publishing establishment (data/profile.yml or $SITEKIT_PROFILE); None if invalid
    vocabulary: Vocabulary  # the words staff type for what the pages say (search)
    pictograms: Pictograms  # the posters' pictograms (kits/_pictograms/)
    failed: frozenset[str]
    problems: tuple[Problem, ...]

    @property
    def kit_ids(self) -> set[str]:
        return {kit.id for kit in self.kits}

    @property
    def call_ids(self) -> set[str]:
        return {call.id for call in self.calls}

    def templates(self, family: str) -> Path:
        """The folder of a page family's Jinja templates (overrides/partials/<family>)."""
        return self.root / "overrides" / "partials" / family

    @property
    def establishment(self) -> Profile:
        """The profile of a project that loaded (`require()` first)."""
        if self.profile is None:
            raise ProblemsError(list(self.problems))
        return self.profile

    def require(self) -> Project:
        """The project itself when every file loaded without error; ProblemsError with every problem otherwise."""
        if self.failed or any(p.level is Level.ERROR for p in self.problems):
            raise ProblemsError(list(self.problems))
        return self


def load_project(root: Path, profile: str | None = None) -> Project:
    """The project at `root` with the profile `profile` (default: $SITEKIT_PROFILE, else data/profile.yml), parsed
    again only when a file under data/ or kits/, the profile or its logo changed; when only a hand-written page
    changed, only the vocabulary is checked again (its words must be on the pages)."""
    root = root.resolve()
    profile_file, shown = profile_location(root, profile)
    key = (str(profile_file), _stamp(root, profile_file))
    pages = stamps(corpus_files(root))
    cached = _cache.get(root)
    if cached is not None and cached[0] == key:
        if cached[1] == pages:
            return cached[2]
        project = _with_vocabulary(cached[2])
    else:
        project = _load(root, profile_file, shown)
    _cache[root] = (key, pages, project)
    return project


_cache: dict[Path, tuple[tuple[str, Stamps], Stamps, Project]] = {}


def _stamp(root: Path, profile_file: Path) -> Stamps:
    """Name, modification time and size of every file the project is made of (the profile's logo included)."""
    paths = [path for folder in DATA_FOLDERS for path in sorted((root / folder).rglob("*"))]
    return stamps([*paths, profile_file, *_logo_candidates(profile_file, root)])


def _logo_candidates(profile_file: Path, root: Path) -> list[Path]:
    """The logo a profile names (read cheaply: the cache check runs for every hook of every language build)."""
    try:
        text = profile_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [
        root / line.split(":", 1)[1].strip().strip("\"'")
        for line in text.splitlines()
        if line.strip().startswith("logo:")
    ]


def _vocabulary(root: Path) -> Vocabulary:
    file, shown = vocabulary_file(root)
    return load_vocabulary(file, shown, corpus_texts(root), root / CACHE_DIR / "search", root / "docs")


def _with_vocabulary(project: Project) -> Project:
    """`project` with its vocabulary checked again against the pages (the data files did not change): the same
    parts as a new load, the vocabulary's problems replaced."""
    problems = [p for p in project.problems if p.path not in (VOCABULARY, OLD_VOCABULARY)]
    failed = set(project.failed) - {"vocabulary"}
    try:
        vocabulary = _vocabulary(project.root)
    except ProblemsError as exc:
        problems += exc.problems
        failed.add("vocabulary")
        vocabulary = Vocabulary()
    return replace(project, vocabulary=vocabulary, failed=frozenset(failed), problems=tuple(sorted(problems)))


def _load(root: Path, profile_file: Path, profile_shown: str) -> Project:
    problems: list[Problem] = []
    failed: set[str] = set()

    def attempt(part: str, load: Callable[[], T], empty: T) -> T:
        try:
            return load()
        except ProblemsError as exc:
            problems.extend(exc.problems)
            failed.add(part)
            return empty

    profile: Profile | None = attempt("profile", lambda: load_profile(profile_file, profile_shown, root), None)
    no_calls: tuple[list[Call], YamlDocument | None] = ([], None)
    calls, calls_document = attempt("calls", lambda: load_calls_document(root / CALLS, CALLS), no_calls)
    strings = attempt("strings", lambda: load_strings(root / STRINGS, STRINGS), Strings({}))
    kits: list[Kit] = attempt("kits", lambda: load_kits(root / KITS, root), [])
    # (a project without kits, such as the validator's test corpus, needs no pictogram; a kit that failed to load
    # does not hide the pictograms file's own problems)
    has_kits = bool(kits) or "kits" in failed
    pictograms = attempt("pictograms", lambda: load_pictograms(root), NO_PICTOGRAMS) if has_kits else NO_PICTOGRAMS
    if kits and "pictograms" not in failed:
        problems += pictogram_problems(kits, pictograms)  # a kit whose first theme has no pictogram
    kit_ids = {kit.id for kit in kits} or None  # references to kits are checked once there is one
    quiz_ids = {kit.id for kit in kits if kit.quiz is not None} if kit_ids else None
    call_ids = None if "calls" in failed else {call.id for call in calls}
    criteria = attempt(
        "criteria", lambda: load_criteria(root / CRITERIA, CRITERIA, call_ids, kit_ids), Criteria((), (), ())
    )
    authors: Mapping[str, Author] = attempt(
        "authors", lambda: load_authors(root / AUTHORS, AUTHORS), AUTHORS_NOT_LOADED
    )
    campaigns_dir, campaigns_shown = campaigns_folder(root)
    campaigns: list[Campaign] = attempt(
        "campaigns", lambda: load_campaigns(campaigns_dir, campaigns_shown, kit_ids, quiz_ids), []
    )
    vocabulary = attempt("vocabulary", lambda: _vocabulary(root), Vocabulary())
    return Project(
        root,
        tuple(calls),
        calls_document,
        strings,
        tuple(kits),
        criteria,
        authors,
        tuple(campaigns),
        profile,
        vocabulary,
        pictograms,
        frozenset(failed),
        tuple(sorted(problems)),
    )
