"""The text pypdf extracts from a PDF's pages, extracted once per process for the same bytes (several modules read
the same published PDFs: their sizes and links, the A3 against the A4, the headlines' hyphens)."""

from __future__ import annotations

import io
from functools import lru_cache

from pypdf import PdfReader


@lru_cache(maxsize=512)
def page_texts(data: bytes) -> tuple[str, ...]:
    """pypdf's `extract_text()` of each page of the PDF `data`, in page order."""
    return tuple(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
