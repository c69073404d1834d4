"""What the site shows of the profile besides its markers: the home page's block, the palette stylesheet."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from markupsafe import Markup, escape

from sitekit.i18n.strings import Strings
from sitekit.kits.model import Audience, Kit
from sitekit.pages.generated import generated_note
from sitekit.profile.colour import Palette, derive_palette
from sitekit.profile.model import Kind, Profile, is_placeholder
from sitekit.profile.values import Renderer, lookup
from sitekit.site.templating import TemplateRenderer

PALETTE_CSS = "assets/stylesheets/profil.css"  # written by the build, after site.css
LOGO = "assets/images/etablissement"  # + .svg or .png: the header's logo and the favicon
HOME_MARKER = "profile-home"
STAFF_HOME = "staff-home.md"  # the home page of a named establishment's site, in place of docs/index.md


def logo_path(profile: Profile) -> str:
    return LOGO + profile.logo_file.suffix.lower()


def medico_social_first(kits: Sequence[Kit], kind: Kind) -> list[Kit]:
    """The kits in catalogue order: for a médico-social establishment, the kits for its sector first, those written
    first for it (médico-social their first audience) before those that also address it."""
    if kind is not Kind.MEDICO_SOCIAL:
        return list(kits)
    return sorted(
        kits,
        key=lambda kit: (Audience.MEDICO_SOCIAL not in kit.audiences, kit.audiences[0] is not Audience.MEDICO_SOCIAL),
    )


class ProfileRenderer(TemplateRenderer):
    """Renders the home page's establishment block and the palette stylesheet from overrides/partials/profile/."""

    string_prefix = "profile"
    code_strings = ("profile.missing", "profile.to_confirm", *(f"profile.kind.{k.value}" for k in Kind))

    def __init__(self, templates: Path, strings: Strings, profile: Profile):
        super().__init__(templates, strings, autoescape=lambda name: not (name or "").endswith(".css"))
        self.profile = profile
        self.values = Renderer(profile, strings, markdown=True)
        self.palette: Palette = derive_palette(profile.data.establishment.colour)

    def value(self, key: str, lang: str) -> Markup:
        """A profile value as Markdown, already escaped by the value renderer."""
        return Markup(self.values.value(key, lang))  # md_escape made it safe

    def name_in(self, key: str, lang: str, name_key: str = "establishment.name") -> Markup:
        """The interface string `key` with the establishment's name (at `name_key`) in the form its sentence needs,
        as Markdown: the string HTML-escaped as autoescape would, the name escaped by the value renderer."""
        return Markup(self.values.name_in(str(escape(self.strings.get(key, lang))), lang, name_key))

    def _context(self, kits: Sequence[Kit], lang: str) -> dict[str, object]:
        """What both home pages show of the profile: the sector's kits first for a médico-social establishment."""
        return {
            "medico_social": self.profile.kind is Kind.MEDICO_SOCIAL,
            "kits": [kit for kit in kits if Audience.MEDICO_SOCIAL in kit.audiences],
            "value": lambda key: self.value(key, lang),
        }

    def home(self, kits: Sequence[Kit], lang: str) -> str:
        return self._render("home.md", lang, **self._context(kits, lang), name_in=lambda key: self.name_in(key, lang))

    def staff_home(self, kits: Sequence[Kit], lang: str) -> str:
        """The home page's Markdown for the staff of a named establishment: the numbers to call first, then what is
        current (markers the calls, news and campaigns features fill), then the everyday pages."""
        short = self.profile.data.establishment.short_name
        name_key = "establishment.short_name" if not is_placeholder(short) else "establishment.name"
        return self._render(
            STAFF_HOME,
            lang,
            **self._context(kits, lang),
            filled=lambda key: not is_placeholder(lookup(self.profile, key)),
            title=self.name_in("profile.staff.title", lang, name_key),
        )

    def stylesheet(self) -> str:
        note = generated_note(self.profile.path, "profile")
        return self._render("palette.css", "fr", palette=self.palette, note=note)
