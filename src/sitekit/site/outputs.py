"""Files the hooks add to the built site: written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path


def write_output(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so that a failed build never leaves half a file;
    an identical file is left untouched (its date too)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_file() and path.read_bytes() == data:
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
