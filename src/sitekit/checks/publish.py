"""Ready to go live? Values still to complete in the profile, pages, kits and data; a site address on an example
or reserved domain; a value of the profile that is fictitious (an e-mail address or URL on an example or reserved
domain, a phone number in a range reserved for fiction, an example profile's invented names, numbers and logo:
the marks are listed in fictitious.yml, beside this module); a built site made from another profile.

Warnings while the site is a preview (`make build` of the demo passes); errors with `validate.py --publish`.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel

from sitekit.campaigns.model import campaigns_folder
from sitekit.core.problems import Level, Problem
from sitekit.core.yamlfile import Location, YamlDocument, dotted
from sitekit.pages.markdown import MarkdownPage
from sitekit.profile.model import PLACEHOLDER, Profile, is_placeholder
from sitekit.profile.values import UnknownKey, is_missing, marker_keys
from sitekit.project import Project

# Words that mark a text as waiting for the establishment (« [à compléter …] »), in both languages.
PLACEHOLDER_WORDS = re.compile(r"à\s+compléter|to\s+be\s+completed|to\s+be\s+filled\s+in", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`[^`]*`")
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)"')
# Data files whose texts are published (interface strings hold the placeholder's own wording: not scanned); the
# campaigns' folder, data/campaigns (or data/campagnes, its former name), is scanned too (`_data_files`).
DATA_TEXTS = ("data/calls.yml", "data/criteria.yml", "data/authors.yml")
EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
RESERVED_SUFFIXES = (".test", ".example", ".invalid", ".localhost", ".local")
FICTITIOUS_FILE = Path(__file__).with_name("fictitious.yml")  # what marks a profile value as fictitious

_URL = re.compile(r"https?://[^\s<>\"'()]+", re.IGNORECASE)
_EMAIL = re.compile(r"[^@\s<>\"'(),;:]+@([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)")
# A French number in a text: 0 or +33, then nine digits (separated by spaces, dots or hyphens, or not).
_FRENCH_PHONE = re.compile(r"(?<![\w+])(?:\+33|0)[\s.\-]*([1-9](?:[\s.\-]*\d){8})(?!\d)")


def reserved_host(url: str) -> str:
    """Why the host of `url` cannot be a public site ('' when it can)."""
    return reserved_name(urlsplit(url).hostname or "")


def reserved_name(host: str) -> str:
    """Why `host` (a domain name or an IP address) cannot be published ('' when it can)."""
    host = host.lower().rstrip(".")
    if host in ("localhost", "") or host.endswith(RESERVED_SUFFIXES):
        return f"{host or 'no host'} is a reserved test name"
    if any(host == d or host.endswith("." + d) for d in EXAMPLE_DOMAINS):
        return f"{host} is an example domain"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ""
    return f"{host} is not a public address" if not address.is_global else ""


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
        out += _site_problems(profile, site_dir, site_shown)
    return [Problem(p.path, p.line, p.field, p.message, p.fix, level) for p in out]


def _profile_problems(profile: Profile, root: Path) -> list[Problem]:
    out = [
        Problem(
            profile.path,
            profile.line(key),
            key,
            f"still « {PLACEHOLDER} »",
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
    return out + _fictitious_problems(profile, root, skip={("site", "url")} if why else set())


# --- fictitious values -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FictitiousMarks:
    """What marks a value as fictitious (fictitious.yml): phone ranges, words and values, example logos."""

    phone_ranges: tuple[str, ...]  # the first six digits of each range reserved for fiction, e.g. "019900"
    words: re.Pattern[str]  # a word or an example's invented value, as a whole word, any case
    logos: tuple[str, ...]  # the example logos, from the project's root


@cache
def fictitious_marks() -> FictitiousMarks:
    """The marks of fictitious.yml, read once per process (a file of the package: its test checks it loads)."""
    data = yaml.safe_load(FICTITIOUS_FILE.read_text(encoding="utf-8"))
    ranges = tuple(re.sub(r"\D", "", prefix) for prefix in data["phone_ranges"])
    marked = [*data["words"], *(entry["text"] for entry in data["values"])]
    words = re.compile(r"\b(?:" + "|".join(map(re.escape, marked)) + r")\b", re.IGNORECASE)
    return FictitiousMarks(ranges, words, tuple(data["logos"]))


def profile_texts(model: BaseModel, location: Location = ()) -> Iterator[tuple[Location, str]]:
    """(location, text) of every text of the profile, list items and both languages of a text included."""
    for name in type(model).model_fields:
        yield from _texts_of(getattr(model, name), (*location, name))


def _texts_of(value: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(value, BaseModel):
        yield from profile_texts(value, location)
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _texts_of(item, (*location, index))
    elif isinstance(value, str) and not isinstance(value, Enum):  # an Enum (the kind) is a choice, not a text
        yield location, value


def fictitious_reason(text: str) -> str:
    """Why a profile's text is fictitious ('' when nothing marks it): the first of an address on an example or
    reserved domain, a phone number in a range reserved for fiction, a word or value of fictitious.yml."""
    for match in _URL.finditer(text):
        if why := reserved_host(match[0]):
            return f"{match[0]} cannot be published: {why}"
    for match in _EMAIL.finditer(text):
        if why := reserved_name(match[1]):
            return f"{match[0]} cannot be published: {why}"
    marks = fictitious_marks()
    for match in _FRENCH_PHONE.finditer(text):
        digits = "0" + re.sub(r"\D", "", match[1])
        if digits[:6] in marks.phone_ranges:
            prefix = " ".join(digits[i : i + 2] for i in (0, 2, 4))
            return f"{match[0].strip()} is in a range reserved for fiction ({prefix} xx xx): it rings no one"
    # In a URL only its host is read: a real page's path may hold any word.
    if found := marks.words.search(_URL.sub(lambda m: urlsplit(m[0]).hostname or "", text)):
        return f"« {found[0]} » marks an invented value of an example profile"
    return ""


def _fictitious_problems(profile: Profile, root: Path, skip: set[Location]) -> list[Problem]:
    """One problem per fictitious text of the profile (`skip`: locations reported otherwise), and the logo when it
    is an example profile's."""
    doc = YamlDocument(profile.path, None, profile.lines)
    out: list[Problem] = []
    for location, text in profile_texts(profile.data):
        if location in skip or is_placeholder(text):
            continue
        why = fictitious_reason(text)
        if not why:
            continue
        if " cannot be published: " in why:
            fix = "write the establishment's own address: an example or reserved domain reaches no one"
        elif " reserved for fiction " in why:
            fix = "write the establishment's real number (the example profiles' numbers are invented)"
        else:
            fix = "write the establishment's own value: the example profiles' names, addresses and numbers are invented"
        out.append(Problem(profile.path, doc.line(location), dotted(location), why, fix))
    logo = profile.logo_file.read_bytes() if profile.logo_file.is_file() else b""
    for example in fictitious_marks().logos:
        if logo and (root / example).is_file() and (root / example).read_bytes() == logo:
            out.append(
                Problem(
                    profile.path,
                    profile.line("establishment.logo"),
                    "establishment.logo",
                    f"the logo is an example profile's ({example})",
                    "give the path of the establishment's own logo (SVG or PNG)",
                )
            )
            break
    return sorted(out, key=lambda p: p.line)


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


def _site_problems(profile: Profile, site_dir: Path, shown: str) -> list[Problem]:
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
                    f"build again with the same profile (SITEKIT_PROFILE={profile.path} make build)",
                )
            )
    return out
