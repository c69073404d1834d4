"""Editorial checks of pages, data and the menu: front matter, alternative text, post descriptions, French
typography (pages, French data texts, the menu's labels), links to posts not yet published. Pure: returns problems, never raises for bad input."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from sitekit.campaigns.model import campaigns_folder
from sitekit.core.problems import Level, Problem, ProblemsError
from sitekit.core.schema import Day, Text, problems_from_pydantic
from sitekit.core.text import decode_utf8
from sitekit.core.yamlfile import Location, YamlDocument, dotted, load_yaml
from sitekit.i18n.strings import LANGUAGES
from sitekit.news.model import POSTS_DIR, Author, Post, is_published, load_authors, post_problems
from sitekit.pages.frontmatter import Page, parse_page
from sitekit.pages.generated import is_generated_text

NBSP = "\u00a0\u202f"  # no-break space, narrow no-break space
FRENCH_DATA = ("data/strings.yml", "data/calls.yml", "data/authors.yml")  # and the campaign files (campaigns_folder)
_ENTITIES = re.compile(r"&(?:nbsp|#160|#x[aA]0|#8239|#x202[fF]);")


class PageMeta(BaseModel):
    """Known front-matter keys of any page, with their types; other keys are left to the features that read them."""

    model_config = ConfigDict(extra="allow")
    title: Text | None = None
    description: Text | None = None
    review_by: Day | None = None
    date: Day | None = None


# --- masking: what is not French prose is replaced by spaces, keeping columns ----------------------

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->")  # HTML comments (markers)
_CODE = re.compile(r"(`+).+?\1")  # inline code
_REFERENCE = re.compile(r"^\s*\[[^\]]+\]:\s*\S.*$")  # reference link definitions
_MASKS = [
    _COMMENT,
    _CODE,
    re.compile(r"<[a-zA-Z/][^>]*>"),  # HTML tags and their attributes
    _REFERENCE,
    re.compile(r"(?:https?|ftp|mailto|file):\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+"),  # bare URLs, e-mails
    re.compile(r"\{\s*[:.#][^}]*\}"),  # attribute lists { .class }
    re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*"),  # admonition and details marker
    re.compile(r"^\s*===\+?"),  # content tabs
    re.compile(r"\b\d{1,2}:\d{2}\b|\b\d+:\d+\b"),  # times 12:00, ratios
    re.compile(r":[a-z0-9_+-]+:"),  # emoji shortcodes
    re.compile(r"^\s*:\s"),  # definition list
    re.compile(r"^\s*\*\[[^\]]+\]:"),  # abbreviation definitions
    re.compile(r"^\s*\[\^[^\]]+\]:"),  # footnote definitions
    re.compile(r"!(?=\[)"),  # the ! of an image
]
_LINK_TARGET_MASK = re.compile(r"\]\([^)]*\)")  # a link's or image's target: removed, its text stays
_TITLE_QUOTES = re.compile(r'^(\s*(?:!!!|\?\?\?\+?|===\+?)[^"]*)"(.*)"(\s*)$')  # admonition / tab titles
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def prose(line: str) -> str:
    """The line with everything that is not prose blanked out; a link's target is removed rather than blanked,
    so that what follows a link is read next to its text (« [le kit](kit.md) : » has a space before « : »)."""
    line = _ENTITIES.sub("\u00a0", line)
    quoted = _TITLE_QUOTES.match(line)
    if quoted:
        line = f"{quoted[1]} {quoted[2]} {quoted[3]}"
    if _TABLE_RULE.match(line):
        return ""
    for pattern in (_COMMENT, _CODE, _REFERENCE):  # what may hold "](" without being a link, first
        line = _mask(line, pattern)
    line = _LINK_TARGET_MASK.sub("]", line)
    for pattern in _MASKS:
        line = _mask(line, pattern)
    return line


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str, str]]:
    """(file line, original line, prose of it) for the lines of a Markdown body outside code blocks and comments."""
    fence: str | None = None
    in_comment = False
    for offset, line in enumerate(body.splitlines()):
        number = first_line + offset
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening[1]
            continue
        text = line
        if in_comment:
            if "-->" in line:
                in_comment = False
                text = " " * (line.index("-->") + 3) + line[line.index("-->") + 3 :]
            else:
                continue
        if "<!--" in text and "-->" not in text[text.index("<!--") :]:
            in_comment = True
            text = text[: text.index("<!--")]
        yield number, text, prose(text)


# --- French typography --------------------------------------------------------------------------

_NO_SPACE_BEFORE = re.compile(r"(?<=[\w)\]»%’*_])([:;!?])")
_PLAIN_SPACE_BEFORE = re.compile(r"(?<=\S) ([:;!?])")
_OPEN_GUILLEMET = re.compile(r"«(?![" + NBSP + r"])")
_CLOSE_GUILLEMET = re.compile(r"(?<![" + NBSP + r"])»")


def typography_problems(text: str, path: str, line: int, field: str = "typography") -> list[Problem]:
    """French typography warnings for one line of prose (already masked with `prose`)."""
    found: list[tuple[str, str]] = []
    for match in _NO_SPACE_BEFORE.finditer(text):
        found.append(
            (f"no space before « {match[1]} »", f"type a non-breaking space (U+00A0 or U+202F) before « {match[1]} »")
        )
    for match in _PLAIN_SPACE_BEFORE.finditer(text):
        found.append(
            (
                f"ordinary space before « {match[1]} »",
                f"replace it with a non-breaking space (U+00A0 or U+202F) so that « {match[1]} » never starts a line",
            )
        )
    if _OPEN_GUILLEMET.search(text):
        found.append(("no non-breaking space after «", "type a non-breaking space (U+00A0 or U+202F) after «"))
    if _CLOSE_GUILLEMET.search(text):
        found.append(("no non-breaking space before »", "type a non-breaking space (U+00A0 or U+202F) before »"))
    if "'" in text:
        found.append(("straight apostrophe '", "use the typographic apostrophe ’"))
    if '"' in text:
        found.append(('straight quotes "', "use « guillemets » with non-breaking spaces inside"))
    unique = dict.fromkeys(found)  # one warning per kind and line
    return [Problem(path, line, field, message, fix, Level.WARNING) for message, fix in unique]


def is_french(src_uri: str) -> bool:
    return not any(src_uri.endswith(f".{lang}.md") for lang in LANGUAGES if lang != "fr")


# --- images ------------------------------------------------------------------------------------

_MD_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\s*[(\[]")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"\salt\s*=", re.IGNORECASE)


def image_problems(line: str, path: str, number: int) -> list[Problem]:
    code_free = _mask(line, re.compile(r"(`+).+?\1"))
    out = []
    if _MD_IMAGE_NO_ALT.search(code_free):
        out.append(
            Problem(
                path,
                number,
                "image",
                "image without alternative text",
                "describe the image between the brackets: ![What the image shows](file.png)",
            )
        )
    for tag in _HTML_IMG.findall(code_free):
        if not _ALT.search(tag):
            out.append(
                Problem(
                    path,
                    number,
                    "image",
                    "<img> without alt attribute",
                    'add alt="what the image shows" (alt="" only for a purely decorative image)',
                )
            )
    return out


# --- links to posts not yet published ----------------------------------------------------------

_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|\bhref\s*=\s*[\"']([^\"']+)[\"']")


def _post_key(target: str) -> str | None:
    """'actualites/billets/<slug>' for a link to a post file or page in either language, else None."""
    name = posixpath.basename(target)
    for ending in (".en.md", ".md", ".html"):
        if name.endswith(ending):
            return posixpath.join(posixpath.dirname(target), name[: -len(ending)])
    return None


def unpublished_link_problems(
    docs_dir: Path, posts: Sequence[Post], today: date, shown_as: str = "docs"
) -> list[Problem]:
    """Errors for each link, in a page built on `today`, to a post that is not published on `today`."""
    waiting = {f"{POSTS_DIR}/{p.slug}": p for p in posts if not is_published(p, today)}
    if not waiting:
        return []
    hidden = {p.src_uri for p in waiting.values()} | {f"{POSTS_DIR}/{p.slug}.en.md" for p in waiting.values()}
    out = []
    for path, src_uri in _markdown_files(docs_dir):
        if src_uri in hidden:
            continue
        for number, resolved in _page_targets(path, src_uri, shown_as):
            post = waiting.get(_post_key(resolved) or "")
            if post is not None:
                out.append(
                    Problem(
                        f"{shown_as}/{src_uri}",
                        number,
                        "link",
                        f"links to the post {post.slug} which is not published before {post.date.isoformat()}",
                        "remove the link until that day, or schedule this page's link in a post of the same date",
                    )
                )
    return out


# (path, src_uri, shown_as) -> (modification time, size, (line, target) of each link): a page is read again only
# when it changed (`mkdocs serve` checks the links after each save).
_targets: dict[tuple[Path, str, str], tuple[int, int, list[tuple[int, str]]]] = {}


def _page_targets(path: Path, src_uri: str, shown_as: str) -> list[tuple[int, str]]:
    """(line, docs/ path without en/) of each relative link of a page's prose; none if the page does not read."""
    stat = path.stat()
    cached = _targets.get((path, src_uri, shown_as))
    if cached is not None and cached[:2] == (stat.st_mtime_ns, stat.st_size):
        return cached[2]
    found: list[tuple[int, str]] = []
    try:
        page = parse_page(path.read_text(encoding="utf-8"), f"{shown_as}/{src_uri}")
    except (ProblemsError, UnicodeDecodeError):
        page = None  # reported by editorial_problems
    for number, line, _ in prose_lines(page.body, page.body_line) if page is not None else ():
        for match in _LINK_TARGET.finditer(line):
            target = (match[1] or match[2]).split("#")[0]
            if not target or re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
            found.append((number, re.sub(r"^en/", "", resolved)))
    _targets[(path, src_uri, shown_as)] = (stat.st_mtime_ns, stat.st_size, found)
    return found


