"""A kit's sources to break in a test: a valid kit.yml (VALID) and a kit folder made from it (make_kit)."""

from __future__ import annotations

from pathlib import Path

VALID = """\
id: demo
version: "1.2.0"
title:
  fr: Démonstration
  en: Demo
summary:
  fr: Un kit de test.
  en: A test kit.
audiences: [soignants, tous]
themes: [hameconnage]
last_review: 2026-01-15
review_months: 12
sources:
  - https://esante.gouv.fr/securite/cybersecurite
files:
  - path: affiche.fr.md
    role: affiche
    lang: fr
  - path: affiche.en.md
    role: fiche-reflexe
    lang: en
"""


def make_kit(root: Path, text: str = VALID, folder: str = "demo", files=("affiche.fr.md", "affiche.en.md")) -> Path:
    kit = root / "kits" / folder
    kit.mkdir(parents=True, exist_ok=True)
    (kit / "kit.yml").write_text(text, encoding="utf-8")
    for name in files:
        (kit / name).write_text("# Titre\n\n- point\n", encoding="utf-8")
    return kit
