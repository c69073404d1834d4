"""The `sitekit` plugin's options as mkdocs.yml writes them (`plugins: - sitekit: profile: …`), read without MkDocs:
the validator and the project loader take the profile from the same line the build does; `make profile` writes it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

CONFIG_FILE = "mkdocs.yml"
PLUGIN = "sitekit"


class _TolerantLoader(yaml.SafeLoader):
    """PyYAML's safe loader that reads MkDocs' own tags (!ENV, !!python/name:…) as nothing instead of refusing them."""


def _nothing(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _nothing)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _nothing)


def plugin_options(root: Path) -> dict[str, Any]:
    """The options of the sitekit plugin in root/mkdocs.yml ({} when the file, the plugin or its options are missing,
    or the file does not parse: the build reports that with its own words)."""
    try:
        config = yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=_TolerantLoader)  # a SafeLoader
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict) and PLUGIN in entry:
            options = entry[PLUGIN]
            return dict(options) if isinstance(options, dict) else {}
    return {}


def configured_profile(root: Path) -> str:
    """The profile root/mkdocs.yml names (`plugins: - sitekit: profile:`), '' when it names none."""
    value = plugin_options(root).get("profile")
    return value.strip() if isinstance(value, str) else ""


_PLUGIN_LINE = re.compile(rf"^(?P<indent>\s*)-\s+{PLUGIN}:\s*(?:#.*)?$")
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<key>[A-Za-z_]+):")


def with_profile(text: str, profile: str, comment: str = "") -> str | None:
    """mkdocs.yml's text with the sitekit plugin's `profile:` set to `profile` (the line replaced, else added as the
    plugin's first option), every other line as it was; None when the text has no `- sitekit:` entry with its options
    on the lines below it."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if _PLUGIN_LINE.match(line)), None)
    if start is None:
        return None
    plugin_indent = len(_PLUGIN_LINE.match(lines[start])["indent"])  # type: ignore[index]
    option_indent: int | None = None
    end = start + 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and not line.lstrip().startswith("#"):
            indent = len(line) - len(line.lstrip())
            if indent <= plugin_indent + 1:
                break  # the next plugin, or the next key of mkdocs.yml
            option_indent = indent if option_indent is None else option_indent
        end += 1
    if option_indent is None:
        option_indent = plugin_indent + 4
    note = f"  # {comment}" if comment else ""
    new = f"{' ' * option_indent}profile: {profile}{note}\n"
    for i in range(start + 1, end):
        found = _KEY_LINE.match(lines[i])
        if found and found["key"] == "profile" and len(found["indent"]) == option_indent:
            lines[i] = new
            return "".join(lines)
    lines.insert(start + 1, new)
    return "".join(lines)
