"""The menu (`nav:` of mkdocs.yml): French typography of its labels, at their line."""

from __future__ import annotations

from pathlib import Path

import yaml

from sitekit.checks.typography import typography_problems
from sitekit.core.problems import Problem
from sitekit.pages.prose import prose


def navigation_problems(root: Path, config: str = "mkdocs.yml") -> list[Problem]:
    """Typography warnings for the French labels of the menu (`nav:` of mkdocs.yml), at their line.

    The file is composed, not loaded: its `!!python/name` tags are MkDocs' business, not data to build."""
    try:
        node = yaml.compose((root / config).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # no menu to check (MkDocs reports a broken configuration itself)
    nav = next(
        (value for key, value in getattr(node, "value", []) if getattr(key, "value", None) == "nav"),
        None,
    )
    out: list[Problem] = []
    pending = [nav] if nav is not None else []
    while pending:
        current = pending.pop()
        if isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)
        elif isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode):
                    out += typography_problems(prose(key.value), config, key.start_mark.line + 1, "menu")
                pending.append(value)
    return sorted(out)
