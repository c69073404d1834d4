"""Property-based: random and hostile text in every text field of every data file, through the loaders and the
renderers directly (no site build). Each value is either refused with its file, line and field, or rendered
inert: the HTML (after the site's own Markdown) has the same elements and attributes as with a plain value and
shows the text as written; ICS, JSON, CSV, Atom and the archive's texts parse and hold it.

Examples are drawn from a fixed seed (derandomize) so that CI is repeatable; to explore further, run
`pytest tests/unit/core/test_safety_properties.py --hypothesis-seed=<n>` with another seed.
"""

from __future__ import annotations

import copy
import csv
import importlib
import io
import json
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar

import markdown
import pypdf
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from jinja2 import Environment, FileSystemLoader
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT
from sitekit.calls.export import call_ics, calls_ics, calls_json
from sitekit.calls.model import load_calls, start_of_day
from sitekit.calls.view import CallsRenderer
from sitekit.campaigns.model import load_campaign
from sitekit.campaigns.view import CampaignsRenderer, campaign_ics
from sitekit.core.dates import format_day
from sitekit.core.problems import ProblemsError
from sitekit.core.yamlfile import dotted
from sitekit.criteria.export import self_assessment_csv
from sitekit.criteria.model import load_criteria
from sitekit.criteria.view import CriteriaRenderer
from sitekit.i18n.strings import LANGUAGES, load_strings
from sitekit.kits.formats import ScreenText
from sitekit.kits.model import load_kits
from sitekit.kits.package import Entry, KitBuild, kits_json, print_info
from sitekit.kits.printable import print_problems
from sitekit.kits.printdoc import read_printable
from sitekit.kits.printing import print_source
from sitekit.kits.view import KitsRenderer
from sitekit.news.model import load_authors, post_problems
from sitekit.news.view import NewsRenderer, atom_feed
from sitekit.pages.frontmatter import parse_page

T = TypeVar("T")
TEMPLATES = ROOT / "overrides" / "partials"
STRINGS = load_strings(ROOT / "data" / "strings.yml")
NOW = start_of_day(date(2025, 10, 20))
SITE_URL = "https://cybersante.example.org/"
PLAIN = "Texte ordinaire"

# Pieces of hostile input, glued together and to random text by the strategy below.
HOSTILE = [
    '"',
    "'",
    "<",
    ">",
    "&",
    "&amp",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    "</p></li></ul>",
    "<!--",
    "]]>",
    "*",
    "**",
    "_",
    "__",
    "`",
    "\\",
    "[x](javascript:alert(1))",
    "![x](x.png)",
    "[^1]",
    "{: onclick=alert(1) }",
    "{#id .class}",
    ":smile:",
    ":",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "!!! note",
    "=== ",
    "    ",
    "|",
    "{n}",
    "{{ 7*7 }}",
    "{% raw %}",
    "\n",
    "\n\n## Titre\n\n",
    "\t",
    "\r\n",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\u0085",
    "\u2028",
    "\u202e",
    "\u2066",
    "\u200b",
    "\ufeff",
    "\u00a0",
    "é",
    "« »",
    "€",
    "𝕏",
    "😀",
    "BEGIN:VEVENT",
    "=cmd|' /C calc'!A0",
    "+33",
    "@SUM(1)",
    "x" * 3000,
]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)), min_size=1, max_size=6).map("".join)

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the site's Markdown, as mkdocs.yml configures it ------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    pass


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


def _site_markdown() -> markdown.Markdown:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    names, options = [], {}
    for item in config["markdown_extensions"]:
        if isinstance(item, dict):
            ((name, values),) = item.items()
            names.append(name)
            options[name] = values or {}
        else:
            names.append(item)
    return markdown.Markdown(extensions=names, extension_configs=options)


MARKDOWN = _site_markdown()


def page_html(source: str) -> str:
    """A generated page's Markdown as the site renders it."""
    MARKDOWN.reset()
    return MARKDOWN.convert(source)


