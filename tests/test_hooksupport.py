"""sitekit.hooksupport: what the hooks share."""

from __future__ import annotations

from types import SimpleNamespace

from sitekit import hooksupport


def test_kept_renders_render_again_only_when_the_page_or_the_basis_changes():
    renders: list[str] = []

    def render(text: str):
        return lambda: renders.append(text) or text

    page = SimpleNamespace(url="kits/fiches/a.html", meta={"kit": "a"})
    kept, data, renderer = hooksupport.KeptRenders(), [1], object()
    markdown = "Avant <!-- fiche-kit --> après"
    assert kept.fill((renderer, data), markdown, page, "fr", "fiche-kit", render("A")) == "Avant A après"
    assert kept.fill((renderer, data), markdown, page, "fr", "fiche-kit", render("B")) == "Avant A après"
    assert kept.fill((renderer, data), markdown, page, "en", "fiche-kit", render("C")) == "Avant C après"
    assert kept.fill((renderer, data), markdown + ".", page, "fr", "fiche-kit", render("D")) == "Avant D après."
    assert kept.fill((renderer, [1]), markdown, page, "fr", "fiche-kit", render("E")) == "Avant E après"  # new data
    page.meta["kit"] = "b"
    assert kept.fill((renderer, [1]), markdown, page, "fr", "fiche-kit", render("F")) == "Avant F après"
    assert kept.fill((renderer, [1]), "Sans marqueur", page, "fr", "fiche-kit", render("G")) == "Sans marqueur"
    assert renders == ["A", "C", "D", "E", "F"]
