"""sitekit.mkdocs.support: what the plugin's features share."""

from __future__ import annotations

from types import SimpleNamespace

from sitekit.mkdocs import support as hooksupport


def test_kept_renders_render_again_only_when_the_page_or_the_basis_changes():
    renders: list[str] = []

    def render(text: str):
        return lambda: renders.append(text) or text

    page = SimpleNamespace(url="kits/fiches/a.html", meta={"kit": "a"})
    kept, data, renderer = hooksupport.KeptRenders(), [1], object()
    markdown = "Avant <!-- kit-page --> après"
    assert kept.for_page((renderer, data), page, "fr")(markdown, "kit-page", render("A")) == "Avant A après"
    assert kept.for_page((renderer, data), page, "fr")(markdown, "kit-page", render("B")) == "Avant A après"
    assert kept.for_page((renderer, data), page, "en")(markdown, "kit-page", render("C")) == "Avant C après"
    assert kept.for_page((renderer, data), page, "fr")(markdown + ".", "kit-page", render("D")) == "Avant D après."
    assert kept.for_page((renderer, [1]), page, "fr")(markdown, "kit-page", render("E")) == "Avant E après"  # new data
    page.meta["kit"] = "b"
    assert kept.for_page((renderer, [1]), page, "fr")(markdown, "kit-page", render("F")) == "Avant F après"
    assert kept.for_page((renderer, [1]), page, "fr")("Sans marqueur", "kit-page", render("G")) == "Sans marqueur"
    assert renders == ["A", "C", "D", "E", "F"]
