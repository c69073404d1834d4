"""A new year's October campaign in one command (`make campaign YEAR=2028`, `sitekit-campaign 2028`): the file
data/campaigns/<year>.yml written from templates/campaign.yml — a draft, dates unknown, last_checked today —
then loaded like any campaign file, so that what it says is checked before anyone edits it. A project that still
has the old names (data/campagnes/, modeles/campagne.yml) gets its file there, told once."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from sitekit.campaigns.model import campaigns_folder, load_campaign
from sitekit.core import renames
from sitekit.core.problems import ProblemsError, format_problems
from sitekit.core.today import BuildDateError, build_date
from sitekit.i18n.messages import MessageLanguageError, catalogue, message_language
from sitekit.kits.model import kit_folder_ids

TEMPLATE = "templates/campaign.yml"
OLD_TEMPLATE = "modeles/campagne.yml"  # its name before this release, still read (sitekit.core.renames)
YEAR = "AAAA"  # the template's year
CHECKED = re.compile(r"^(last_checked:\s*)AAAA-MM-JJ\b", re.MULTILINE)
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def campaign_text(template: str, year: int, today: date, template_shown: str = TEMPLATE) -> str:
    """The template for `year`: its year and last check filled in, nothing else (no date of another year); the
    template's own header (how to use the template) replaced by the file's (naming `template_shown`)."""
    body = template[template.index("\nyear:") + 1 :] if "\nyear:" in template else template
    body = CHECKED.sub(lambda m: m[1] + today.isoformat(), body).replace(YEAR, str(year))
    header = (
        f"# The {year} October campaign: a draft written on {today.isoformat()} by make campaign from {template_shown}.\n"
        "# Its dates are unknown until a source gives them: then write starts:, ends: and each week's dates, and set\n"
        "# status: publie. Keys are described at the top of data/campaigns/2025.yml; guide: docs/guide/campagne-d-octobre.md.\n"
    )
    return header + body


def say(text: str, lang: str) -> str:
    """A line of this command's output in the author's language (sitekit.i18n.messages)."""
    return catalogue().translate(text, lang)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="new_campaign.py", description=__doc__)
    parser.add_argument("year", type=int, help="the campaign's year, e.g. 2028")
    parser.add_argument("--root", default=".", help="project root (default: the current folder)")
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="the day of the check (default: $SITEKIT_TODAY, else today)"
    )
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="language of the messages (default: $SITEKIT_LANG, else fr)"
    )
    return parser


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    try:
        lang = message_language(args.lang)
        today = build_date(args.today)
    except (MessageLanguageError, BuildDateError) as exc:
        print(f"new_campaign.py: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    base = (root or Path(args.root)).resolve()
    folder, folder_shown = campaigns_folder(base)
    target = folder / f"{args.year}.yml"
    shown = f"{folder_shown}/{args.year}.yml"
    if not 2000 <= args.year <= 2100:
        print(say(f"{args.year} is not a campaign year (write it with four digits, e.g. 2028)", lang), file=sys.stderr)
        return EXIT_USAGE
    if target.exists():
        following = next(year for year in range(args.year + 1, 2102) if not (folder / f"{year}.yml").exists())
        print(
            say(
                f"{shown} already exists: nothing was written, your file is kept as it is (add the year's actions "
                f"to it; to prepare the year after: make campaign YEAR={following})",
                lang,
            ),
            file=sys.stderr,
        )
        return EXIT_ERRORS
    template_file, template_shown = renames.shown(base, TEMPLATE, OLD_TEMPLATE)
    template = template_file.read_text(encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(campaign_text(template, args.year, today, template_shown), encoding="utf-8")
    try:
        load_campaign(target, shown, kit_folder_ids(base / "kits"))
    except ProblemsError as exc:
        print(format_problems(exc.problems, lang), file=sys.stderr)
        return EXIT_ERRORS
    print(say(f"{shown} written: a draft (status: brouillon), dates unknown, last checked {today.isoformat()}", lang))
    print(say("next: add the actions of each week, then build (make build) and preview (make preview DATE=...)", lang))
    return EXIT_OK
