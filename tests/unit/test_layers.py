"""How the package's modules may import one another, read from their source (every import statement, those inside
functions and under `if TYPE_CHECKING:` too): the build never imports the validator (sitekit.checks)."""

from __future__ import annotations

from pathlib import Path

from support.imports import MODULES, PACKAGE, imported, module_name


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def validator_imports(files: list[Path], package: Path = PACKAGE) -> list[str]:
    """Each import of sitekit.checks by a module outside sitekit/checks/, as path:line: name."""
    return [
        f"{file.relative_to(package.parent).as_posix()}:{line}: imports {name}"
        for file in files
        if not in_package(module_name(file, package), "sitekit.checks")
        for line, name in imported(file, package)
        if in_package(name, "sitekit.checks")
    ]


def test_only_the_validator_imports_the_validator():
    """The build (the plugin, its features, the domains and shared layers) works without the validator's code."""
    assert len(MODULES) > 80
    assert validator_imports(MODULES) == []


def test_an_import_of_the_validator_is_found_wherever_it_is_written(tmp_path):
    package = tmp_path / "sitekit"
    (package / "news").mkdir(parents=True)
    (package / "checks").mkdir()
    (package / "news" / "late.py").write_text(
        "import sitekit.core\n\n\ndef f():\n    from sitekit.checks.links import resolve\n", encoding="utf-8"
    )
    (package / "news" / "relative.py").write_text("from ..checks import editorial\n", encoding="utf-8")
    (package / "checks" / "own.py").write_text("from sitekit.checks import links\n", encoding="utf-8")
    files = sorted(package.rglob("*.py"))
    assert validator_imports(files, package) == [
        "sitekit/news/late.py:5: imports sitekit.checks.links",
        "sitekit/news/late.py:5: imports sitekit.checks.links.resolve",
        "sitekit/news/relative.py:1: imports sitekit.checks",
        "sitekit/news/relative.py:1: imports sitekit.checks.editorial",
    ]
