"""The validator's command line (`sitekit-validate`, `scripts/validate.py`): check the site's data, deadlines, freshness, prose dates, translations, (with --site) links and (with --publish) that it is ready to go live; or list the entries to re-check (--sources); see README."""

from __future__ import annotations

import argparse
import shlex
import sys
from datetime import date
from pathlib import Path

from sitekit.checks import worklist
from sitekit.checks.built_with import is_mismatch
from sitekit.checks.call_freshness import Thresholds
from sitekit.checks.external import Settings
from sitekit.checks.report import VALIDATOR, format_github, format_json, format_text, summary
from sitekit.checks.validation import DEFAULT_CACHE, Context, has_errors, run, what_was_checked
from sitekit.core.problems import ProblemsError, format_problems
from sitekit.core.today import BuildDateError, build_date
from sitekit.i18n.messages import MESSAGE_LANGUAGES, MessageLanguageError, message_language, translate
from sitekit.project import load_project

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


# The thresholds of the checks, each a whole number N: option, default, what it sets.
_THRESHOLDS = (
    ("--warn-days", 14, "warn about calls closing within N days"),
    ("--grace-days", 30, "days a passed review_by date stays a warning before it becomes an error"),
    ("--checked-warn-days", 90, "warn about calls last checked against their sources more than N days ago"),
    ("--checked-error-days", 180, "error for calls last checked against their sources more than N days ago"),
    ("--confirm-months", 6, "warn about calls opened more than N months ago whose closing day is still unknown"),
)


def _parser(root: Path) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="validate.py", description=__doc__)
    parser.add_argument("--site", metavar="DIR", help="built site to check links in (no link check without it)")
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="build date (default: $SITEKIT_TODAY, else today in Paris)"
    )
    parser.add_argument("--external", action="store_true", help="also check external links (network)")
    parser.add_argument(
        "--publish",
        action="store_true",
        help="the site is about to go live: a value left to complete, or an example site address, is an error",
    )
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="establishment profile (default: $SITEKIT_PROFILE, else the one the --site was built from, else the "
        "sitekit plugin's profile: in mkdocs.yml)",
    )
    parser.add_argument("--format", choices=("text", "json", "github"), default="text", help="output format")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="list every finding (by default, the demo profile's values still to complete are one line)",
    )
    parser.add_argument(
        "--lang",
        choices=MESSAGE_LANGUAGES,
        help="language of the messages (default: $SITEKIT_LANG, else fr)",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="preview of another day (--today): review dates, freshness and deadlines are information, not errors",
    )
    for flag, default, text in _THRESHOLDS:
        parser.add_argument(flag, type=_natural, default=default, metavar="N", help=f"{text} (default %(default)s)")
    parser.add_argument(
        "--sources",
        action="store_true",
        help="list every data entry with its sources and last check, oldest first, instead of checking "
        "(--format text or json)",
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="timeout of one external request (default 10)"
    )
    parser.add_argument("--root", metavar="DIR", default=str(root), help="project root (default: the current folder)")
    parser.add_argument("--cache", metavar="FILE", help=f"cache of external results (default: ROOT/{DEFAULT_CACHE})")
    return parser


def _natural(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of days (e.g. 14)")
    return int(value)


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """Run the validator; `root` is the default project root (the current folder when None)."""
    parser = _parser(root or Path.cwd())
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse printed the usage and the error
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    try:
        lang = message_language(args.lang)
        today = build_date(args.today)
    except MessageLanguageError as exc:
        print(f"validate.py: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BuildDateError as exc:
        print(f"validate.py: error: {translate(str(exc), lang)}", file=sys.stderr)
        return EXIT_USAGE
    root = Path(args.root).resolve()
    site = Path(args.site) if args.site else None
    for label, folder in (("--root", root), ("--root docs", root / "docs"), ("--site", site)):
        if folder is not None and not folder.is_dir():
            print(f"validate.py: error: {label}: {folder} is not a folder", file=sys.stderr)
            return EXIT_USAGE
    if args.sources:
        return _sources(root, today, args.format, lang)
    ctx = Context(
        root=root,
        today=today,
        warn_days=args.warn_days,
        grace_days=args.grace_days,
        freshness=Thresholds(args.checked_warn_days, args.checked_error_days, args.confirm_months),
        site_dir=site,
        site_shown=args.site.rstrip("/") if args.site else "site",
        external=args.external,
        cache_file=Path(args.cache) if args.cache else root / DEFAULT_CACHE,
        external_settings=Settings(timeout=args.timeout),
        publish=args.publish,
        profile=args.profile,
        preview=args.preview,
    )
    try:
        findings, checks = run(ctx)
    except ProblemsError as exc:  # a loader outside the data check: report, never a traceback
        print(format_problems(exc.problems, lang), file=sys.stderr)
        return EXIT_ERRORS
    except (OSError, UnicodeDecodeError) as exc:
        print(f"validate.py: error: cannot read input: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(format_json(findings, today, checks, lang, what_was_checked(ctx)))
    elif args.format == "github":
        sys.stdout.write(format_github(findings, lang))
    elif any(is_mismatch(f.problem) for f in findings):  # the site and the profile differ: that one error, alone
        sys.stdout.write("\n\n".join([*(f.text(lang) for f in findings), summary(findings, lang)]) + "\n")
    else:
        again = " ".join([VALIDATOR, shlex.join([*(sys.argv[1:] if argv is None else argv), "--verbose"])])
        sys.stdout.write(format_text(findings, lang, what_was_checked(ctx), args.verbose, again))
    return EXIT_ERRORS if has_errors(findings) else EXIT_OK


def _sources(root: Path, today: date, output: str, lang: str) -> int:
    """The reviewer's worklist; the data files' own problems first (on stderr), since a broken file lists nothing."""
    if output == "github":
        print("validate.py: error: --sources prints text or json, not github", file=sys.stderr)
        return EXIT_USAGE
    project = load_project(root)
    if project.problems:
        print(format_problems(list(project.problems), lang), file=sys.stderr)
    found = worklist.entries(project)
    if output == "json":
        sys.stdout.write(worklist.format_json(found, today))
    else:
        sys.stdout.write(worklist.format_text(found, today))
    return EXIT_ERRORS if project.failed else EXIT_OK
