"""The site's palette (light and dark) and the printed materials' colours, derived from one brand colour.

Every derived colour is chosen for WCAG 2.1 AA contrast (4.5:1 for text) against what it is drawn on or
under: a brand colour too light for white text is darkened, keeping its hue, and the change is reported.
"""

from __future__ import annotations

import colorsys
from dataclasses import dataclass

RGB = tuple[int, int, int]
WHITE: RGB = (255, 255, 255)
AA = 4.5  # WCAG 2.1 AA, normal text
MARGIN = 4.6  # what the palette aims at, so that rounding never lands below AA
SLATE_SATURATION = 0.15  # Material's slate background: hsl(--md-hue, 15%, 14%); code blocks: 18%
HOUSE_ACCENT, OTHER_ACCENT = "#a4121a", "#00695c"  # dark red, or dark teal when the brand itself is red


def rgb(hex_colour: str) -> RGB:
    value = hex_colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_of(colour: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*colour)


def luminance(colour: RGB) -> float:
    """Relative luminance (WCAG 2.1)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hls(colour: RGB) -> tuple[float, float, float]:
    r, g, b = (c / 255 for c in colour)
    return colorsys.rgb_to_hls(r, g, b)


def from_hls(h: float, lightness: float, s: float) -> RGB:
    r, g, b = colorsys.hls_to_rgb(h % 1.0, min(max(lightness, 0.0), 1.0), min(max(s, 0.0), 1.0))
    return round(r * 255), round(g * 255), round(b * 255)


def darkest_passing(colour: RGB, against: tuple[RGB, ...], ratio: float = MARGIN) -> RGB:
    """`colour` if it reaches `ratio` against every background, else the lightest darker shade of its hue that does."""
    h, lightness, s = hls(colour)
    candidate = colour
    while any(contrast(candidate, bg) < ratio for bg in against) and lightness > 0:
        lightness -= 0.005
        candidate = from_hls(h, lightness, s)
    return candidate


def lightest_needed(colour: RGB, against: tuple[RGB, ...], ratio: float = MARGIN) -> RGB:
    """`colour` if it reaches `ratio` against every (dark) background, else the darkest lighter shade that does."""
    h, lightness, s = hls(colour)
    candidate = colour
    while any(contrast(candidate, bg) < ratio for bg in against) and lightness < 1:
        lightness += 0.005
        candidate = from_hls(h, lightness, s)
    return candidate


def slate(hue: float, lightness: float) -> RGB:
    """Material's slate background of a hue at a lightness (14 % page, 18 % code blocks)."""
    return from_hls(hue, lightness, SLATE_SATURATION)


@dataclass(frozen=True)
class Palette:
    """The custom properties of both schemes, the print colours, and the brand colour as given."""

    brand: str
    primary: str  # the brand colour, darkened if white text on it (or it as text on white) is below AA
    light: dict[str, str]  # custom property -> value, light scheme
    dark: dict[str, str]  # custom property -> value, slate scheme
    hue: int  # degrees, for Material's slate tints
    print_band: RGB  # band and title on paper
    print_heading: RGB  # headings on paper

    @property
    def adjusted(self) -> bool:
        return self.primary != self.brand


def derive_palette(brand: str) -> Palette:
    """Both schemes and the print colours from one #rrggbb colour."""
    base = rgb(brand)
    h, lightness, s = hls(base)
    primary = darkest_passing(base, (WHITE,))
    ph, pl, ps = hls(primary)
    primary_light = darkest_passing(from_hls(ph, pl + 0.08, ps), (WHITE,))
    primary_dark = from_hls(ph, pl * 0.75, ps)
    red = h < 30 / 360 or h > 300 / 360  # red, magenta and pink brands
    accent = darkest_passing(rgb(OTHER_ACCENT if red and s > 0.25 else HOUSE_ACCENT), (WHITE,))
    footer = from_hls(ph, 0.16, min(ps, 0.45))
    footer_dark = from_hls(ph, 0.11, min(ps, 0.45))
    light = {
        "--md-primary-fg-color": hex_of(primary),
        "--md-primary-fg-color--light": hex_of(primary_light),
        "--md-primary-fg-color--dark": hex_of(primary_dark),
        "--md-primary-bg-color": "#ffffff",
        "--md-primary-bg-color--light": "#ffffffd9",
        "--md-accent-fg-color": hex_of(accent),
        "--md-accent-fg-color--transparent": hex_of(accent) + "1a",
        "--md-accent-bg-color": "#ffffff",
        "--md-typeset-a-color": hex_of(primary),
        "--md-footer-bg-color": hex_of(footer),
        "--md-footer-bg-color--dark": hex_of(footer_dark),
    }
    backgrounds = (slate(h, 0.14), slate(h, 0.18))
    dark_primary = from_hls(h, 0.2, min(s, 0.55))
    link = lightest_needed(from_hls(h, max(lightness, 0.7), min(s, 0.9) or 0.0), backgrounds, 5.5)
    dark_accent = lightest_needed(from_hls(hls(accent)[0], 0.8, 0.9), backgrounds, 5.5)
    dark = {
        "--md-hue": str(round(h * 360)),
        "--md-primary-fg-color": hex_of(dark_primary),
        "--md-primary-fg-color--light": hex_of(from_hls(h, 0.27, min(s, 0.55))),
        "--md-primary-fg-color--dark": hex_of(from_hls(h, 0.13, min(s, 0.55))),
        "--md-primary-bg-color": "#ffffff",
        "--md-primary-bg-color--light": "#ffffffd9",
        "--md-accent-fg-color": hex_of(dark_accent),
        "--md-accent-fg-color--transparent": hex_of(dark_accent) + "1a",
        "--md-accent-bg-color": hex_of(dark_primary),
        "--md-typeset-a-color": hex_of(link),
        "--site-button-primary-fg": hex_of(from_hls(h, 0.1, min(s, 0.55))),
    }
    return Palette(brand, hex_of(primary), light, dark, round(h * 360), primary, primary_dark)
