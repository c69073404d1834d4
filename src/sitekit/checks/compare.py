"""Two builds of the same site compared (scripts/compare_builds.py; `make properdocs-check` compares MkDocs' build
with ProperDocs'): the same files, the same bytes, the same generated families (sitekit.checks.families), for the
same build date and profile. Each difference is told file by file, with a short unified diff for a text file.

What legitimately differs between two generators is normalised first (NORMALISED): the generator's name and
version that the theme writes in each page's head.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitekit.checks.families import Family, site_families
from sitekit.core.problems import Problem
from sitekit.core.today import BuildDateError, build_date
from sitekit.i18n.messages import (
    DEFAULT_MESSAGE_LANGUAGE,
    MESSAGE_LANGUAGES,
    MessageLanguageError,
    catalogue,
    message_language,
)
from sitekit.project import load_project

EXIT_OK, EXIT_DIFFERENT, EXIT_USAGE = 0, 1, 2
# (pattern, replacement) applied to every HTML file of both builds before they are compared.
NORMALISED = (
    # Material's <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">: the generator's version
    (re.compile(rb'<meta name="generator" content="[^"]*">'), b'<meta name="generator" content="">'),
)
TEXT_SUFFIXES = frozenset({".html", ".xml", ".json", ".js", ".css", ".txt", ".ics", ".csv", ".svg", ".map", ".md"})
DIFF_LINES = 12  # lines of unified diff shown for each text file that differs
LINE_WIDTH = 160  # characters of a diff line shown (a search index is one long line)


@dataclass(frozen=True)
class Difference:
    """One difference between the builds, and the diff that shows it (text files)."""

    problem: Problem
    diff: tuple[str, ...] = ()
    cut: int = 0  # lines of the diff left out


@dataclass(frozen=True)
class FamilyCount:
    """How much of a generated family each build holds."""

    name: str
    expected: int
    first: int  # files of the family in the first build
    second: int


@dataclass(frozen=True)
class Comparison:
    files: int  # files found in both builds
    differences: tuple[Difference, ...]
    families: tuple[FamilyCount, ...]

    @property
    def same(self) -> bool:
        return not self.differences


def site_files(site: Path) -> set[str]:
    """Every file of a built site, by its path from the site root."""
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def normalised(rel: str, data: bytes) -> bytes:
    """A built file as compared: an HTML file without what only names the generator."""
    if rel.endswith(".html"):
        for pattern, replacement in NORMALISED:
            data = pattern.sub(replacement, data)
    return data


def text_diff(
    first: bytes, second: bytes, first_shown: str, second_shown: str, lines: int
) -> tuple[int, list[str], int]:
    """The line of `second` where the texts part (1-based), the first `lines` lines of their unified diff, and the
    number of lines left out."""
    a = first.decode("utf-8", errors="replace").splitlines()
    b = second.decode("utf-8", errors="replace").splitlines()
    diff = list(difflib.unified_diff(a, b, first_shown, second_shown, n=1, lineterm=""))
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    shown = [line if len(line) <= LINE_WIDTH else line[:LINE_WIDTH] + "…" for line in diff[:lines]]
    return start + 1, shown, max(len(diff) - lines, 0)


def compare_sites(
    first: Path,
    second: Path,
    families: Iterable[Family] = (),
    first_shown: str = "",
    second_shown: str = "",
    lines: int = DIFF_LINES,
) -> Comparison:
    """Every difference between two built sites: files in one only, files whose normalised bytes differ, generated
    families that either lacks (each family's expected files, from the project)."""
    a_shown, b_shown = (first_shown or str(first)).rstrip("/"), (second_shown or str(second)).rstrip("/")
    a_files, b_files = site_files(first), site_files(second)
    out: list[Difference] = []
    for rel in sorted(a_files ^ b_files):
        ours, theirs = (a_shown, b_shown) if rel in a_files else (b_shown, a_shown)
        absent = f"{theirs}/{rel}"
        out.append(Difference(Problem(f"{ours}/{rel}", 0, "", f"only in this build: {absent} does not exist")))
    for rel in sorted(a_files & b_files):
        a_data = normalised(rel, (first / rel).read_bytes())
        b_data = normalised(rel, (second / rel).read_bytes())
        if a_data == b_data:
            continue
        here, other = f"{b_shown}/{rel}", f"{a_shown}/{rel}"
        if Path(rel).suffix.lower() in TEXT_SUFFIXES:
            line, diff, cut = text_diff(a_data, b_data, other, here, lines)
            out.append(Difference(Problem(here, line, "", f"differs from {other}"), tuple(diff), cut))
        else:
            message = f"differs from {other} ({len(b_data)} bytes here, {len(a_data)} there)"
            out.append(Difference(Problem(here, 0, "", message)))
    counts = []
    for family in families:
        if not family.files:
            continue
        counts.append(
            FamilyCount(
                family.name,
                len(family.files),
                sum(path in a_files for path in family.files),
                sum(path in b_files for path in family.files),
            )
        )
        for shown, files in ((a_shown, a_files), (b_shown, b_files)):
            missing = [path for path in family.files if path not in files]
            if missing:
                have = len(family.files) - len(missing)
                message = f"{family.name} incomplete in this build: {have} of {len(family.files)} files"
                out.append(Difference(Problem(f"{shown}/{missing[0]}", 0, "", message)))
    return Comparison(len(a_files & b_files), tuple(out), tuple(counts))


def say(text: str, lang: str) -> str:
    """A line of this command's output in the author's language (sitekit.i18n.messages)."""
    return catalogue().translate(text, lang)


def report(comparison: Comparison, first_shown: str, second_shown: str, lang: str) -> list[str]:
    """The comparison as printed: each difference (with its diff), each family's counts, the summary."""
    out: list[str] = []
    for difference in comparison.differences:
        out.append(str(difference.problem.localized(lang)))
        out.extend(f"    {line}" for line in difference.diff)
        if difference.cut:
            out.append("    " + say(f"… ({difference.cut} more lines)", lang))
    for family in comparison.families:
        out.append(
            say(
                f"{family.name}: {family.first} of {family.expected} files in {first_shown}, "
                f"{family.second} in {second_shown}",
                lang,
            )
        )
    if comparison.same:
        out.append(
            say(f"the builds match: {comparison.files} files, {len(comparison.families)} generated families", lang)
        )
    else:
        out.append(
            say(
                f"the builds differ: {len(comparison.differences)} differences ({comparison.files} files in both)",
                lang,
            )
        )
    return out


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="compare_builds.py", description=__doc__)
    parser.add_argument("first", metavar="SITE", help="the build compared with (e.g. site, made by MkDocs)")
    parser.add_argument("second", metavar="OTHER", help="the other build (e.g. site-properdocs)")
    parser.add_argument("--root", metavar="DIR", help="project root the builds were made from (default: this one)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="the builds' date (default: $CARE_TODAY, else today)")
    parser.add_argument(
        "--profile", metavar="FILE", help="the builds' profile (default: $SITE_PROFILE, else data/profil.yml)"
    )
    parser.add_argument(
        "--lines", type=int, default=DIFF_LINES, metavar="N", help="diff lines shown per file (default %(default)s)"
    )
    parser.add_argument(
        "--lang", choices=MESSAGE_LANGUAGES, help="language of the messages (default: $SITEKIT_LANG, else fr)"
    )
    return parser


def main(argv: Sequence[str] | None = None, root: Path | None = None) -> int:
    """Compare two builds; 0 when they match, 1 when they differ, 2 on bad arguments."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse printed the usage and the error
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    try:
        lang = message_language(args.lang)
    except MessageLanguageError as exc:
        print(f"compare_builds.py: {say(str(exc), DEFAULT_MESSAGE_LANGUAGE)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        today = build_date(args.today)
    except BuildDateError as exc:
        print(f"compare_builds.py: {say(str(exc), lang)}", file=sys.stderr)
        return EXIT_USAGE
    base = Path(args.root) if args.root else (root or Path.cwd())
    for label, folder in (("SITE", Path(args.first)), ("OTHER", Path(args.second)), ("--root", base)):
        if not folder.is_dir():
            print(say(f"compare_builds.py: {label}: {folder} is not a folder", lang), file=sys.stderr)
            return EXIT_USAGE
    if args.lines < 0:
        print(
            say(f"compare_builds.py: --lines: {args.lines} is not a number of lines (0 or more)", lang), file=sys.stderr
        )
        return EXIT_USAGE
    project = load_project(base.resolve(), args.profile)
    families = site_families(project, today)
    comparison = compare_sites(Path(args.first), Path(args.second), families, args.first, args.second, args.lines)
    print("\n".join(report(comparison, args.first.rstrip("/"), args.second.rstrip("/"), lang)))
    return EXIT_OK if comparison.same else EXIT_DIFFERENT
