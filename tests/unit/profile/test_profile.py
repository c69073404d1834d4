"""The establishment's profile: loading and its exact error messages, values in pages and kit sources, the derived
palette's contrasts, and the publish check (no build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from sitekit.checks import cli as validate
from sitekit.checks.publish import publish_problems, reserved_host
from sitekit.core.problems import Level, ProblemsError
from sitekit.i18n.strings import load_strings
from sitekit.kits.model import Audience
from sitekit.pages.markdown import read_pages
from sitekit.profile.colour import WHITE, contrast, derive_palette, rgb, slate
from sitekit.profile.model import DEFAULT_PROFILE, Kind, load_profile
from sitekit.profile.values import Renderer, fill, unknown_key_problems
from sitekit.profile.view import medico_social_first
from sitekit.project import load_project

STRINGS = load_strings(ROOT / "data" / "strings.yml")
HOSPITAL = ROOT / "examples" / "profiles" / "hopital.yml"
CLINIC = ROOT / "tests" / "fixtures" / "profiles" / "clinique.yml"  # a complete profile with nothing fictitious
DEMO = load_profile(ROOT / DEFAULT_PROFILE, DEFAULT_PROFILE, ROOT)
EXAMPLE = load_profile(HOSPITAL, "examples/profiles/hopital.yml", ROOT)


def write_profile(tmp_path: Path, replace: dict[str, str] | None = None, text: str | None = None) -> Path:
    """A copy of the hospital example in tmp_path (its logo beside it), with lines replaced."""
    shutil.copy(ROOT / "examples" / "profiles" / "hopital.svg", tmp_path / "logo.svg")
    body = HOSPITAL.read_text(encoding="utf-8").replace("examples/profiles/hopital.svg", "logo.svg")
    for old, new in (replace or {}).items():
        assert old in body, old
        body = body.replace(old, new)
    path = tmp_path / "profile.yml"
    path.write_text(text if text is not None else body, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(ProblemsError) as caught:
        load_profile(path, "profile.yml", path.parent)
    return [str(p) for p in caught.value.problems]


def test_the_demo_loads_with_its_values_to_complete():
    assert DEMO.site_url == "https://cybersante.example.org/"
    assert DEMO.data.establishment.colour == "#000091"
    missing = DEMO.missing()
    assert missing[0] == "establishment.name" and "contacts.it_support.phone" in missing
    lines = (ROOT / DEFAULT_PROFILE).read_text(encoding="utf-8").split("\n")
    assert (
        DEMO.line("contacts.it_support.phone")
        == lines.index("    phone: à compléter", lines.index("  it_support:")) + 1
    )
    assert EXAMPLE.missing() == []


def test_the_project_loads_the_profile_named_by_site_profile(monkeypatch):
    monkeypatch.setenv("SITEKIT_PROFILE", str(HOSPITAL))
    assert load_project(ROOT).establishment.data.establishment.short_name == "CH Valbrume"
    monkeypatch.delenv("SITEKIT_PROFILE")
    assert load_project(ROOT).establishment.path == DEFAULT_PROFILE


@pytest.mark.parametrize(
    "replace, expected",
    [
        (
            {'phone: "01 99 00 12 34"': "phone: 01 99 AB"},
            "profile.yml:34: contacts.it_support.phone: '01 99 AB' is not a phone number (write 10 digits such as "
            '"01 99 00 12 34", "+33 1 99 00 12 34", or an internal extension such as "4455")',
        ),
        (
            {"email: support@ch-valbrume.example": "email: support-at-ch-valbrume"},
            "profile.yml:35: contacts.it_support.email: 'support-at-ch-valbrume' is not an e-mail address (write one "
            "address such as support@ch-exemple.fr)",
        ),
        (
            {"url: https://cyber.ch-valbrume.example/": "url: http://cyber.ch-valbrume.example/"},
            "profile.yml:23: site.url: 'http://cyber.ch-valbrume.example/' is not an https address (write the "
            "address with https://)",
        ),
        (
            {'colour: "#0b6e8a"': "colour: bleu"},
            "profile.yml:17: establishment.colour: 'bleu' is not a colour (write it as #rrggbb in quotes, e.g. "
            '"#1d5e8c")',
        ),
        (
            {"  kind: sanitaire\n": ""},
            "profile.yml:10: establishment.kind: missing (add kind: with its value, or à compléter until you know it "
            "(keys: docs/guide/adapter-le-kit.md))",
        ),
        (
            {"logo: logo.svg": "logo: absent.svg"},
            "profile.yml:16: establishment.logo: logo 'absent.svg' not found (give its path from the repository's "
            "root, e.g. examples/profiles/hopital.svg)",
        ),
        (
            {"logo: logo.svg": "logo: profile.yml"},
            "profile.yml:16: establishment.logo: 'profile.yml' is not an SVG or PNG file (give the path of a .svg or "
            ".png logo)",
        ),
    ],
)
def test_a_bad_value_is_named_with_its_line_and_fix(tmp_path, replace, expected):
    assert problems_of(write_profile(tmp_path, replace)) == [expected]


def test_a_logo_that_is_not_an_image_is_refused(tmp_path):
    path = write_profile(tmp_path)
    (tmp_path / "logo.svg").write_text("not an image", encoding="utf-8")
    assert problems_of(path) == [
        "profile.yml:16: establishment.logo: 'logo.svg' is not a SVG image (export the logo again as SVG or PNG)"
    ]


def test_invalid_yaml_names_the_line(tmp_path):
    path = write_profile(tmp_path, text="establishment:\n  name: [CH\n")
    [problem] = problems_of(path)
    assert (
        problem == "profile.yml:2: « [ » opened on this line is not closed on it (close it with « ] » on the same line)"
    )


def test_values_in_pages_are_markdown_links_escaped():
    renderer = Renderer(EXAMPLE, STRINGS, markdown=True)
    assert renderer.value("contacts.it_support.phone", "fr") == "[01\u00a099\u00a000\u00a012\u00a034](tel:+33199001234)"
    assert renderer.value("contacts.rssi.phone", "fr") == "[01\u00a099\u00a000\u00a044\u00a055](tel:+33199004455)"
    extension = Renderer(load_profile(CLINIC, "clinique.yml", ROOT), STRINGS, markdown=True)
    assert extension.value("contacts.rssi.phone", "fr") == "[4455](tel:4455)"  # an internal extension, as dialled
    assert renderer.value("contacts.it_support", "en") == (
        "[01\u00a099\u00a000\u00a012\u00a034](tel:+33199001234), [support@ch-valbrume.example](mailto:support@ch-valbrume.example) (24/7)"
    )
    assert Renderer(DEMO, STRINGS, markdown=True).value("contacts.it_support", "fr") == (
        "**\\[à compléter dans le profil\u00a0: contacts.it\\_support\\]**"
    )
    text = Renderer(EXAMPLE, STRINGS, markdown=False)
    assert text.value("contacts.it_support.phone", "fr") == "01\u00a099\u00a000\u00a012\u00a034"  # never broken


def test_a_name_cannot_inject_markup(tmp_path):
    path = write_profile(tmp_path, {"name: Centre hospitalier de Valbrume": 'name: "<b>CH</b> [x](y)"'})
    with pytest.raises(ProblemsError) as exc:  # markup in a text field is refused (sitekit.core.text)
        load_profile(path, "profile.yml", tmp_path)
    assert "establishment.name: contains HTML markup: '<b>'" in str(exc.value)
    path = write_profile(tmp_path, {"name: Centre hospitalier de Valbrume": 'name: "*CH* & <5> [x]"'})
    profile = load_profile(path, "profile.yml", tmp_path)
    shown = Renderer(profile, STRINGS, markdown=True).value("establishment.name", "fr")
    assert shown == "\\*CH\\* &amp; &lt;5&gt; \\[x\\]"


def test_an_unknown_key_is_named_with_its_line_and_the_closest_key():
    page = "# Titre\n\nSupport : <!-- profile:contacts.it_suport.phone -->\n"
    [problem] = unknown_key_problems(page, "docs/x.md", EXAMPLE)
    assert str(problem) == (
        "docs/x.md:3: <!-- profile:contacts.it_suport.phone -->: unknown profile key 'contacts.it_suport.phone' "
        "(did you mean contacts.it_support.phone? the keys are listed in docs/guide/adapter-le-kit.md "
        "(« Adapter le kit à votre établissement »))"
    )
    with pytest.raises(ProblemsError):
        fill(page, "docs/x.md", "fr", Renderer(EXAMPLE, STRINGS, markdown=True))


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))
def test_every_colour_gives_a_palette_that_passes_aa(r, g, b):
    brand = f"#{r:02x}{g:02x}{b:02x}"
    palette = derive_palette(brand)
    light, dark = palette.light, palette.dark
    for name in ("--md-primary-fg-color", "--md-primary-fg-color--light", "--md-accent-fg-color"):
        assert contrast(rgb(light[name]), WHITE) >= 4.5, (brand, name)  # white text on it, it on white
    assert contrast(rgb(light["--md-footer-bg-color"]), WHITE) >= 4.5
    hue = int(dark["--md-hue"]) / 360
    for background in (slate(hue, 0.14), slate(hue, 0.18)):
        assert contrast(rgb(dark["--md-typeset-a-color"]), background) >= 4.5, brand
        assert contrast(rgb(dark["--md-accent-fg-color"]), background) >= 4.5, brand
    assert contrast(rgb(dark["--md-primary-fg-color"]), WHITE) >= 4.5
    assert contrast(rgb(dark["--site-button-primary-fg"]), rgb(dark["--md-typeset-a-color"])) >= 4.5
    assert contrast(palette.print_band, WHITE) >= 4.5 and contrast(palette.print_heading, WHITE) >= 4.5
    assert palette.adjusted == (contrast(rgb(brand), WHITE) < 4.6)


def test_a_light_brand_colour_is_darkened_in_its_hue():
    palette = derive_palette("#4c9a2a")
    assert palette.adjusted and palette.primary == "#418424"
    assert derive_palette("#0b6e8a").primary == "#0b6e8a"


@pytest.mark.parametrize(
    "url, reason",
    [
        ("https://cybersante.example.org/", "cybersante.example.org is an example domain"),
        ("https://example.com/", "example.com is an example domain"),
        ("https://site.test/", "site.test is a reserved test name"),
        ("https://cyber.ch-valbrume.example/", "cyber.ch-valbrume.example is an example domain"),
        ("https://x.invalid/", "x.invalid is a reserved test name"),
        ("https://localhost/", "localhost is a reserved test name"),
        ("https://192.168.1.10/", "192.168.1.10 is not a public address"),
        ("https://cyber.ch-valbrume.fr/", ""),
    ],
)
def test_reserved_site_addresses(url, reason):
    assert reserved_host(url) == reason


def test_publish_lists_what_the_demo_lacks_and_passes_a_complete_profile(tmp_path, root_docs):
    pages = read_pages(root_docs)
    demo = publish_problems(load_project(ROOT, DEFAULT_PROFILE), pages, ROOT, publish=True)
    shown = [str(p) for p in demo]
    assert all(p.level is Level.ERROR for p in demo)
    assert any(
        s.startswith("data/profile.yml:") and "contacts.it_support.phone: still « à compléter »" in s for s in shown
    )
    assert any("site.url: https://cybersante.example.org/ cannot be the public site" in s for s in shown)
    line = next(
        n
        for n, text in enumerate((ROOT / "docs/incident.md").read_text("utf-8").splitlines(), 1)
        if "profile:contacts.it_support -->" in text
    )
    assert any(s.startswith(f"docs/incident.md:{line}: profile:contacts.it_support: needs") for s in shown)
    poster = next(
        n
        for n, text in enumerate((ROOT / "kits/hameconnage/affiche.fr.md").read_text("utf-8").splitlines(), 1)
        if "profile:contacts.it_support.phone -->" in text
    )
    assert any(
        s.startswith(f"kits/hameconnage/affiche.fr.md:{poster}: profile:contacts.it_support.phone") for s in shown
    )
    # Every value the example marks « # fictif » replaced (the example with only its address changed: test_fictitious).
    assert publish_problems(load_project(ROOT, str(CLINIC)), pages, ROOT, publish=True) == []
    preview = publish_problems(load_project(ROOT, DEFAULT_PROFILE), pages, ROOT, publish=False)
    assert preview and all(p.level is Level.WARNING for p in preview)


def test_validate_publish_exits_1_on_the_demo(capsys, monkeypatch):
    monkeypatch.delenv("SITEKIT_PROFILE", raising=False)
    assert validate.main(["--root", str(ROOT), "--today", "2025-10-20"]) == 0  # a preview: warnings only
    capsys.readouterr()
    assert validate.main(["--root", str(ROOT), "--today", "2025-10-20", "--publish"]) == 1
    out = capsys.readouterr().out
    assert "data/profile.yml:" in out and "error: contacts.dpo.email: still « à compléter »" in out


def test_a_medico_social_catalogue_starts_with_the_kits_written_first_for_its_sector():
    """Kits for the sector first; among them, those whose first audience is médico-social (the sector's own kit)
    before those that also address it; a health establishment keeps the kits' order."""
    kits = load_project(ROOT).require().kits
    ordered = medico_social_first(kits, Kind.MEDICO_SOCIAL)
    assert ordered[0].id == "medico-social-premier-niveau"
    sector = [k for k in ordered if Audience.MEDICO_SOCIAL in k.audiences]
    assert ordered[: len(sector)] == sector and len(sector) >= 3
    assert medico_social_first(kits, Kind.SANITAIRE) == list(kits)
