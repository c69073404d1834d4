"""What readers see of the kits: the catalogue, one page per kit, and the archive's README and licence texts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal
from markupsafe import Markup

from sitekit.core.dates import ShownDay, format_day, shown_day
from sitekit.core.problems import Problem, ProblemsError
from sitekit.core.typography import FRENCH, french_html
from sitekit.i18n.strings import LANGUAGES, Strings
from sitekit.kits.artwork import PrintArt
from sitekit.kits.formats import FORMATS, Format, alt_name, formats_of, output_name
from sitekit.kits.model import Audience, Kit, Role, Theme, review_due
from sitekit.kits.package import (
    INDEX,
    NO_QUIZ,
    PICTOGRAM_FOLDER,
    KitBuild,
    Made,
    QuizFiles,
    build_kit,
    poster_of,
    preview_path,
)
from sitekit.kits.pictograms import Pictograms
from sitekit.kits.printable import PrintInfo
from sitekit.kits.printdoc import PrintDoc
from sitekit.kits.printing import Store, no_store
from sitekit.kits.quizview import QUIZ_SCRIPT, QuizView, pdf_name, printable_name, quiz_view
from sitekit.kits.scorm import LAUNCH, MANIFEST, SCHEMA_FILES, SCRIPT, STYLESHEET, manifest
from sitekit.pages.generated import generated_note
from sitekit.profile.printed import ProfileStamp
from sitekit.site.paths import KIT_CATALOGUE, kit_page_path, kit_page_url, relative_url
from sitekit.site.templating import TemplateRenderer

FILTER_SCRIPT = "assets/javascripts/kits-filter.js"
GENERATED_NOTE = generated_note("kits/<id>/kit.yml", "kits")

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
    "kits.readme.pictogram",
    "kits.readme.alt_file",
    "kits.format.thumb_alt",
    "kits.print.pictogram_alt",
    *(f"kits.print.kicker.{role.value}" for role in FORMATS),
    *(f"kits.format.{fmt.id}" for formats in FORMATS.values() for fmt in formats),
    *(f"kits.format.use.{fmt.id}" for formats in FORMATS.values() for fmt in formats if not fmt.is_pdf),
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
    """A value the filters use (an audience, a theme) and its words in the page's language."""

    value: str
    text: str


@dataclass(frozen=True)
class FileView:
    """One source file of the kit, as the table of its files lists it (href: None when it is not published)."""

    path: str
    role: str
    lang: str
    format: str
    size: str
    href: str | None


@dataclass(frozen=True)
class Download:
    """One file of a format card: "A4 (PDF, 210 × 297 mm, 120 Ko)"."""

    label: str
    href: str
    media: str
    dimensions: str
    size: str


@dataclass(frozen=True)
class FormatCard:
    """One design of a poster or sheet on the kit page: its picture, its files, a picture's alternative text."""

    title: str
    use: str  # what a screen picture is for ('' for print)
    thumb_href: str
    thumb_width: int  # CSS pixels (half the picture's)
    thumb_height: int
    thumb_alt: str
    downloads: tuple[Download, ...]
    alt: str


@dataclass(frozen=True)
class Picture:
    """A picture as a page shows it: its address from the page and its text alternative."""

    href: str
    alt: str


@dataclass(frozen=True)
class Archive:
    """A kit's archive as a page links it: its address from the page, file name, checksum and size in words."""

    href: str
    name: str
    sha256: str
    size: str


@dataclass(frozen=True)
class QuizLink:
    """A file made from the quiz as the kit page links it: its address from the page, words, checksum."""

    href: str
    label: str
    name: str
    size: str
    sha256: str


@dataclass(frozen=True)
class KitView:
    """One kit as a template shows it, in one language, from one page."""

    kit: Kit
    title: str
    summary: str
    href: str
    audiences: tuple[Label, ...]
    themes: tuple[Label, ...]
    archive: Archive
    version: str
    last_review: ShownDay
    review_due: ShownDay
    licence: str
    preview: Picture  # the first poster's preview
    files: tuple[FileView, ...]
    formats: tuple[FormatCard, ...]
    quiz: Markup | None = None  # the quiz's form, None when the kit has no quiz
    quiz_links: tuple[QuizLink, ...] = ()
    quiz_script: str = ""  # the quiz script's address from the page


