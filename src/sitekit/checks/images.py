"""Images without alternative text in a Markdown line: `![](file.png)` and `<img>` without `alt`."""

from __future__ import annotations

import re

from sitekit.core.problems import Problem
from sitekit.pages.prose import without_code

_MD_IMAGE_NO_ALT = re.compile(r"!\[\s*\]\s*[(\[]")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"\salt\s*=", re.IGNORECASE)


def image_problems(line: str, path: str, number: int) -> list[Problem]:
    """An error for each image of the line (outside inline code) that has no alternative text."""
    code_free = without_code(line)
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
