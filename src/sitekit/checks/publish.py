"""Ready to go live? Values still to complete in the profile, pages, kits and data; a site address on an example
or reserved domain; a value of the profile that is fictitious (fictitious.py: an e-mail address or URL on an example
or reserved domain, a phone number in a range reserved for fiction, an example profile's invented names, numbers
and logo); a built site made from another profile.

Warnings while the site is a preview (`make build` of the demo passes); errors with `validate.py --publish`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from sitekit.campaigns.model import campaigns_folder
from sitekit.checks.fictitious import fictitious_problems, reserved_host
from sitekit.core.problems import Level, Problem
from sitekit.pages.markdown import MarkdownPage
from sitekit.profile.model import PLACEHOLDER, Profile, is_placeholder
from sitekit.profile.stamp import build_command
from sitekit.profile.values import UnknownKey, is_missing, marker_keys
from sitekit.project import Project

# Words that mark a text as waiting for the establishment (« [à compléter …] »), in both languages.
PLACEHOLDER_WORDS = re.compile(r"à\s+compléter|to\s+be\s+completed|to\s+be\s+filled\s+in", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`[^`]*`")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
# Data files whose texts are published (interface strings hold the placeholder's own wording: not scanned); the
# campaigns' folder, data/campaigns (or data/campagnes, its former name), is scanned too (`_data_files`).
DATA_TEXTS = ("data/calls.yml", "data/criteria.yml", "data/authors.yml")
MESSAGE_TO_COMPLETE = f"still « {PLACEHOLDER} »"  # a value of the profile not filled in yet


def publish_problems(
    project: Project,
    pages: Sequence[MarkdownPage],
    root: Path,
    publish: bool,
    site_dir: Path | None = None,
    site_shown: str = "site",
) -> list[Problem]:
    """Everything that keeps the site from going live; errors when `publish`, else warnings."""
    profile = project.profile
    if profile is None:
        return []  # the profile did not load: the data check reports why
    level = Level.ERROR if publish else Level.WARNING
    out = [*_profile_problems(profile, root), *_page_problems(profile, pages), *_kit_problems(project, root)]
    out += _data_problems(root)
    if site_dir is not None:
        out += _site_problems(profile, site_dir, site_shown, root)
    return [Problem(p.path, p.line, p.field, p.message, p.fix, level) for p in out]


def _profile_problems(profile: Profile, root: Path) -> list[Problem]:
    out = [
        Problem(
            profile.path,
            profile.line(key),
            key,
            MESSAGE_TO_COMPLETE,
            "write the establishment's value (the keys are described at the top of data/profile.yml)",
        )
        for key in profile.missing()
    ]
    establishment = profile.data.establishment
    if establishment.article is None and not is_placeholder(establishment.name):
        out.append(
            Problem(
                profile.path,
                profile.line("establishment.name"),
                "establishment.article",
                "the name's article is missing: pages print the name without it",
                "add the key article (le, la, l' or les) under establishment: (« publié par le Centre hospitalier… »)",
            )
        )
    why = reserved_host(profile.site_url)
    if why:
        out.append(
            Problem(
                profile.path,
                profile.line("site.url"),
                "site.url",
                f"{profile.site_url} cannot be the public site: {why}",
                "write the https address where the site will be published; canonical links, feeds and QR codes use it",
            )
        )
    # The site's address on a reserved domain is told once, above.
    return out + fictitious_problems(profile, root, skip=frozenset({("site", "url")}) if why else frozenset())


def _text_problems(path: str, lines: Sequence[tuple[int, str]], profile: Profile) -> list[Problem]:
    """Placeholder words left in a text, and profile markers whose value is still to complete."""
    out: list[Problem] = []
    for number, text in lines:
        visible = _CODE_SPAN.sub("", text)
        if match := PLACEHOLDER_WORDS.search(visible):
            out.append(
                Problem(
                    path,
                    number,
                    "",
                    f"placeholder left: « {match[0]} »",
                    "write the establishment's text, or a profile marker such as <!-- profile:contacts.it_support -->",
                )
            )
    for number, key in marker_keys("\n".join(text for _, text in lines)):
        try:
            missing = is_missing(profile, key)
        except UnknownKey:
            continue  # stops the build, with its line
        if missing:
            line = lines[number - 1][0]
            out.append(
                Problem(
                    path,
                    line,
                    f"profile:{key}",
                    f"needs {key}, not filled in yet",
                    f"write it in {profile.path}",
                )
            )
    return out


def _page_problems(profile: Profile, pages: Sequence[MarkdownPage]) -> list[Problem]:
    return [p for page in pages for p in _text_problems(page.path, page.prose_lines(), profile)]


def _kit_problems(project: Project, root: Path) -> list[Problem]:
    assert project.profile is not None
    out: list[Problem] = []
    for kit in project.kits:
        for file, text in kit.markdown_texts():
            shown = f"{Path(kit.display_path).parent.as_posix()}/{file.path}"
            out += _text_problems(shown, list(enumerate(text.splitlines(), start=1)), project.profile)
    return out


def _data_files(root: Path) -> list[Path]:
    """The data files whose texts are published: DATA_TEXTS and every campaign file."""
    files = [root / name for name in DATA_TEXTS if (root / name).is_file()]
    campaigns, _ = campaigns_folder(root)
    return files + (sorted(campaigns.glob("*.yml")) if campaigns.is_dir() else [])


def _data_problems(root: Path) -> list[Problem]:
    out: list[Problem] = []
    for file in _data_files(root):
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the data check reports it
        numbered = [(n, t) for n, t in enumerate(lines, start=1) if not t.lstrip().startswith("#")]
        shown = file.relative_to(root).as_posix()
        out += [
            Problem(shown, n, "", f"placeholder left: « {m[0]} »", "write the text the site should show")
            for n, t in numbered
            if (m := PLACEHOLDER_WORDS.search(t))
        ]
    return out


def _site_problems(profile: Profile, site_dir: Path, shown: str, root: Path) -> list[Problem]:
    """The built site: made from this profile (its canonical address), with no value left to complete."""
    out: list[Problem] = []
    index = site_dir / "index.html"
    if index.is_file():
        html = index.read_text(encoding="utf-8", errors="replace")
        match = _CANONICAL.search(html)
        if match and not match[1].startswith(profile.site_url):
            out.append(
                Problem(
                    f"{shown}/index.html",
                    html[: match.start()].count("\n") + 1,
                    "",
                    f"built for {match[1]}, but {profile.path} says {profile.site_url}",
                    f"build the site again from this profile ({build_command(root, profile.path)})",
                )
            )
    return out