_MARKUP = re.compile(r"(<[^>]*>)")
# An article of a code, "R.4127-4", "L. 1110-4": the page breaks no line inside it (the layout would after "R.").
_REFERENCE = re.compile(r"(?<![\w.])([LRD]\.[\s\u00a0\u202f]?\d+(?:-\d+)*)")


def keep_references_whole(html: str) -> str:
    """A printed page's HTML with each article reference of its body's text kept on one line."""
    head, body = html.split("<body", 1) if "<body" in html else ("", html)
    parts = _MARKUP.split(body)
    for index in range(0, len(parts), 2):  # the text between tags
        parts[index] = _REFERENCE.sub(r'<span class="keep">\1</span>', parts[index])
    return head + ("<body" if head else "") + "".join(parts)


class KitsRenderer(TemplateRenderer):
    """Renders the kits' Markdown and HTML fragments from the Jinja templates in one folder."""

    string_prefix, code_strings = "kits", _CODE_STRINGS
    generated_note = GENERATED_NOTE

    def __init__(self, templates: Path, strings: Strings):
        # The archive's README and licence are plain text: escape only what goes into pages.
        super().__init__(templates, strings, autoescape=lambda name: not (name or "").startswith("archive-"))
        self.templates = templates

    def text(self, key: str, lang: str) -> str:
        return self.strings.get(key, lang)

    @property
    def print_css(self) -> Path:
        """The design of the printed pages and screen pictures."""
        return self.templates / "print" / "print.css"

    def print_html(
        self, doc: PrintDoc, info: PrintInfo, fmt: Format, fit: float, art: PrintArt, hyphenate: bool = True
    ) -> str:
        """The HTML of a poster, sheet or screen picture, its body type `fit` rem large, its headline hyphenated
        by the dictionary unless `hyphenate` is false; a French one with French typography."""
        return self._printed(
            f"print/{fmt.template}", info.lang, doc=doc, info=info, fmt=fmt, fit=fit, art=art, hyphenate=hyphenate
        )

    def quiz_html(
        self, quiz: QuizView, title: str, info: PrintInfo, art: PrintArt, fit_questions: float, fit_answers: float
    ) -> str:
        """The HTML of the printable quiz, each part's type the size given (rem); a French one with French
        typography."""
        return self._printed(
            "print/quiz.html",
            info.lang,
            quiz=quiz,
            title=title,
            info=info,
            art=art,
            fit_questions=fit_questions,
            fit_answers=fit_answers,
        )

    def _printed(self, template: str, lang: str, **context: object) -> str:
        """A print template rendered: French typography on a French page, article references kept whole."""
        html = self._render(template, lang, **context)
        return keep_references_whole(french_html(html) if lang == FRENCH else html)

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
            archive=Archive(
                relative_url(build.archive_path, page_url),
                build.archive_path.rsplit("/", 1)[-1],
                build.sha256,
                human_size(build.size, lang, s),
            ),
            version=kit.version,
            last_review=shown_day(kit.last_review, lang),
            review_due=shown_day(review_due(kit), lang),
            licence=kit.licence,
            preview=Picture(relative_url(preview_path(kit, lang), page_url), alt),
            files=files,
            formats=self.format_cards(build, lang, page_url),
            quiz=self.quiz_form(kit, lang) if kit.quiz else None,
            quiz_links=tuple(
                QuizLink(
                    relative_url(d.href, page_url),
                    s.get(f"kits.quiz.{d.kind}", lang).format(lang=s.get(f"kits.lang.{d.lang}", lang)),
                    d.href.rsplit("/", 1)[-1],
                    human_size(d.size, lang, s),
                    d.sha256,
                )
                for d in sorted(build.quiz_downloads, key=lambda d: (d.lang != lang, d.kind, d.lang))
            ),
            quiz_script=relative_url(QUIZ_SCRIPT, page_url),
        )

    @property
    def quiz_script(self) -> Path:
        """The quiz script the site serves (the theme's assets) and each SCORM package holds."""
        return self.templates.parent.parent / QUIZ_SCRIPT

    def quiz_form(self, kit: Kit, lang: str, scorm: bool = False) -> Markup:
        """The kit's quiz as an HTML form (readable without the script), for its page or its SCORM package."""
        if kit.quiz is None:
            raise ValueError(f"kit {kit.id!r} has no quiz")
        view = quiz_view(kit.quiz, lang, self.strings, scorm)
        return Markup(self._render("quiz-form.html", lang, quiz=view))

    def quiz_files(self, kit: Kit) -> QuizFiles:
        """The printable quiz and the SCORM package's files in each language; nothing for a kit without quiz."""
        if kit.quiz is None:
            return NO_QUIZ
        printable, scorm, printed = {}, {}, {}
        for lang in LANGUAGES:
            title = self.text("kits.quiz.scorm_title", lang).format(title=kit.title[lang])
            view = quiz_view(kit.quiz, lang, self.strings)
            printed[lang] = (title, view)
            printable[lang] = self._render("archive-quiz.md", lang, quiz=view, title=title)
            page = self._render("scorm/index.html", lang, form=self.quiz_form(kit, lang, scorm=True), title=title)
            members = {
                LAUNCH: (french_html(page) if lang == FRENCH else page).encode("utf-8"),
                SCRIPT: self.quiz_script.read_bytes(),
                STYLESHEET: (self.templates / "scorm" / STYLESHEET).read_bytes(),
            }
            identifier = f"sitekit-{kit.id}-{kit.version.replace('.', '-')}-{lang}-quiz"
            members[MANIFEST] = manifest(identifier, title, kit.quiz.pass_mark, sorted(members))
            members |= {name: (self.templates / "scorm" / "schemas" / name).read_bytes() for name in SCHEMA_FILES}
            scorm[lang] = members
        return QuizFiles(printable, scorm, printed)

    def format_cards(self, build: KitBuild, lang: str, page_url: str) -> tuple[FormatCard, ...]:
        """The kit page's cards, one per design of each poster or sheet of the language: print (A4 and A3 share a
        card), the large screen, the small picture."""
        s = self.strings
        cards: list[FormatCard] = []
        groups: dict[tuple[str, str], list[Made]] = {}
        for made in build.made:
            if made.lang == lang:
                design = "print" if made.media == "pdf" else made.format
                groups.setdefault((made.source, design), []).append(made)
        for (_, design), items in groups.items():
            first = items[0]
            if design == "print":
                title, use = s.get(f"kits.role.{first.role}", lang), ""
            else:
                title, use = s.get(f"kits.format.{design}", lang), s.get(f"kits.format.use.{design}", lang)
            downloads = tuple(
                Download(
                    s.get(f"kits.format.{m.format}", lang) if m.media == "pdf" else m.media.upper(),
                    relative_url(m.href, page_url),
                    m.media.upper(),
                    m.dimensions,
                    human_size(m.size, lang, s),
                )
                for m in items
            )
            width, height = first.thumb_size
            cards.append(
                FormatCard(
                    title=title,
                    use=use,
                    thumb_href=relative_url(first.thumb, page_url),
                    thumb_width=width // 2,
                    thumb_height=height // 2,
                    thumb_alt=s.get("kits.format.thumb_alt", lang).format(title=title),
                    downloads=downloads,
                    alt=first.alt if design != "print" else "",
                )
            )
        return tuple(cards)

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
            script_href=relative_url(FILTER_SCRIPT, page_url),
        )

    def kit_page(self, build: KitBuild, lang: str, page_url: str) -> str:
        return self._item_page("kit.md", lang, self.view(build, lang, page_url), KIT_CATALOGUE, page_url)

    def kit_stub(self, kit: Kit, lang: str) -> str:
        return self._stub("kit-stub.md", lang, kit=kit)

    def archive_readme(
        self, kit: Kit, site_url: str = "", stamp: ProfileStamp | None = None, pictograms: Pictograms | None = None
    ) -> str:
        """README of the archive, French then English (the same archive serves both languages); with the
        establishment's `stamp`, who publishes the kit and where its page is."""
        parts = []
        pictogram = pictograms.of(kit) if pictograms else None
        for lang in LANGUAGES:
            files = []
            for file in kit.files:
                role, in_lang = (
                    self.text(f"kits.role.{file.role.value}", lang),
                    self.text(f"kits.lang.{file.lang.value}", lang),
                )
                files.append((file.path, role, in_lang))
                for fmt in formats_of(file):
                    what = f"{role}, {self.text(f'kits.format.{fmt.id}', lang)} ({fmt.media.upper()})"
                    files.append((output_name(file, fmt), what, in_lang))
                    if not fmt.is_pdf:
                        files.append((alt_name(file, fmt), self.text("kits.readme.alt_file", lang), in_lang))
            if kit.quiz is not None:
                for quiz_lang in LANGUAGES:
                    quiz_role = self.text(f"kits.role.{Role.QUIZ.value}", lang)
                    in_lang = self.text(f"kits.lang.{quiz_lang}", lang)
                    files.append(
                        (pdf_name(quiz_lang), f"{quiz_role}, {self.text('kits.format.a4', lang)} (PDF)", in_lang)
                    )
                    files.append((printable_name(quiz_lang), quiz_role, in_lang))
            if pictogram is not None:
                files.append(
                    (f"{PICTOGRAM_FOLDER}/{pictogram.file.name}", self.text("kits.readme.pictogram", lang), "SVG")
                )
            parts.append(
                self._render(
                    "archive-readme.md",
                    lang,
                    kit=kit,
                    files=files,
                    last_review=format_day(kit.last_review, lang),
                    review_due=format_day(review_due(kit), lang),
                    published_by=stamp.contact(lang).name_in(
                        self.text("kits.readme.published_by", lang).format(
                            name="{name}", url=kit_page_url(kit.id, lang, site_url)
                        ),
                        lang,
                    )
                    if stamp
                    else "",
                )
            )
        return "\n---\n\n".join(parts)

    def archive_licence(self, kit: Kit, pictograms: Pictograms | None = None) -> str:
        overrides = [f for f in kit.files if f.licence]
        pictogram = pictograms.of(kit) if pictograms else None
        return self._render(
            "archive-licence.txt",
            "fr",
            kit=kit,
            overrides=overrides,
            pictogram=f"{PICTOGRAM_FOLDER}/{pictogram.file.name}" if pictogram else "",
            pictogram_licence=pictograms.licence if pictograms else "",
        )


def build_kits(
    kits: Sequence[Kit],
    renderer: KitsRenderer,
    site_url: str,
    stamp: ProfileStamp | None = None,
    pictograms: Pictograms | None = None,
    store: Store = no_store,
) -> list[KitBuild]:
    """Every kit printed and packed (posters and sheets in every format, previews, archive), as the build publishes
    them (with the establishment's name, logo, contact block and values when `stamp` is given, the themes'
    pictograms when `pictograms` is); ProblemsError names every source that does not fit its formats."""
    builds: list[KitBuild] = []
    problems: list[Problem] = []
    for kit in kits:
        try:
            builds.append(
                build_kit(
                    kit,
                    site_url,
                    renderer,
                    format_day,
                    renderer.archive_readme(kit, site_url, stamp, pictograms),
                    renderer.archive_licence(kit, pictograms),
                    stamp,
                    pictograms,
                    store,
                    renderer.quiz_files(kit),
                )
            )
        except ProblemsError as exc:
            problems += exc.problems
    if problems:
        raise ProblemsError(problems)
    return builds
