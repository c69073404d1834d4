"""What printed and packed kit files take from the profile: the contact block of posters and reflex sheets, and
the kit sources with their profile markers filled in (plain text).

The printer (sitekit.kits.printing) reads the contact block and nothing else of the profile: a new poster layout
only has to draw a ContactBlock.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from sitekit.core.problems import Problem
from sitekit.i18n.strings import Strings
from sitekit.kits.model import Kit
from sitekit.profile.colour import RGB, derive_palette
from sitekit.profile.model import Profile
from sitekit.profile.names import fill_name
from sitekit.profile.values import Renderer, fill, is_missing, unknown_key_problems

# (label string key, profile key) of each line of the contact block, in order.
CONTACT_LINES = (
    ("profile.print.it_support", "contacts.it_support"),
    ("profile.print.on_call", "contacts.on_call.phone"),
    ("profile.print.rssi", "contacts.rssi"),
)


@dataclass(frozen=True)
class ContactBlock:
    """The establishment as a printed page shows it: name, logo, colours and whom to call."""

    name: str
    logo: Path  # an SVG or PNG file
    title: str  # e.g. "Qui prévenir ?"
    lines: tuple[tuple[str, str], ...]  # (label, value), a value to complete written as such
    phone: str  # the IT support's number, printed large (the first line's label names it)
    phone_details: str  # the rest of the first line: e-mail and hours
    phone_missing: bool  # the number is still to be completed (printed small, as the placeholder it is)
    band: RGB  # band and title colour on paper (white text on it and it on white: WCAG AA)
    heading: RGB  # headings on paper
    article: str | None = None  # the name's article (le, la, l', les), None while unknown

    def name_in(self, text: str, lang: str) -> str:
        """A string whose `{name}` is the establishment's, in the form its French sentence needs."""
        return fill_name(text, self.name, self.article, lang)


@dataclass(frozen=True)
class ProfileStamp:
    """The profile as kit files use it, in one language at a time."""

    profile: Profile
    strings: Strings

    def fill(self, text: str, path: str, lang: str) -> str:
        """A kit source with its profile markers replaced by plain-text values."""
        return fill(text, path, lang, Renderer(self.profile, self.strings, markdown=False))

    def source_problems(self, kit: Kit) -> list[Problem]:
        """Profile markers of the kit's Markdown sources that name no profile key."""
        folder = PurePosixPath(kit.display_path).parent
        return [
            problem
            for file, text in kit.markdown_texts()
            for problem in unknown_key_problems(text, str(folder / file.path), self.profile)
        ]

    def contact(self, lang: str) -> ContactBlock:
        renderer = Renderer(self.profile, self.strings, markdown=False)
        palette = derive_palette(self.profile.data.establishment.colour)
        details = [renderer.value(f"contacts.it_support.{key}", lang) for key in ("email", "hours")]
        return ContactBlock(
            name=renderer.value("establishment.name", lang),
            logo=self.profile.logo_file,
            title=self.strings.get("profile.print.title", lang),
            lines=tuple((self.strings.get(label, lang), renderer.value(key, lang)) for label, key in CONTACT_LINES),
            phone=renderer.value("contacts.it_support.phone", lang),
            phone_details=" · ".join(details),
            phone_missing=is_missing(self.profile, "contacts.it_support.phone"),
            band=palette.print_band,
            heading=palette.print_heading,
            article=renderer.article("establishment.name"),
        )

    def fingerprint(self) -> str:
        """What the printed files depend on, for caches: the profile's values and its logo's bytes."""
        logo = hashlib.sha256(self.profile.logo_file.read_bytes()).hexdigest()
        return f"{self.profile.data.model_dump_json()} {logo}"
