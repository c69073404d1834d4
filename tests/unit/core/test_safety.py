"""Safe by construction: plain-text fields, Markdown escaping, page sources, head metadata and the page policy."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from conftest import ROOT, refused
from sitekit.calls.model import load_calls
from sitekit.core.filestamp import FileMemo
from sitekit.core.text import MAX_TEXT_LENGTH, markdown_text, text_problem
from sitekit.i18n.strings import load_strings
from sitekit.mkdocs.features.safety import escape_metadata
from sitekit.pages import sources as page_sources
from sitekit.pages.sources import MAX_PAGE_BYTES, page_source_problems
from sitekit.site.csp import inline_scripts, policy, script_hash, with_policy

CALLS = ROOT / "tests" / "fixtures" / "calls" / "valid.yml"


# --- plain text ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, problem",
    [
        ("Appel <script>alert(1)</script>", "contains HTML markup: '<script>'"),
        ("Un <b>gras</b>", "contains HTML markup: '<b>'"),
        ("fin <!-- commentaire", "contains HTML markup: '<!--'"),
        ("Caf&eacute; du matin", "contains an HTML character reference: '&eacute;'"),
        ("Voir [le site](https://example.org)", "contains a Markdown link: '[le site](https://example.org)'"),
        ("Nom\u202efdp.exe", "invisible bidirectional control character U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Bip\x07", "control character U+0007"),
        ("Ligne\u2028suivante", "control character U+2028 LINE SEPARATOR"),
        ("deux\nlignes", "line break or tab inside the text"),
        ("x" * (MAX_TEXT_LENGTH + 1), f"text of {MAX_TEXT_LENGTH + 1} characters, over the limit of {MAX_TEXT_LENGTH}"),
    ],
)
def test_what_a_plain_text_field_refuses(text, problem):
    found = text_problem(text)
    assert found is not None and found[0] == problem
    assert found[1]  # every refusal says how to fix it


@pytest.mark.parametrize(
    "text",
    [
        'Le "mode dégradé" … et l’« après »',
        "R&D, 3 < 5 > 2, a_b, *important*, #1, :smile:, {n}, 2025. 1) -x",
        "Сайт 病院 مستشفى 𝕏",
        "Prénom O'Brien — 45 M€",
        "Quiz&nbsp;: êtes-vous prêt&#8239;?",  # a no-break space typed by habit
    ],
)
def test_what_a_plain_text_field_accepts(text):
    assert text_problem(text) is None


def md_to_html(source: str) -> str:
    return markdown.markdown(source, extensions=["attr_list", "abbr", "def_list", "footnotes", "md_in_html", "toc"])


@pytest.mark.parametrize(
    "text",
    [
        "*em* _em_ **strong** `code` [link](javascript:alert(1)) ![img](x.png) [^1] <http://example.org>",
        "# heading",
        "- item",
        "1. item",
        ": definition",
        "    code block",
        "title {: onclick=alert(1) } {#id}",
        '"><img src=x onerror=alert(1)>',
        "a\n\n## second heading\n\n<script>alert(1)</script>",
        "\\*escaped\\*",
    ],
)
def test_markdown_text_is_shown_as_written_in_a_heading_a_line_and_html(text):
    for template in ("## {}", "{}", "- {}", '<p title="{}">{}</p>'):
        html = md_to_html(template.format(*[markdown_text(text)] * template.count("{}")))
        tree = HTMLParser(html)
        tags = [node.tag for node in tree.body.traverse() if node.tag != "-text"]
        assert tags in (["body", "h2"], ["body", "p"], ["body", "ul", "li"]), (template, html)
        assert all(set(node.attributes) <= {"id", "title"} for node in tree.body.traverse()), html
        shown = " ".join(text.split())
        assert shown in " ".join(tree.body.text().split()), (template, html)


def test_markdown_text_keeps_what_is_already_markup_and_ordinary_text_readable():
    assert markdown_text("a_venir 2.2-07 +33 1 23 45 67 89 https://example.org") == (
        "a_venir 2.2-07 +33 1 23 45 67 89 https://example.org"
    )
    assert markdown_text(markdown_text("*")) == "&#42;"


# --- loaders -------------------------------------------------------------------------------------------


def test_markup_in_a_data_field_is_refused_with_file_line_and_field(tmp_path):
    text = CALLS.read_text(encoding="utf-8").replace(
        'title: {fr: "Appel test : candidatures"', 'title: {fr: "Appel <script>alert(1)</script>"'
    )
    assert str(refused(load_calls, tmp_path / "calls.yml", text, "data/calls.yml")) == (
        "data/calls.yml:7: calls[0].title.fr: contains HTML markup: '<script>' "
        "(write plain text: tags are shown as written, not interpreted)"
    )


def test_a_url_with_quotes_or_spaces_is_refused(tmp_path):
    text = CALLS.read_text(encoding="utf-8").replace(
        "https://example.org/appel-test", "'https://example.org/\"><script>alert(1)</script>'"
    )
    message = str(refused(load_calls, tmp_path / "calls.yml", text, "data/calls.yml"))
    assert message.startswith("data/calls.yml:16: calls[0].sources[0]: 'https://example.org/\"><script>")
    assert message.endswith("is not a URL (write the full address, starting with https://)")


def test_interface_strings_refuse_markup_controls_and_unknown_placeholders(tmp_path):
    text = (
        "a:\n  fr: Bonjour <b>toi</b>\n  en: Hello\n"
        'b:\n  fr: "Bip\\x07"\n  en: Beep\n'
        "c:\n  fr: Dans {jours} jours\n  en: In {jours} days\n"
        "d:\n  fr: Dans {n} jours\n  en: In a few days\n"
        "e:\n  fr: Dans {n.__class__} jours\n  en: In {n} days\n"
        "f:\n  fr: Accolade { seule\n  en: Brace\n"
    )
    exc = refused(load_strings, tmp_path / "strings.yml", text, "data/strings.yml")
    assert [line.split(" (")[0] for line in str(exc).splitlines()] == [
        "data/strings.yml:2: a.fr: contains HTML markup: '<b>'",
        "data/strings.yml:5: b.fr: control character U+0007",
        "data/strings.yml:8: c.fr: placeholder {jours} is not one the site fills in",
        "data/strings.yml:9: c.en: placeholder {jours} is not one the site fills in",
        "data/strings.yml:10: d: the languages do not use the same {placeholders}",
        "data/strings.yml:13: e: the languages do not use the same {placeholders}",
        "data/strings.yml:14: e.fr: placeholder {n.__class__} is not one the site fills in",
        "data/strings.yml:17: f.fr: unbalanced { or }",
    ]


# --- page sources ------------------------------------------------------------------------------------


def write_page(docs: Path, name: str, front: str, body: str = "# Titre\n") -> Path:
    page = docs / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return page


def test_page_sources_name_file_line_and_fix(tmp_path):
    docs = tmp_path / "docs"
    write_page(docs, "ok.md", 'title: Titre\ndescription: Le "mode dégradé" … & co\n')
    write_page(docs, "script.md", "title: Titre\ndescription: '\"><script>alert(1)</script>'\n")
    write_page(docs, "alias.md", "title: &t Titre\ndescription: *t\n")
    write_page(docs, "liste.md", "title: [un, deux]\n")
    (docs / "latin1.md").write_bytes("---\ntitle: Été\n---\n\nCafé\n".encode("latin-1"))
    (docs / "grande.md").write_bytes(b"x" * (MAX_PAGE_BYTES + 1))
    assert [str(p) for p in page_source_problems(docs)] == [
        "docs/alias.md:2: YAML anchor &t is not allowed (remove the anchor and write the value out where it is used)",
        f"docs/grande.md: page of {MAX_PAGE_BYTES + 1:,} bytes, over the limit of {MAX_PAGE_BYTES:,} bytes "
        "(split it into several pages)",
        "docs/latin1.md:2: not UTF-8 text (byte 0xC9) (save the file as UTF-8)",
        "docs/liste.md:2: title: expected text, got list (write it as text, in quotes)",
        "docs/script.md:3: description: contains HTML markup: '<script>' "
        "(write plain text: tags are shown as written, not interpreted)",
    ]


def test_pages_checked_without_problem_are_not_parsed_again_by_the_next_build(tmp_path, monkeypatch):
    docs, cache = tmp_path / "docs", tmp_path / ".cache" / "pages"
    write_page(docs, "ok.md", "title: Titre\n")
    write_page(docs, "bad.md", "title: [un, deux]\n")
    first = [str(p) for p in page_source_problems(docs, cache_folder=cache)]
    assert first == ["docs/bad.md:2: title: expected text, got list (write it as text, in quotes)"]
    parsed: list[str] = []
    real = page_sources._source_problems
    monkeypatch.setattr(
        page_sources, "_source_problems", lambda path, *args: parsed.append(path.name) or real(path, *args)
    )
    monkeypatch.setattr(page_sources, "_checked", FileMemo())  # a new process: only the file in .cache/pages/ remains
    monkeypatch.setattr(page_sources, "_known", {})
    assert [str(p) for p in page_source_problems(docs, cache_folder=cache)] == first
    assert parsed == ["bad.md"]  # the page without problem was not parsed again; the faulty one was
    write_page(docs, "ok.md", "title: [changé]\n")  # a changed page is parsed again
    monkeypatch.setattr(page_sources, "_checked", FileMemo())
    assert "docs/ok.md:2: title: expected text, got list (write it as text, in quotes)" in [
        str(p) for p in page_source_problems(docs, cache_folder=cache)
    ]


def test_the_theme_receives_page_metadata_as_html_text():
    page = SimpleNamespace(meta={"title": 'A & "B"', "description": 'Le "mode" <dégradé>', "kit": "demo"})
    escape_metadata(page)
    assert page.meta == {
        "title": "A &amp; &#34;B&#34;",
        "description": "Le &#34;mode&#34; &lt;dégradé&gt;",
        "kit": "demo",
    }
    escape_metadata(page)  # a second call escapes nothing twice
    assert page.meta["title"] == "A &amp; &#34;B&#34;"


# --- Content-Security-Policy -------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="fr"><head>
<meta charset="utf-8">
<script id="__config" type="application/json">{"a": 1}</script>
<script>alert('Hello, world.');</script>
<script src="assets/x.js"></script>
</head><body><script type="module">let x = 1;</script></body></html>"""


