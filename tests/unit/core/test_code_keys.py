"""Cache keys made from the package's code as it is: the source of the modules that make an output and of every
sitekit module they import, found by reading their import statements; a module added later is in the key as soon
as the code imports it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sitekit.core.cache import PACKAGE, code_files, engine, importers, module_imports
from support.imports import MODULES, imported, module_name


def names(files: list[Path], package: Path = PACKAGE) -> set[str]:
    return {file.relative_to(package).as_posix() for file in files}


def test_the_import_reader_finds_what_the_python_parser_finds_in_every_module():
    graph = module_imports()
    assert set(graph) == {module_name(file) for file in MODULES}
    for file in MODULES:
        name = module_name(file)
        parsed = {imported_name for _, imported_name in imported(file)} & set(graph)
        assert set(graph[name]) - {name} == parsed - {name}, name


def test_each_key_covers_the_modules_it_was_made_of_by_hand():
    """What each key listed by hand before (a subset: the key now also has what these import)."""
    assert {
        "kits/package.py",
        "kits/printing.py",
        "kits/render.py",
        "kits/fitting.py",
        "kits/artwork.py",
        "kits/formats.py",
    } <= names(code_files(["sitekit.kits.package"]))
    assert {"sitekit.calls.export", "sitekit.campaigns.view"} <= set(importers("sitekit.site.ics"))
    ics = code_files(["sitekit.site.ics", *importers("sitekit.site.ics")])
    assert {
        "site/ics.py",
        "i18n/strings.py",
        "core/schema.py",
        "site/paths.py",
        "calls/export.py",
        "calls/model.py",
        "campaigns/view.py",
        "campaigns/model.py",
    } <= names(ics)
    assert {"search/terms.py", "i18n/strings.py", "site/paths.py", "search/index.py"} <= names(
        code_files(["sitekit.search.index"])
    )
    assert {"pages/sources.py", "pages/frontmatter.py", "core/text.py", "core/yamlfile.py"} <= names(
        code_files(["sitekit.pages.sources"])
    )
    assert "kits/view.py" not in names(code_files(["sitekit.kits.package"]))  # the catalogue's page: not a PDF


def copy_package(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "src" / "sitekit", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "src" / "sitekit"


def test_a_module_imported_by_the_kits_code_changes_the_key(tmp_path):
    package = copy_package(tmp_path)

    def key() -> str:
        return engine(code_files(["sitekit.kits.package"], package), [])

    before = key()
    (package / "kits" / "margins.py").write_text("MARGIN = 12\n", encoding="utf-8")
    assert key() == before  # imported by no one: not in the key
    printing = package / "kits" / "printing.py"
    printing.write_text(
        printing.read_text(encoding="utf-8") + "\n\ndef _margin() -> int:\n    from sitekit.kits import margins\n\n"
        "    return margins.MARGIN\n",
        encoding="utf-8",
    )
    imported_later = key()
    assert imported_later != before
    (package / "kits" / "trim.py").write_text("TRIM = 3\n", encoding="utf-8")
    (package / "kits" / "margins.py").write_text("from .trim import TRIM\n\nMARGIN = 12 + TRIM\n", encoding="utf-8")
    relative = key()
    assert relative not in (before, imported_later)
    (package / "kits" / "trim.py").write_text("TRIM = 5\n", encoding="utf-8")
    assert key() not in (before, imported_later, relative)  # what the new module imports is in the key too


def test_the_kits_engine_reads_the_package_it_is_imported_from(tmp_path):
    """kits_engine as the build calls it, in a process that imports a copy of the package with one more module."""
    package = copy_package(tmp_path)
    css = tmp_path / "print.css"
    css.write_text("@page { size: A4 }\n", encoding="utf-8")
    script = (
        "import sys; from pathlib import Path; import sitekit; from sitekit.kits.package import kits_engine; "
        f"assert Path(sitekit.__file__).is_relative_to({str(tmp_path)!r}), sitekit.__file__; "
        f"print(kits_engine(Path({str(css)!r})))"
    )

    def key() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script],
            env={"PYTHONPATH": str(package.parent), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    before = key()
    (package / "kits" / "bleed.py").write_text("BLEED = 3\n", encoding="utf-8")
    render = package / "kits" / "render.py"
    render.write_text(
        render.read_text(encoding="utf-8").replace(
            "from sitekit.kits.formats import Format\n",
            "from sitekit.kits.bleed import BLEED\nfrom sitekit.kits.formats import Format\n",
        ),
        encoding="utf-8",
    )
    assert key() != before
