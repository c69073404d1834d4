"""What readers see of the kits: the catalogue, one page per kit, and the archive's README and licence texts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from sitekit.cache import OutputCache
from sitekit.dates import format_day
from sitekit.generated import generated_note
from sitekit.i18n import LANGUAGES, Strings
from sitekit.kits.model import Audience, Kit, Role, Theme, review_due
from sitekit.kits.package import INDEX, KitBuild, build_kit, poster_of, preview_path
from sitekit.paths import KIT_CATALOGUE, kit_page_path, kit_page_url, link, relative_url
from sitekit.profile.printed import ProfileStamp
from sitekit.templating import TemplateRenderer

FILTER_SCRIPT = "assets/javascripts/kits-filter.js"
GENERATED_NOTE = generated_note("kits/<id>/kit.yml", "hook_kits.py")

_CODE_STRINGS = (
    *(f"kits.audience.{a.value}" for a in Audience),
    *(f"kits.theme.{t.value}" for t in Theme),
    *(f"kits.role.{r.value}" for r in Role),
    *(f"kits.lang.{lang}" for lang in LANGUAGES),
    "kits.size.bytes",
    "kits.size.kb",
    "kits.size.mb",
    "kits.preview.alt",
    "kits.pdf.scan",
    "kits.pdf.edition",
    "kits.pdf.licence",
    "kits.readme.published_by",
)


def human_size(size: int, lang: str, strings: Strings) -> str:
    """'850 octets', '12,4 Ko', '1,2 Mo'; '850 bytes', '12.4 kB', '1.2 MB'."""
    if size < 1024:
        return strings.get("kits.size.bytes", lang).format(n=format_decimal(size, locale=lang))
    if size < 1024 * 1024:
        return strings.get("kits.size.kb", lang).format(n=format_decimal(round(size / 1024, 1), locale=lang))
    return strings.get("kits.size.mb", lang).format(n=format_decimal(round(size / 1024 / 1024, 1), locale=lang))


@dataclass(frozen=True)
class Label:
    value: str
    text: str


@dataclass(frozen=True)
class FileView:
    path: str
    role: str
    lang: str
    format: str
    size: str
    href: str | None


@dataclass(frozen=True)
class KitView:
    """One kit as a template shows it, in one language, from one page."""

    kit: Kit
    title: str
    summary: str
    href: str
    audiences: tuple[Label, ...]
    themes: tuple[Label, ...]
    archive_href: str
    archive_name: str
    sha256: str
    size: str
    version: str
    last_review_iso: str
    last_review: str
    review_due_iso: str
    review_due: str
    licence: str
    preview_href: str
    preview_alt: str
    files: tuple[FileView, ...]


class KitsRenderer(TemplateRenderer):
    """Renders the kits' Markdown and HTML fragments from the Jinja templates in one folder."""

    string_prefix, code_strings = "kits", _CODE_STRINGS
    generated_note = GENERATED_NOTE

    def __init__(self, templates: Path, strings: Strings):
        # The archive's README and licence are plain text: escape only what goes into pages.
        super().__init__(templates, strings, autoescape=lambda name: not (name or "").startswith("archive-"))

    def text(self, key: str, lang: str) -> str:
        return self.strings.get(key, lang)

    def view(self, build: KitBuild, lang: str, page_url: str) -> KitView:
        kit, s = build.kit, self.strings
        poster = poster_of(kit, lang)
        alt = s.get("kits.preview.alt", lang).format(
            role=s.get(f"kits.role.{poster.role.value}", lang).lower(),
            title=build.poster_titles.get(lang, kit.title[lang]),
        )
        files = tuple(
            FileView(
                e.path,
                s.get(f"kits.role.{e.role}", lang),
                s.get(f"kits.lang.{e.lang}", lang),
                e.format.upper(),
                human_size(e.size, lang, s),
                relative_url(e.href, page_url) if e.href else None,
            )
            for e in build.entries
        )
        return KitView(
            kit=kit,
            title=kit.title[lang],
            summary=kit.summary[lang],
            href=relative_url(kit_page_path(kit.id, lang), page_url),
            audiences=tuple(Label(a.value, s.get(f"kits.audience.{a.value}", lang)) for a in kit.audiences),
            themes=tuple(Label(t.value, s.get(f"kits.theme.{t.value}", lang)) for t in kit.themes),
            archive_href=relative_url(build.archive_path, page_url),
            archive_name=build.archive_path.rsplit("/", 1)[-1],
            sha256=build.sha256,
            size=human_size(build.size, lang, s),
            version=kit.version,
            last_review_iso=kit.last_review.isoformat(),
            last_review=format_day(kit.last_review, lang),
            review_due_iso=review_due(kit).isoformat(),
            review_due=format_day(review_due(kit), lang),
            licence=kit.licence,
            preview_href=relative_url(preview_path(kit, lang), page_url),
            preview_alt=alt,
            files=files,
        )

    def catalogue(self, builds: list[KitBuild], lang: str, page_url: str) -> str:
        views = [self.view(b, lang, page_url) for b in builds]
        used_audiences = [a for a in Audience if any(a in b.kit.audiences for b in builds)]
        used_themes = [t for t in Theme if any(t in b.kit.themes for b in builds)]
        return self._render(
            "catalogue.md",
            lang,
            kits=views,
            audiences=[Label(a.value, self.text(f"kits.audience.{a.value}", lang)) for a in used_audiences],
            themes=[Label(t.value, self.text(f"kits.theme.{t.value}", lang)) for t in used_themes],
            json_href=relative_url(INDEX, page_url),
        )

    def kit_page(self, build: KitBuild, lang: str, page_url: str) -> str:
        return self._render(
            "kit.md",
            lang,
            view=self.view(build, lang, page_url),
            catalogue_href=link(KIT_CATALOGUE, lang, page_url),
        )

    def kit_stub(self, kit: Kit, lang: str) -> str:
        return self._stub("kit-stub.md", lang, kit=kit)

    def archive_readme(self, kit: Kit, site_url: str = "", stamp: ProfileStamp | None = None) -> str:
        """README of the archive, French then English (the same archive serves both languages); with the
        establishment's `stamp`, who publishes the kit and where its page is."""
        parts = []
        for lang in LANGUAGES:
            files = []
            for file in kit.files:
                role, in_lang = (
                    self.text(f"kits.role.{file.role.value}", lang),
                    self.text(f"kits.lang.{file.lang.value}", lang),
                )
                files.append((file.path, role, in_lang))
                if file.printable:
                    files.append((file.pdf_name, f"{role} (PDF)", in_lang))
            parts.append(
                self._render(
                    "archive-readme.md",
                    lang,
                    kit=kit,
                    files=files,
                    last_review=format_day(kit.last_review, lang),
                    review_due=format_day(review_due(kit), lang),
                    published_by=self.text("kits.readme.published_by", lang).format(
                        name=stamp.contact(lang).name, url=kit_page_url(kit.id, lang, site_url)
                    )
                    if stamp
                    else "",
                )
            )
        return "\n---\n\n".join(parts)

    def archive_licence(self, kit: Kit) -> str:
        overrides = [f for f in kit.files if f.licence]
        return self._render("archive-licence.txt", "fr", kit=kit, overrides=overrides)


def build_kits(
    kits: Sequence[Kit],
    renderer: KitsRenderer,
    site_url: str,
    stamp: ProfileStamp | None = None,
    cache: OutputCache | None = None,
) -> list[KitBuild]:
    """Every kit printed and packed (PDFs, previews, archive), as the build publishes them (with the
    establishment's contact block and values when `stamp` is given); what `cache` holds is not made again."""
    return [
        build_kit(
            kit,
            site_url,
            renderer.text,
            format_day,
            renderer.archive_readme(kit, site_url, stamp),
            renderer.archive_licence(kit),
            stamp,
            cache,
        )
        for kit in kits
    ]
