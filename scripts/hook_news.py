"""MkDocs hook: news posts published from their date (CARE_TODAY), the news list, post headers and Atom feeds."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from hook_i18n import page_language
from sitekit.editorial import unpublished_link_problems
from sitekit.i18n import lang_prefix, load_strings
from sitekit.markers import marker
from sitekit.outputs import write_output
from sitekit.news import FEED, load_authors, load_posts, published_posts, unpublished_sources
from sitekit.news_view import NewsRenderer, atom_feed
from sitekit.problems import ProblemsError, format_problems
from sitekit.today import BuildDateError, build_date

ROOT = Path(__file__).resolve().parent.parent
AUTHORS = ROOT / "data" / "authors.yml"
TEMPLATES = ROOT / "overrides" / "partials" / "news"

_state: dict = {}


def on_config(config, **kwargs):
    docs_dir = Path(config.docs_dir)
    try:
        today = build_date()
    except BuildDateError as exc:
        raise PluginError(str(exc)) from None
    try:
        authors = load_authors(AUTHORS, AUTHORS.relative_to(ROOT).as_posix())
        posts = load_posts(docs_dir, authors)
        strings = load_strings(ROOT / "data" / "strings.yml")
    except ProblemsError as exc:
        raise PluginError(f"the news posts are invalid:\n{exc}") from None
    renderer = NewsRenderer(TEMPLATES, strings, authors)
    missing = renderer.missing_strings()
    if missing:
        raise PluginError(f"data/strings.yml: interface strings of the news are missing: {', '.join(missing)} "
                          "(add each key with its fr and en texts)")
    links = unpublished_link_problems(docs_dir, posts, today)
    if links:
        raise PluginError(f"a published page links to a post not yet published:\n{format_problems(links)}")
    _state.update(today=today, authors=authors, posts=posts, strings=strings, renderer=renderer,
                  hidden=unpublished_sources(posts, today),
                  by_source={p.src_uri: p for p in posts})
    return config


def on_files(files, config, **kwargs):
    """Drop the posts dated after the build date before the i18n plugin (priority -100) sorts the languages:
    no page, no search entry, no sitemap entry."""
    for file in [f for f in files if f.src_uri in _state["hidden"]]:
        files.remove(file)
    return files


def _source(page, config) -> str:
    return Path(page.file.abs_src_path).relative_to(Path(config.docs_dir)).as_posix()


def on_page_markdown(markdown, page, config, files, **kwargs):
    renderer: NewsRenderer = _state["renderer"]
    post = _state["by_source"].get(_source(page, config))
    if post is not None:
        markdown = renderer.header(post, page.url) + markdown.rstrip("\n") + "\n\n" + renderer.footer(post, page.url)
    tag = marker("actualites")
    if tag in markdown:
        lang = page_language(config)
        markdown = markdown.replace(tag, renderer.index(published_posts(_state["posts"], _state["today"], lang),
                                                        lang, page.url))
    return markdown


def on_post_build(config, **kwargs):
    """The feed of the language being built, under its root (the i18n plugin builds each language in turn)."""
    lang = page_language(config)
    data = atom_feed(published_posts(_state["posts"], _state["today"], lang), lang, config.site_url or "",
                     _state["strings"], _state["authors"], _state["today"])
    write_output(Path(config.site_dir) / lang_prefix(lang) / FEED, data)