def stub_page(text: str) -> tuple[dict[str, Any], str]:
    """A generated page stub's front matter, and its body as the site renders it."""
    stub = parse_page(text, "stub.md")
    return stub.data, page_html(stub.body)


def shape(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """Elements and attribute names, in document order: what an injection would change."""
    tree = LexborHTMLParser(html)
    return [(node.tag, tuple(sorted(node.attributes))) for node in tree.body.traverse() if node.tag != "-text"]


def shown_text(html: str) -> str:
    """Text and attribute values of an HTML fragment, whitespace folded (where a reader may see the value)."""
    tree = LexborHTMLParser(html)
    parts = [tree.body.text(separator=" ")]
    parts += [value or "" for node in tree.body.traverse() for value in node.attributes.values()]
    return " ".join(" ".join(parts).split())


def folded(value: str) -> str:
    return " ".join(value.split())


# --- data files: each text field, replaced in a valid document -----------------------------------------


def text_locations(data: Any, skip: set[str], loc: tuple = ()) -> Iterator[tuple]:
    """Locations of the text values of a YAML document, except under keys in `skip` (ids, dates, enums, URLs)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in skip:
                yield from text_locations(value, skip, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_locations(value, skip, loc + (index,))
    elif isinstance(data, str):
        yield loc


def replaced(data: Any, loc: tuple, value: str) -> Any:
    out = copy.deepcopy(data)
    target = out
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = value
    return out


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)


def refused_at(exc: ProblemsError, path: str, loc: tuple) -> None:
    """A refusal names the file, a line and the field that holds the value (or the entry holding it, when two
    of its values disagree), with a fix."""
    event("refused")
    fields = {dotted(loc[:n]) for n in range(1, len(loc) + 1)}
    assert any(p.path == path and p.line > 0 and p.field in fields and p.fix for p in exc.problems), (
        dotted(loc),
        [str(p) for p in exc.problems],
    )


def load_yaml_data(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_changed(load: Callable[[Path, str], T], data: Any, shown: str, loc: tuple, value: str) -> T:
    """`load(file, shown)` of the data file `shown`, with `value` at `loc`, written in a temporary folder."""
    folder = Path(tempfile.mkdtemp())
    try:
        path = folder / PurePosixPath(shown).name
        path.write_text(dump(replaced(data, loc, value)), encoding="utf-8")
        return load(path, shown)
    finally:
        shutil.rmtree(folder)


def loaded(load: Callable[[tuple, str], T], loc: tuple, value: str, shown: str) -> T | None:
    """What `load` makes of `value` at `loc`; None when it is refused, the refusal naming `shown` (refused_at)."""
    try:
        return load(loc, value)
    except ProblemsError as exc:
        refused_at(exc, shown, loc)
        return None


def field_language(loc: tuple) -> str:
    """The language of the page that shows the field at `loc`: English for an `en` text, else French."""
    return "en" if "en" in loc else "fr"


def refused_or_inert(
    load: Callable[[tuple, str], T],
    pages: Callable[[T, str], list[str]],
    exports: Callable[[T, tuple, str, str], None],
    shown: str,
    loc: tuple,
    value: str,
) -> None:
    """`value` at `loc` of the data file `shown` is refused (refused_at), or the pages made from it are inert and
    `exports(loaded, loc, value, lang)` checks what the exports made of it."""
    made = loaded(load, loc, value, shown)
    if made is None:
        return
    lang = field_language(loc)
    inert(lambda v: pages(load(loc, v), lang), value)
    exports(made, loc, value, lang)


def inert(render: Callable[[str], list[str]], value: str) -> None:
    """The HTML pages `render` makes with `value` have the shape they have with a plain text, and show it."""
    event("rendered")
    plain, hostile = render(PLAIN), render(value)
    assert [shape(html) for html in hostile] == [shape(html) for html in plain], value
    if PLAIN in " ".join(shown_text(html) for html in plain):  # the field is shown on these pages
        assert folded(value) in " ".join(shown_text(html) for html in hostile), value


# --- calls -------------------------------------------------------------------------------------------------

CALLS_DATA = load_yaml_data(ROOT / "tests" / "fixtures" / "calls" / "valid.yml")
CALL_SKIP = {"id", "phase", "audience", "opens", "closes", "closes_at", "status", "sources", "last_checked"}
CALL_FIELDS = list(text_locations(CALLS_DATA, CALL_SKIP))


def load_calls_with(loc: tuple, value: str):
    return load_changed(load_calls, CALLS_DATA, "data/calls.yml", loc, value)


def calls_pages(calls, lang: str) -> list[str]:
    renderer = CallsRenderer(TEMPLATES / "calls", STRINGS)
    out = [
        page_html(renderer.calendar(calls, NOW, lang, "appels/index.html")),
        page_html(renderer.timeline(calls, NOW, lang, "appels/frise.html")),
    ]
    for call in calls:
        front, stub = stub_page(renderer.call_stub(call, lang))
        assert front["title"] == call.title[lang] and front["description"] == call.summary[lang]
        out += [page_html(renderer.call_page(call, NOW, lang, f"appels/fiches/{call.id}.html")), stub]
    announce = Environment(loader=FileSystemLoader(TEMPLATES)).get_template("calls/announce.html")
    views = [renderer.views(calls, NOW, lang, "index.html")[0]]
    out.append(announce.render(calls_announce=views, ui=STRINGS.for_language(lang)))
    return out


def calls_exports(calls, loc: tuple, value: str, lang: str) -> None:
    # Exports: each parses with its own reader, with as many events, and holds the text as written.
    plain = load_calls_with(loc, PLAIN)
    for made, expected in [
        (calls_ics(calls, lang, SITE_URL, STRINGS), calls_ics(plain, lang, SITE_URL, STRINGS)),
        *[
            (call_ics(c, lang, SITE_URL, STRINGS), call_ics(p, lang, SITE_URL, STRINGS))
            for c, p in zip(calls, plain, strict=True)
        ],
    ]:
        assert len(Calendar.from_ical(made).walk("VEVENT")) == len(Calendar.from_ical(expected).walk("VEVENT"))
    record = json.loads(calls_json(calls, date(2025, 10, 20)))
    assert any(folded(value) in folded(text) for text in strings_in(record)), value


@SETTINGS
@given(loc=st.sampled_from(CALL_FIELDS), value=hostile_text)
def test_calls_refuse_or_render_inert(loc, value):
    refused_or_inert(load_calls_with, calls_pages, calls_exports, "data/calls.yml", loc, value)


def strings_in(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for item in data.values():
            yield from strings_in(item)
    elif isinstance(data, list):
        for item in data:
            yield from strings_in(item)
    elif isinstance(data, str):
        yield data


# --- kits --------------------------------------------------------------------------------------------------

KIT_SOURCE = ROOT / "kits" / "hameconnage"
KIT_DATA = load_yaml_data(KIT_SOURCE / "kit.yml")
KIT_SKIP = {"id", "version", "audiences", "themes", "last_review", "review_months", "sources", "path", "role", "lang"}
KIT_FIELDS = list(text_locations(KIT_DATA, KIT_SKIP))


def load_kit_with(loc: tuple, value: str):
    root = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(KIT_SOURCE, root / "kits" / "hameconnage")
        (root / "kits" / "hameconnage" / "kit.yml").write_text(dump(replaced(KIT_DATA, loc, value)), encoding="utf-8")
        [kit] = load_kits(root / "kits", root)
        return kit, root
    except BaseException:
        shutil.rmtree(root)
        raise


def kit_build(kit) -> KitBuild:
    entries = tuple(Entry(f.path, f.role.value, f.lang.value, f.format, 1234, None) for f in kit.files)
    titles = {lang: kit.title[lang] for lang in LANGUAGES}
    return KitBuild(kit, b"PK", entries, {}, (), titles)


def kits_pages(kit, lang: str) -> list[str]:
    renderer = KitsRenderer(TEMPLATES / "kits", STRINGS)
    build = kit_build(kit)
    front, stub = stub_page(renderer.kit_stub(kit, lang))
    assert front["title"] == kit.title[lang] and front["description"] == kit.summary[lang]
    return [
        page_html(renderer.catalogue([build], lang, "kits/index.html")),
        page_html(renderer.kit_page(build, lang, f"kits/fiches/{kit.id}.html")),
        stub,
        page_html(renderer.archive_readme(kit)),
    ]


def kit_with(loc: tuple, value: str):
    """The kit with `value` at `loc`, its folder already removed (its pages and archive texts read no file)."""
    kit, root = load_kit_with(loc, value)
    shutil.rmtree(root)
    return kit


def kits_exports(kit, loc: tuple, value: str, lang: str) -> None:
    renderer = KitsRenderer(TEMPLATES / "kits", STRINGS)
    licence = renderer.archive_licence(kit)
    plain_kit = kit_with(loc, PLAIN)
    assert licence.count("\n") == renderer.archive_licence(plain_kit).count("\n")  # no line added
    record = json.loads(kits_json([kit_build(kit)]))
    assert record["kits"][0]["title"] == {lang: kit.title[lang] for lang in LANGUAGES}


@SETTINGS
@given(loc=st.sampled_from(KIT_FIELDS), value=hostile_text)
def test_kits_refuse_or_render_inert(loc, value):
    refused_or_inert(kit_with, kits_pages, kits_exports, "kits/hameconnage/kit.yml", loc, value)


@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(value=hostile_text)
def test_printed_kit_title_is_refused_or_printed(value):
    """The PDF carries the kit's title (its subject): a character the font lacks is refused before printing, any
    other text is printed as written. (Five examples: each lays a reflex sheet out with WeasyPrint.)"""
    try:
        kit, root = load_kit_with(("title", "fr"), value)
    except ProblemsError:
        return
    try:
        if print_problems(kit):
            assert any(p.field == "title.fr" and "cannot be printed" in p.message for p in print_problems(kit))
            return
        renderer = KitsRenderer(TEMPLATES / "kits", STRINGS)
        file = next(f for f in kit.files if f.role.value == "fiche-reflexe" and f.lang.value == "fr")
        doc = read_printable(kit.source(file).read_text(encoding="utf-8"), file.path, kit.folder, poster=False)
        info = print_info(kit, file, SITE_URL, renderer, format_day, None, None)
        [sheet] = print_source(doc, info, file, renderer, ScreenText("", "", (), ""))
        reader = pypdf.PdfReader(io.BytesIO(sheet.data))
        assert reader.metadata.subject == kit.title.fr and len(reader.pages) == 1
    finally:
        shutil.rmtree(root)


# --- criteria ----------------------------------------------------------------------------------------------

CRITERIA_DATA = load_yaml_data(ROOT / "data" / "criteria.yml")
CRITERIA_DATA["criteria"] = CRITERIA_DATA["criteria"][:2]
CRITERIA_SKIP = {"id", "kind", "framework", "imperative", "evaluation_methods", "axes", "kits", "calls", "sources"}
CRITERIA_FIELDS = list(text_locations(CRITERIA_DATA, CRITERIA_SKIP))


def load_criteria_with(loc: tuple, value: str):
    return load_changed(
        lambda path, shown: load_criteria(path, shown, None, None), CRITERIA_DATA, "data/criteria.yml", loc, value
    )


def criteria_pages(data, lang: str) -> list[str]:
    renderer = CriteriaRenderer(TEMPLATES / "criteria", STRINGS, [], None)
    out = [
        page_html(renderer.catalogue(data, lang, "certification/index.html")),
        page_html(renderer.checklist(data, lang, "certification/checklist.html")),
        page_html(renderer.related(data, list(data.criteria), lang, "kits/fiches/x.html")),
    ]
    for criterion in data.criteria:
        front, stub = stub_page(renderer.criterion_stub(criterion, lang))
        assert criterion.title[lang] in front["title"]
        url = f"certification/criteres/{criterion.id}.html"
        out += [page_html(renderer.criterion_page(data, criterion, lang, url)), stub]
    return out


def criteria_exports(data, loc: tuple, value: str, lang: str) -> None:
    sheet = self_assessment_csv(data, lang, STRINGS).decode("utf-8-sig")
    plain_sheet = self_assessment_csv(load_criteria_with(loc, PLAIN), lang, STRINGS).decode("utf-8-sig")
    rows, plain_rows = (
        list(csv.reader(io.StringIO(sheet), delimiter=";")),
        list(csv.reader(io.StringIO(plain_sheet), delimiter=";")),
    )
    assert [len(row) for row in rows] == [len(row) for row in plain_rows]  # no cell or row injected
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)  # no formula


@SETTINGS
@given(loc=st.sampled_from(CRITERIA_FIELDS), value=hostile_text)
def test_criteria_refuse_or_render_inert(loc, value):
    refused_or_inert(load_criteria_with, criteria_pages, criteria_exports, "data/criteria.yml", loc, value)


# --- campaigns ---------------------------------------------------------------------------------------------

CAMPAIGN_DATA = load_yaml_data(ROOT / "data" / "campaigns" / "2025.yml")
CAMPAIGN_SKIP = {
    "year",
    "status",
    "edition",
    "starts",
    "ends",
    "date",
    "channel",
    "audience",
    "kit",
    "sources",
    "last_checked",
}
CAMPAIGN_FIELDS = list(text_locations(CAMPAIGN_DATA, CAMPAIGN_SKIP))


def load_campaign_with(loc: tuple, value: str):
    return load_changed(load_campaign, CAMPAIGN_DATA, "data/campaigns/2025.yml", loc, value)


def campaign_pages(campaign, lang: str) -> list[str]:
    renderer = CampaignsRenderer(TEMPLATES / "campaigns", STRINGS)
    front, stub = stub_page(renderer.stub(campaign, lang))
    assert front["title"] == campaign.title[lang]
    return [
        page_html(renderer.index([campaign], lang, "campagnes/index.html")),
        page_html(renderer.page(campaign, lang, "campagnes/2025.html")),
        stub,
    ]


def campaign_exports(campaign, loc: tuple, value: str, lang: str) -> None:
    events = Calendar.from_ical(campaign_ics(campaign, lang, SITE_URL, STRINGS)).walk("VEVENT")
    plain = Calendar.from_ical(campaign_ics(load_campaign_with(loc, PLAIN), lang, SITE_URL, STRINGS)).walk("VEVENT")
    assert len(events) == len(plain)


@SETTINGS
@given(loc=st.sampled_from(CAMPAIGN_FIELDS), value=hostile_text)
def test_campaigns_refuse_or_render_inert(loc, value):
    refused_or_inert(load_campaign_with, campaign_pages, campaign_exports, "data/campaigns/2025.yml", loc, value)


# --- news: post front matter and authors -------------------------------------------------------------------

AUTHORS = load_authors(ROOT / "data" / "authors.yml")
AUTHORS_DATA = load_yaml_data(ROOT / "data" / "authors.yml")
AUTHOR_FIELDS = list(text_locations(AUTHORS_DATA, set()))
POST_META = {
    "title": "Un titre",
    "description": "Une phrase.",
    "date": date(2025, 10, 1),
    "authors": ["rssi"],
    "categories": ["CaRE", "Cybermois"],
}
POST_FIELDS = [("title",), ("description",), ("categories", 0), ("categories", 1)]


def post_with(loc: tuple, value: str, lang: str = "fr"):
    text = "---\n" + dump(replaced(POST_META, loc, value)) + "---\n\nTexte du billet.\n"
    suffix = ".en" if lang == "en" else ""
    src = f"actualites/billets/2025-10-01-essai{suffix}.md"
    post, problems = post_problems(parse_page(text, f"docs/{src}"), src, AUTHORS)
    if problems:
        raise ProblemsError(problems)
    return post


def news_pages(post, authors) -> list[str]:
    renderer = NewsRenderer(TEMPLATES / "news", STRINGS, authors)
    url = f"actualites/billets/{post.slug}.html"
    return [
        page_html(renderer.header(post, url) + "Texte.\n\n" + renderer.footer(post, url)),
        page_html(renderer.index([post], post.lang, "actualites/index.html")),
    ]


def feed_entries(post, authors) -> list[ET.Element]:
    data = atom_feed([post], post.lang, SITE_URL, STRINGS, authors, date(2025, 10, 20))
    root = ET.fromstring(data)
    return root.findall("{http://www.w3.org/2005/Atom}entry")


@SETTINGS
@given(loc=st.sampled_from(POST_FIELDS), value=hostile_text, lang=st.sampled_from(LANGUAGES))
def test_post_front_matter_refuses_or_renders_inert(loc, value, lang):
    path = f"docs/actualites/billets/2025-10-01-essai{'.en' if lang == 'en' else ''}.md"
    post = loaded(lambda at, text: post_with(at, text, lang), loc, value, path)
    if post is None:
        return
    inert(lambda v: news_pages(post_with(loc, v, lang), AUTHORS), value)
    [entry] = feed_entries(post, AUTHORS)
    atom = "{http://www.w3.org/2005/Atom}"
    assert entry.findtext(f"{atom}title") == post.meta.title
    assert entry.findtext(f"{atom}summary") == post.meta.description
    assert [c.get("term") for c in entry.findall(f"{atom}category")] == list(post.meta.categories)


def authors_with(loc: tuple, value: str):
    return load_changed(load_authors, AUTHORS_DATA, "data/authors.yml", loc, value)


@SETTINGS
@given(loc=st.sampled_from(AUTHOR_FIELDS), value=hostile_text)
def test_authors_refuse_or_render_inert(loc, value):
    if loaded(authors_with, loc, value, "data/authors.yml") is None:
        return
    lang = field_language(loc)
    POST = {**POST_META, "authors": [loc[0]]}

    def render(text: str) -> list[str]:
        meta = "---\n" + dump(POST) + "---\n\nTexte.\n"
        src = f"actualites/billets/2025-10-01-essai{'.en' if lang == 'en' else ''}.md"
        chosen = authors_with(loc, text)
        post, problems = post_problems(parse_page(meta, src), src, chosen)
        assert not problems
        return news_pages(post, chosen)

    inert(render, value)


# --- interface strings -------------------------------------------------------------------------------------

STRINGS_DATA = load_yaml_data(ROOT / "data" / "strings.yml")
STRING_FIELDS = [(key, lang) for key in STRINGS_DATA if key.startswith(("calls.", "news.")) for lang in LANGUAGES]


def strings_with(loc: tuple, value: str):
    return load_changed(load_strings, STRINGS_DATA, "data/strings.yml", loc, value)


CALLS = load_calls(ROOT / "tests" / "fixtures" / "calls" / "valid.yml")


@SETTINGS
@given(loc=st.sampled_from(STRING_FIELDS), value=hostile_text)
def test_interface_strings_refuse_or_render_inert(loc, value):
    strings = loaded(strings_with, loc, value, "data/strings.yml")
    if strings is None:
        return
    lang = loc[1]

    def render(text: str) -> list[str]:
        chosen = strings_with(loc, text)
        renderer = CallsRenderer(TEMPLATES / "calls", chosen)
        pages = [
            page_html(renderer.calendar(CALLS, NOW, lang, "appels/index.html")),
            page_html(renderer.call_page(CALLS[-1], NOW, lang, "appels/fiches/x.html")),
        ]
        news = NewsRenderer(TEMPLATES / "news", chosen, AUTHORS)
        post = post_with(("title",), "Titre", lang)
        pages.append(page_html(news.index([post], lang, "actualites/index.html") + news.header(post, "x.html")))
        return pages

    event("rendered")
    plain, hostile = render(PLAIN), render(value)
    assert [shape(html) for html in hostile] == [shape(html) for html in plain], value
    # The calendar export made with these strings still parses, with as many events.
    events = Calendar.from_ical(calls_ics(CALLS, lang, SITE_URL, strings)).walk("VEVENT")
    assert len(events) == len(Calendar.from_ical(calls_ics(CALLS, lang, SITE_URL, STRINGS)).walk("VEVENT"))
