"""Page markers: HTML comments such as `<!-- plan-du-site -->` that ask a hook for generated content."""

from __future__ import annotations

import re

# Marker name -> what fills it. None: a marker that is read (by the validator), not replaced.
MARKERS: dict[str, str | None] = {
    "plan-du-site": "scripts/hook_sitemap.py",
    "calendrier": "scripts/hook_calls.py",
    "frise": "scripts/hook_calls.py",
    "fiche-appel": "scripts/hook_calls.py",
    "historique": None,
    "catalogue-criteres": "scripts/hook_criteria.py",
    "fiche-critere": "scripts/hook_criteria.py",
    "liste-controle-criteres": "scripts/hook_criteria.py",
    "actualites": "scripts/hook_news.py",
    "campagnes": "scripts/hook_campaigns.py",
    "campagne": "scripts/hook_campaigns.py",
    "catalogue-kits": "scripts/hook_kits.py",
    "fiche-kit": "scripts/hook_kits.py",
    "accueil-etablissement": "scripts/hook_profile.py",
    "messages": "scripts/hook_messages.py",
}

MARKER = re.compile(r"<!--\s*([a-z][a-z0-9-]*)\s*-->")


def marker(name: str) -> str:
    if name not in MARKERS:
        raise KeyError(f"unknown marker {name!r}")
    return f"<!-- {name} -->"


def leftover_markers(text: str) -> list[str]:
    """Marker names still present after generation: unknown names and generated markers not replaced."""
    return [name for name in MARKER.findall(text) if MARKERS.get(name, "unknown") is not None]