def test_the_hashes_of_the_inline_scripts_that_run():
    assert inline_scripts(PAGE) == ["alert('Hello, world.');", "let x = 1;"]
    # The example of the CSP specification.
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    digest = hashlib.sha256(b"let x = 1;").digest()
    assert script_hash("let x = 1;").startswith("'sha256-") and len(digest) == 32


def test_the_policy_comes_first_in_the_head_and_allows_only_the_page_scripts():
    html = with_policy(PAGE)
    head = html.split('<meta charset="utf-8">', 1)[1]
    assert head.lstrip().startswith('<meta http-equiv="Content-Security-Policy" content="')
    meta = HTMLParser(html).css_first('meta[http-equiv="Content-Security-Policy"]')
    content = meta.attributes["content"]
    assert content == policy([script_hash("alert('Hello, world.');"), script_hash("let x = 1;")])
    directives = dict(part.split(" ", 1) for part in content.split("; "))
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert directives["connect-src"] == "'self'" and directives["object-src"] == "'none'"
    assert with_policy(html) == html  # applied twice: one policy, the same
    assert with_policy("<p>no head</p>") == "<p>no head</p>"


# --- the validator -------------------------------------------------------------------------------------


def test_the_validator_names_a_page_not_in_utf8_and_markup_in_a_description(tmp_path, monkeypatch, capsys):
    from sitekit.checks import cli as validate

    corpus = ROOT / "tests" / "fixtures" / "validator" / "corpus"
    shutil.copytree(corpus, tmp_path / "corpus")
    monkeypatch.chdir(tmp_path / "corpus")
    docs = tmp_path / "corpus" / "docs"
    (docs / "latin1.md").write_bytes("---\ntitle: Été\n---\n\nCafé\n".encode("latin-1"))
    write_page(docs, "script.md", "title: Titre\ndescription: '\"><script>alert(1)</script>'\n")
    code = validate.main(["--root", ".", "--today", "2025-10-20"])
    out, err = capsys.readouterr()
    assert code == 1 and "Traceback" not in out + err and err == ""
    lines = out.splitlines()
    assert "docs/latin1.md:2: error: not UTF-8 text (byte 0xC9) (save the file as UTF-8)" in lines
    assert (
        "docs/script.md:3: error: description: contains HTML markup: '<script>' "
        "(write plain text: tags are shown as written, not interpreted)"
    ) in lines


def test_the_server_header_allows_the_inline_scripts_of_every_page(tmp_path, capsys):
    from sitekit.site.csp import main, server_policy

    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "en" / "index.html").write_text(PAGE.replace("let x = 1;", "let x = 2;"), encoding="utf-8")
    header = server_policy(tmp_path)
    assert header.endswith("; frame-ancestors 'self'")
    for text in ("alert('Hello, world.');", "let x = 1;", "let x = 2;"):
        assert script_hash(text) in header
    assert main([str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"Content-Security-Policy: {header}\n"
    assert main([str(tmp_path / "absent")]) == 2
