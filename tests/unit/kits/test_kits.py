"""Kits: the loader's problems (exact text, file and line) for each bad input, and review freshness."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from conftest import ROOT
from sitekit.core.problems import Level, ProblemsError
from sitekit.kits.formats import output_names
from sitekit.kits.model import (
    MAX_FILE_BYTES,
    Audience,
    Theme,
    add_months,
    kit_freshness_problems,
    load_kits,
    review_due,
)
from support.kits import VALID, make_kit

EXPECTED_IDS = [
    "acces-distants-teletravail",
    "appareils-mobiles",
    "cles-usb",
    "cybermois",
    "exercice-crise",
    "fraudes-telephone-virement",
    "hameconnage",
    "medico-social-premier-niveau",
    "mises-a-jour",
    "mots-de-passe",
    "poste-partage-soins",
    "reseaux-sociaux-secret",
    "sauvegardes-pca-pra",
]


def problems(root: Path) -> list[str]:
    with pytest.raises(ProblemsError) as exc:
        load_kits(root / "kits", root)
    return str(exc.value).splitlines()


def test_valid_kit_loads_with_its_lines(tmp_path):
    make_kit(tmp_path)
    [kit] = load_kits(tmp_path / "kits", tmp_path)
    assert kit.id == "demo" and kit.version == "1.2.0"
    assert kit.audiences == (Audience.SOIGNANTS, Audience.TOUS) and kit.themes == (Theme.HAMECONNAGE,)
    assert kit.licence == "Licence Ouverte / Etalab 2.0"
    assert kit.display_path == "kits/demo/kit.yml" and kit.line("last_review") == 11
    assert [output_names(f) for f in kit.files] == [
        ["affiche.fr.a4.pdf", "affiche.fr.a3.pdf", "affiche.fr.1920x1080.png", "affiche.fr.1920x1080.txt"]
        + ["affiche.fr.1200x630.png", "affiche.fr.1200x630.txt"],
        ["affiche.en.a4.pdf"],  # a reflex sheet: A4 only
    ]


def test_real_kits_load():
    kits = load_kits(ROOT / "kits", ROOT)
    assert [k.id for k in kits] == EXPECTED_IDS
    for kit in kits:
        assert kit.printables("fr") and kit.printables("en"), kit.id


def test_missing_file(tmp_path):
    make_kit(tmp_path, files=("affiche.fr.md",))
    assert problems(tmp_path) == [
        "kits/demo/kit.yml:19: files[1].path: file 'affiche.en.md' not found in kits/demo/ "
        "(check the spelling of the path, or add the file to the kit folder)"
    ]


def test_symlink_pointing_outside(tmp_path):
    kit = make_kit(tmp_path, files=("affiche.fr.md",))
    outside = tmp_path / "secret.md"
    outside.write_text("secret", encoding="utf-8")
    os.symlink(outside, kit / "affiche.en.md")
    assert problems(tmp_path) == [
        "kits/demo/kit.yml:19: files[1].path: 'affiche.en.md' is a symbolic link pointing outside the kit folder "
        "(copy the file into the kit folder instead of linking to it)"
    ]


def test_symlinked_folder_pointing_outside(tmp_path):
    kit = make_kit(
        tmp_path, VALID.replace("path: affiche.en.md", "path: shared/affiche.en.md"), files=("affiche.fr.md",)
    )
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "affiche.en.md").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", kit / "shared")
    assert problems(tmp_path) == [
        "kits/demo/kit.yml:19: files[1].path: 'shared/affiche.en.md' is a symbolic link pointing outside the kit "
        "folder (copy the file into the kit folder instead of linking to it)"
    ]


def test_symlink_inside_the_kit_is_refused_too(tmp_path):
    kit = make_kit(tmp_path, files=("affiche.fr.md",))
    os.symlink(kit / "affiche.fr.md", kit / "affiche.en.md")
    assert problems(tmp_path) == [
        "kits/demo/kit.yml:19: files[1].path: 'affiche.en.md' is a symbolic link "
        "(copy the file into the kit folder instead of linking to it)"
    ]


def test_symlinked_kit_folder_or_kit_yml_is_refused(tmp_path):
    make_kit(tmp_path)
    os.symlink(tmp_path / "kits" / "demo", tmp_path / "kits" / "copie")
    other = make_kit(tmp_path, VALID.replace("id: demo", "id: autre"), folder="autre")
    (other / "kit.yml").rename(tmp_path / "autre.yml")
    os.symlink(tmp_path / "autre.yml", other / "kit.yml")
    assert problems(tmp_path) == [
        "kits/autre/kit.yml: a symbolic link in the kits folder (copy the folder or file here instead of linking to it)",
        "kits/copie: a symbolic link in the kits folder (copy the folder or file here instead of linking to it)",
    ]


@pytest.mark.parametrize(
    "name", ["affiche en.md", "affiché.en.md", ".affiche.en.md", "-affiche.en.md", "a\\b.md", "x" * 101]
)
def test_file_names_with_unexpected_characters_are_refused(tmp_path, name):
    make_kit(tmp_path, VALID.replace("path: affiche.en.md", f"path: '{name}'"), files=("affiche.fr.md",))
    assert problems(tmp_path) == [
        f"kits/demo/kit.yml:19: files[1].path: {name!r} has a name with unexpected characters "
        "(rename it with letters without accents, digits, '.', '-' and '_' only, e.g. affiche.fr.md)"
    ]


def test_a_text_source_that_is_not_utf8_is_named_with_its_line(tmp_path):
    kit = make_kit(
        tmp_path,
        VALID.replace("role: fiche-reflexe", "role: quiz") + "  - path: affiche.en.txt\n    role: quiz\n    lang: en\n",
    )
    (kit / "affiche.en.txt").write_bytes("Quiz\nQuestion à choix\n".encode("latin-1"))
    assert problems(tmp_path)[0] == "kits/demo/affiche.en.txt:2: not UTF-8 text (byte 0xE0) (save the file as UTF-8)"


def test_file_over_20_mb(tmp_path):
    kit = make_kit(tmp_path)
    with open(kit / "affiche.en.md", "ab") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    assert problems(tmp_path) == [
        "kits/demo/kit.yml:19: files[1].path: 'affiche.en.md' is 20.0 MB, over the 20 MB limit "
        "(compress or split the file (PDFs printed from Markdown are made by the build))"
    ]


def test_not_a_mapping_and_other_kits_still_checked(tmp_path):
    make_kit(tmp_path, "- just\n- a list\n", folder="bad")
    make_kit(tmp_path, VALID.replace("review_months: 12", "review_months: twelve"))
    assert problems(tmp_path) == [
        "kits/bad/kit.yml:1: (root): expected a mapping of keys (id:, title:, files:, ...) "
        "(write one key per line, as in the other kits' kit.yml)",
        "kits/demo/kit.yml:12: review_months: 'twelve' is not a number of months (write a whole number from 1 to 60, e.g. 12)",
    ]


def test_duplicate_kit_id(tmp_path):
    make_kit(tmp_path, folder="demo")
    make_kit(tmp_path, folder="demo-copy")
    assert problems(tmp_path) == [
        "kits/demo-copy/kit.yml:1: id: duplicate kit id 'demo', already used by kits/demo/kit.yml "
        "(give each kit its own id)"
    ]


@pytest.mark.parametrize(
    "text,expected",
    [
        pytest.param(
            VALID.replace("path: affiche.en.md", "path: ../other/affiche.en.md"),
            [
                "kits/demo/kit.yml:19: files[1].path: '../other/affiche.en.md' escapes the kit folder "
                "(keep the file inside the kit folder and write its path without ..)"
            ],
            id="path-with-dotdot",
        ),
        pytest.param(
            VALID.replace("path: affiche.fr.md", "path: /etc/passwd"),
            [
                "kits/demo/kit.yml:16: files[0].path: '/etc/passwd' is an absolute path "
                "(write the path relative to the kit folder, e.g. affiche.fr.md)"
            ],
            id="absolute-path",
        ),
        pytest.param(
            VALID.replace("[soignants, tous]", "[soignants, infirmiers]").replace("[hameconnage]", "[phishing]"),
            [
                "kits/demo/kit.yml:9: audiences[1]: 'infirmiers' is not allowed (use 'soignants', 'administratifs', "
                "'direction', 'informatique', 'medico-social' or 'tous')",
                "kits/demo/kit.yml:10: themes[0]: 'phishing' is not allowed (use 'hameconnage', 'mots-de-passe', "
                "'mises-a-jour', 'sauvegardes-pca-pra', 'gestion-de-crise', 'signalement', 'sensibilisation', "
                "'communication', 'fraudes', 'poste-partage', 'reseaux-sociaux', 'acces-distants', 'appareils-mobiles' "
                "or 'supports-amovibles')",
            ],
            id="unknown-theme-and-audience",
        ),
        pytest.param(
            VALID.replace("  en: Demo\n", "  en: [Demo\n"),
            [
                "kits/demo/kit.yml:5: « [ » opened on this line is not closed on it (close it with « ] » on the same line)"
            ],
            id="malformed-kit-yml",
        ),
        pytest.param(
            (
                VALID.replace("  en: A test kit.\n", "")
                .replace("review_months: 12", "review_months: 12\nreviewer: me")
                .replace("role: fiche-reflexe", "role: poster")
            ),
            [
                "kits/demo/kit.yml:6: summary.en: missing English text (add en: with the text in that language)",
                "kits/demo/kit.yml:12: reviewer: unknown key (did you mean last_review? known keys: id, version, title, "
                "summary, audiences, themes, last_review, review_months, licence, sources, files)",
                "kits/demo/kit.yml:20: files[1].role: 'poster' is not allowed (use 'affiche', 'fiche-reflexe', 'memo', "
                "'quiz', 'modele-courriel', 'publication-reseaux-sociaux', 'support-presentation', 'article-intranet' "
                "or 'plan')",
            ],
            id="unknown-key-missing-language-and-bad-role",
        ),
        pytest.param(
            VALID.replace("role: fiche-reflexe", "role: quiz"),
            [
                "kits/demo/kit.yml:15: files: no printable poster or reflex sheet in en "
                "(list a Markdown file with role affiche or fiche-reflexe and lang en)"
            ],
            id="no-printable-in-a-language",
        ),
    ],
)
def test_a_mistake_in_kit_yml_is_named_with_its_line(tmp_path, text, expected):
    make_kit(tmp_path, text)
    assert problems(tmp_path) == expected


def test_folder_without_kit_yml(tmp_path):
    make_kit(tmp_path)
    (tmp_path / "kits" / "empty").mkdir()
    assert problems(tmp_path) == [
        "kits/empty/kit.yml: a kit folder without kit.yml (add kit.yml (see kits/README.md) or remove the folder)"
    ]


def test_loading_writes_nothing(tmp_path):
    make_kit(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    load_kits(tmp_path / "kits", tmp_path)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


# --- freshness -----------------------------------------------------------------------------------


def test_add_months_clamps_to_the_end_of_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 23), 12) == date(2027, 11, 23)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)


def test_freshness_ok_warning_then_error(tmp_path):
    make_kit(tmp_path)
    kits = load_kits(tmp_path / "kits", tmp_path)
    assert review_due(kits[0]) == date(2027, 1, 15)
    assert kit_freshness_problems(kits, date(2027, 1, 15)) == []
    [warning] = kit_freshness_problems(kits, date(2027, 1, 16))
    assert warning.level is Level.WARNING
    assert str(warning) == (
        "kits/demo/kit.yml:11: last_review: kit 'demo' was due for review on 2027-01-15 "
        "(1 days ago) (review its content and sources, then set last_review to the review date; "
        "this becomes an error after 30 days)"
    )
    [still_warning] = kit_freshness_problems(kits, date(2027, 2, 14))
    assert still_warning.level is Level.WARNING
    [error] = kit_freshness_problems(kits, date(2027, 2, 15))
    assert error.level is Level.ERROR
    assert str(error) == (
        "kits/demo/kit.yml:11: last_review: kit 'demo' was due for review on 2027-01-15 "
        "(31 days ago) (review its content and sources, then set last_review to the review date)"
    )
    assert [p.level for p in kit_freshness_problems(kits, date(2027, 1, 20), grace_days=3)] == [Level.ERROR]


def test_real_kits_are_fresh_on_the_frozen_dates():
    kits = load_kits(ROOT / "kits", ROOT)
    assert kit_freshness_problems(kits, date(2026, 11, 23)) == []
