"""The pictures and colours of a printed page or screen: the establishment's colours and logo, the pictogram (or
the source's own picture) and the QR code, inlined as data: addresses (the layout fetches nothing)."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitekit.kits.printable import PrintInfo
from sitekit.kits.printdoc import PrintDoc
from sitekit.profile.colour import RGB, hex_of

BAND, HEADING = (24, 58, 99), (0, 82, 74)  # without a profile: dark blue, dark teal (white text on them: AA)
TINT_SHARE = 0.86  # the tint: the band colour mixed with this much white


@dataclass(frozen=True)
class PrintArt:
    band: str  # "#rrggbb"
    heading: str
    tint: str
    logo: str  # data: address, "" without a profile
    picture: str  # data: address of the pictogram or the source's picture, "" when there is none
    picture_alt: str
    qr: str  # data: address of the QR code leading to the kit's page


def tint_of(colour: RGB) -> RGB:
    return tuple(round(c + (255 - c) * TINT_SHARE) for c in colour)  # type: ignore[return-value]


# What keeps a made file by its inputs (sitekit.kits.printing.Store); by default, nothing is kept.
_Store = Callable[[str, Sequence[str | bytes], Callable[[], bytes]], bytes]


def _make(kind: str, inputs: Sequence[str | bytes], make: Callable[[], bytes]) -> bytes:
    return make()


def print_art(info: PrintInfo, doc: PrintDoc, store: _Store = _make) -> PrintArt:
    band = info.contact.band if info.contact else BAND
    heading = info.contact.heading if info.contact else HEADING
    tint = tint_of(band)
    if doc.picture is not None:
        picture, alt = data_uri(doc.picture.file), doc.picture.alt
    elif info.pictogram is not None:
        svg = info.pictogram.svg(hex_of(band), hex_of(tint))
        picture, alt = _uri("image/svg+xml", svg.encode("utf-8")), info.pictogram.alt[info.lang]
    else:
        picture, alt = "", ""
    return PrintArt(
        band=hex_of(band),
        heading=hex_of(heading),
        tint=hex_of(tint),
        logo=data_uri(info.contact.logo) if info.contact else "",
        picture=picture,
        picture_alt=info.label("pictogram_alt").format(alt=alt) if alt else "",
        # The QR code from `store` when it holds it: qrcode computes one in 5 ms, and is then not even imported.
        qr=_uri("image/svg+xml", store("qr.svg", [info.url], lambda: qr_svg(info.url).encode("utf-8"))),
    )


def data_uri(file: Path) -> str:
    kind = "image/svg+xml" if file.suffix.lower() == ".svg" else "image/png"
    return _uri(kind, file.read_bytes())


def _uri(kind: str, data: bytes) -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def qr_matrix(url: str) -> list[list[bool]]:
    import qrcode  # here: a build whose QR codes are all in the cache does not need it (nor Pillow, which it loads)

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(url)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()  # qrcode has no type information
    return matrix


def qr_svg(url: str) -> str:
    """The QR code as one SVG path on a white square, with its quiet zone (4 modules)."""
    matrix = qr_matrix(url)
    size = len(matrix) + 8
    path = "".join(f"M{x + 4} {y + 4}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/><path d="{path}" fill="#000"/></svg>'
    )
