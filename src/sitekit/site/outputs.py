"""Files the plugin adds to the built site: written whole or not at all, and left alone when unchanged."""

from __future__ import annotations

import os
from pathlib import Path

from sitekit.core.filestamp import Stamp, stamp

# What this process last wrote or found at each path: the file's stamp then, and the bytes (the same object a
# memoised output hands again at the next build of `mkdocs serve`, so that an unchanged kit PDF is not read back).
_written: dict[Path, tuple[Stamp, bytes]] = {}


def write_output(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so that a failed build never leaves half a file;
    an identical file is left untouched (its date too)."""
    kept, now = _written.get(path), stamp(path)
    if kept is not None and now is not None and kept[0] == now and (kept[1] is data or kept[1] == data):
        return  # the file is as this process left it, with these bytes
    if now is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    elif now[1] == len(data) and path.read_bytes() == data:
        _written[path] = (now, data)
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    written = stamp(path)
    if written is not None:
        _written[path] = (written, data)