# --- the whole check -----------------------------------------------------------------------------


def _markdown_files(docs_dir: Path) -> list[tuple[Path, str]]:
    return [(p, p.relative_to(docs_dir).as_posix()) for p in sorted(docs_dir.rglob("*.md"))]


def _meta_problems(page: Page) -> list[Problem]:
    if page.meta is None:
        return []  # no front matter, nothing to check
    try:
        PageMeta.model_validate(page.data)
    except ValidationError as exc:
        return problems_from_pydantic(exc, page.meta, (), PageMeta)
    return []


def page_problems(
    text: str, src_uri: str, shown: str, authors: Mapping[str, Author]
) -> tuple[Post | None, list[Problem]]:
    """Every editorial problem of one Markdown page (and the post it is, if it is a valid post)."""
    try:
        page = parse_page(text, shown)
    except ProblemsError as exc:
        return None, list(exc.problems)
    problems: list[Problem] = []
    post = None
    if src_uri.startswith(POSTS_DIR + "/"):
        post, found = post_problems(page, src_uri, authors)
        problems += found
    elif page.meta is not None:
        problems += _meta_problems(page)
    french = is_french(src_uri)
    if french and page.meta is not None:
        for key in ("title", "description"):
            value = page.data.get(key)
            if isinstance(value, str):
                problems += typography_problems(prose(value), shown, page.meta.line((key,)), key)
    for number, line, text_only in prose_lines(page.body, page.body_line):
        problems += image_problems(line, shown, number)
        if french:
            problems += typography_problems(text_only, shown, number)
    return post, problems


