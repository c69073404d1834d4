"""An establishment's own profile in one command (`make profile NAME=ch-valmont`, `sitekit-profile ch-valmont`):
profiles/<name>.yml copied from an example profile (examples/profiles/hopital.yml unless --from names another), its
logo beside it, and mkdocs.yml's `plugins: - sitekit: profile:` pointed at it, so that make build, make serve, make
preview and the validator all use it with nothing to repeat. A profile that exists already is kept as it is (only
mkdocs.yml is pointed at it)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from sitekit.core.plugin_options import CONFIG_FILE, with_profile
from sitekit.core.problems import ProblemsError, format_problems
from sitekit.i18n.messages import MessageLanguageError, catalogue, message_language
from sitekit.profile.model import load_profile

FOLDER = "profiles"  # the adopters' profiles (formerly profils/ in the guide)
EXAMPLES = "examples/profiles"
DEFAULT_EXAMPLE = "hopital"
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def say(text: str, lang: str) -> str:
    """A line of this command's output in the author's language (sitekit.i18n.messages)."""
    return catalogue().translate(text, lang)


def profile_text(example: str, example_shown: str, logo_from: str, logo_to: str) -> str:
    """The example profile's text as the establishment's own: a header saying where it comes from, the example's
    logo line pointing at the copied logo; every value still the example's, to replace."""
    header = (
        f"# This establishment's profile, copied from {example_shown} by make profile; mkdocs.yml names it\n"
        "# (plugins: - sitekit: profile:). Every value below is still the example's, fictitious: replace each one\n"
        f"# (validate.py --publish names each one left), and the logo {logo_to}. Keys: see data/profile.yml.\n\n"
    )
    lines = example.splitlines(keepends=True)
    while lines and lines[0].lstrip().startswith("#"):
        lines.pop(0)  # the example's own header (how to use the example)
    body = re.sub(
        rf"^(\s*logo:\s*){re.escape(logo_from)}(\s*#.*)?$",  # a comment kept (the examples mark « # fictif »)
        rf"\g<1>{logo_to}\g<2>",
        "".join(lines).lstrip("\n"),
        flags=re.MULTILINE,
    )
    return header + body


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="new_profile.py", description=__doc__)
    parser.add_argument("name", help="the profile's name: lower-case letters, digits and hyphens, e.g. ch-valmont")
    parser.add_argument(
        "--from", dest="example", default=DEFAULT_EXAMPLE, help=f"the example to start from (default {DEFAULT_EXAMPLE})"
    )
    parser.add_argument("--root", help="project root (default: the current folder)")
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="language of the messages (default: $SITEKIT_LANG, else fr)"
    )
    return parser


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    try:
        lang = message_language(args.lang)
    except MessageLanguageError as exc:
        print(f"new_profile.py: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    base = (Path(args.root) if args.root else root or Path.cwd()).resolve()
    name = args.name.strip()
    if not NAME.fullmatch(name):
        print(
            say(f"{name!r} is not a profile name (lower-case letters, digits and hyphens, e.g. ch-valmont)", lang),
            file=sys.stderr,
        )
        return EXIT_USAGE
    examples = sorted(p.stem for p in (base / EXAMPLES).glob("*.yml"))
    if args.example not in examples:
        print(say(f"no example profile {args.example!r} (choose one of: {', '.join(examples)})", lang), file=sys.stderr)
        return EXIT_USAGE
    shown = f"{FOLDER}/{name}.yml"
    target = base / shown
    if target.exists():
        print(say(f"{shown} already exists: it is kept as it is", lang))
    else:
        logo = _copy_example(base, args.example, name)
        print(say(f"{shown} written from {EXAMPLES}/{args.example}.yml, with its logo {logo}", lang))
    config = base / CONFIG_FILE
    text = config.read_text(encoding="utf-8") if config.is_file() else ""
    updated = with_profile(text, shown)
    if updated is None:
        print(
            say(
                f"{CONFIG_FILE} has no entry - sitekit: with its options under plugins: (write the line profile: "
                f"{shown} under it)",
                lang,
            ),
            file=sys.stderr,
        )
        return EXIT_ERRORS
    if updated != text:
        config.write_text(updated, encoding="utf-8")
    print(say(f"{CONFIG_FILE}: the site is now built from {shown} (plugins: - sitekit: profile:)", lang))
    try:
        load_profile(target, shown, base)
    except ProblemsError as exc:
        print(format_problems(exc.problems, lang), file=sys.stderr)
        return EXIT_ERRORS
    print(
        say(
            f"next: replace every value of {shown} and the logo, then make serve to see the site, make build to "
            "build it, and .venv/bin/python scripts/validate.py --publish --site site before publishing",
            lang,
        )
    )
    return EXIT_OK


def _copy_example(base: Path, example: str, name: str) -> str:
    """profiles/<name>.yml and its logo from the example `example` (a logo of the same kind, .svg or .png)."""
    example_file = base / EXAMPLES / f"{example}.yml"
    text = example_file.read_text(encoding="utf-8")
    found = re.search(r"^\s*logo:\s*([^\s#]+)\s*(?:#.*)?$", text, flags=re.MULTILINE)
    logo_from = found[1] if found else ""
    suffix = Path(logo_from).suffix or ".svg"
    logo_to = f"{FOLDER}/{name}{suffix}"
    (base / FOLDER).mkdir(parents=True, exist_ok=True)
    if logo_from and (base / logo_from).is_file() and not (base / logo_to).exists():
        (base / logo_to).write_bytes((base / logo_from).read_bytes())
    (base / FOLDER / f"{name}.yml").write_text(
        profile_text(text, f"{EXAMPLES}/{example}.yml", logo_from, logo_to), encoding="utf-8"
    )
    return logo_to
