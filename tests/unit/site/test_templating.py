"""Compiled templates kept between builds (disk) and between `mkdocs serve` rebuilds (memory), never stale."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from sitekit.i18n.strings import Strings
from sitekit.site.templating import MemoryBytecodeCache, TemplateRenderer

STRINGS = Strings({"demo.hello": {"fr": "Bonjour", "en": "Hello"}})


@pytest.fixture
def compiled(monkeypatch) -> list[str]:
    """Names of the templates Jinja compiles."""
    names: list[str] = []
    original = Environment.compile

    def compile_(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", compile_)
    return names


def renderer(templates, cache) -> TemplateRenderer:
    made = TemplateRenderer(templates, STRINGS)
    made.keep_compiled(cache)
    return made


def test_a_later_build_reads_the_compiled_template(tmp_path, compiled):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.md").write_text("{{ ui['demo.hello'] }} ({{ lang }})\n", encoding="utf-8")
    cache = tmp_path / ".cache" / "jinja"
    assert renderer(templates, cache)._render("page.md", "fr") == "Bonjour (fr)\n"
    assert compiled == ["page.md"]
    assert renderer(templates, cache)._render("page.md", "en") == "Hello (en)\n"  # another build
    assert compiled == ["page.md"]


def test_an_edited_template_is_compiled_again(tmp_path, compiled):
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.md"
    page.write_text("{{ ui['demo.hello'] }}\n", encoding="utf-8")
    cache = tmp_path / "cache"
    renderer(templates, cache)._render("page.md", "fr")
    page.write_text("{{ ui['demo.hello'] }}!\n", encoding="utf-8")
    assert renderer(templates, cache)._render("page.md", "fr") == "Bonjour!\n"
    assert compiled == ["page.md", "page.md"]


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path, compiled):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.md").write_text("{{ lang }}\n", encoding="utf-8")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert renderer(templates, blocked / "jinja")._render("page.md", "fr") == "fr\n"
    assert renderer(templates, blocked / "jinja")._render("page.md", "fr") == "fr\n"
    assert compiled == ["page.md", "page.md"]


def test_the_memory_cache_serves_environments_with_the_same_options(compiled):
    cache = MemoryBytecodeCache()
    sources = {"base.html": "{% if x %}\n  <b>{{ x }}</b>\n{% endif %}\n"}

    def env(**options) -> Environment:
        return Environment(loader=DictLoader(sources), bytecode_cache=cache, **options)

    assert env().get_template("base.html").render(x=1) == "\n  <b>1</b>\n"
    assert env().get_template("base.html").render(x=1) == "\n  <b>1</b>\n"  # a rebuild: a new environment
    assert compiled == ["base.html"]
    assert env(trim_blocks=True).get_template("base.html").render(x=1) == "  <b>1</b>\n"  # other options
    sources["base.html"] = "{{ x }}!"
    assert env().get_template("base.html").render(x=2) == "2!"  # an edited template
    assert compiled == ["base.html"] * 3