def _french_texts(data: Any, loc: Location = ()) -> Iterator[tuple[Location, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "fr" and isinstance(value, str):
                yield loc + (key,), value
            elif key == "fr" and isinstance(value, list):
                yield from ((loc + (key, i), v) for i, v in enumerate(value) if isinstance(v, str))
            else:
                yield from _french_texts(value, loc + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _french_texts(value, loc + (index,))


def data_typography_problems(doc: YamlDocument) -> list[Problem]:
    """Typography warnings for every French text (a value under a key fr:) of a YAML document."""
    out = []
    for loc, text in _french_texts(doc.data):
        for part in text.splitlines() or [""]:
            out += typography_problems(prose(part), doc.path, doc.line(loc), dotted(loc))
    return out


def navigation_problems(root: Path, config: str = "mkdocs.yml") -> list[Problem]:
    """Typography warnings for the French labels of the menu (`nav:` of mkdocs.yml), at their line.

    The file is composed, not loaded: its `!!python/name` tags are MkDocs' business, not data to build."""
    try:
        node = yaml.compose((root / config).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # no menu to check (MkDocs reports a broken configuration itself)
    nav = next(
        (value for key, value in getattr(node, "value", []) if getattr(key, "value", None) == "nav"),
        None,
    )
    out: list[Problem] = []
    pending = [nav] if nav is not None else []
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    out += typography_problems(prose(key.value), config, key.start_mark.line + 1, "menu")
                pending.append(value)
    return sorted(out)


def editorial_problems(
    docs_dir: Path, root: Path, today: date, shown_as: str = "docs", authors: Mapping[str, Author] | None = None
) -> list[Problem]:
    """Every editorial problem of the pages under `docs_dir` and the French texts of the data files under `root`.

    `authors`: data/authors.yml already loaded (the validator's data check did); else it is loaded here.
    """
    problems: list[Problem] = []
    if authors is None:
        try:
            authors = load_authors(root / "data" / "authors.yml", "data/authors.yml")
        except ProblemsError as exc:
            problems += exc.problems  # (the validator passes {} after reporting them itself)
            authors = {}
    posts: list[Post] = []
    for path, src_uri in _markdown_files(docs_dir):
        shown = f"{shown_as}/{src_uri}"
        try:
            text = decode_utf8(path.read_bytes(), shown)
        except ProblemsError as exc:
            problems += exc.problems
            continue
        if is_generated_text(text):
            continue
        post, found = page_problems(text, src_uri, shown, authors)
        problems += found
        if post is not None:
            posts.append(post)
    problems += unpublished_link_problems(docs_dir, posts, today, shown_as)
    problems += navigation_problems(root)
    campaigns = campaigns_folder(root)[0]
    for path in [*(root / name for name in FRENCH_DATA), *sorted(campaigns.glob("*.yml"))]:
        if not path.is_file():
            continue
        try:
            doc = load_yaml(path, path.relative_to(root).as_posix())
        except ProblemsError:
            continue  # the file's own loader reports it
        problems += data_typography_problems(doc)
    return sorted(problems)
