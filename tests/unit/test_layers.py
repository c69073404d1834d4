"""How the package's modules may import one another, read from their source (every import statement, those inside
functions and under `if TYPE_CHECKING:` too).

The layers: the shared ones (core, pages, search, site, i18n) import only shared layers; the domains (calls,
campaigns, criteria, kits, news, profile) import shared layers and other domains; the project loader
(sitekit.project) imports both; the validator (checks) and the MkDocs side (mkdocs) may import anything. So the
build never imports the validator, and a shared module never knows a domain."""

from __future__ import annotations

from pathlib import Path

from support.imports import MODULES, PACKAGE, imported, module_name


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


SHARED = frozenset({"core", "pages", "search", "site", "i18n"})
DOMAINS = frozenset({"calls", "campaigns", "criteria", "kits", "news", "profile"})
TOP = frozenset({"checks", "mkdocs"})
# What each layer may import (the package's own __init__ imports nothing; `sitekit` alone, the namespace, is free).
MAY_IMPORT = {
    **dict.fromkeys(SHARED, SHARED),
    **dict.fromkeys(DOMAINS, SHARED | DOMAINS),
    "project": SHARED | DOMAINS,
    **dict.fromkeys(TOP, SHARED | DOMAINS | TOP | {"project"}),
}


def layer(name: str) -> str:
    """The layer of a module: sitekit.search.terms -> search, sitekit.project -> project, sitekit -> sitekit."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layering_problems(files: list[Path], package: Path = PACKAGE) -> list[str]:
    """Each import that goes against MAY_IMPORT (a module in a folder that is no known layer is one too)."""
    out = []
    for file in files:
        own = layer(module_name(file, package))
        if own == "sitekit":
            continue
        if own not in MAY_IMPORT:
            out.append(f"{file.relative_to(package.parent).as_posix()}: in no known layer")
            continue
        for line, name in imported(file, package):
            target = layer(name)
            if target not in ("sitekit", own) and target not in MAY_IMPORT[own]:
                out.append(f"{file.relative_to(package.parent).as_posix()}:{line}: {own} imports {name}")
    return out


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


def test_shared_layers_import_no_domain_and_domains_no_validator():
    assert {layer(module_name(file)) for file in MODULES} == {"sitekit", *MAY_IMPORT}
    assert layering_problems(MODULES) == []


def test_an_import_across_the_layers_is_found(tmp_path):
    package = tmp_path / "sitekit"
    for folder in ("search", "kits", "checks", "extra"):
        (package / folder).mkdir(parents=True)
    (package / "search" / "terms.py").write_text(
        "from sitekit.core.cache import read_json\nfrom sitekit.news.model import POSTS_DIR\n", encoding="utf-8"
    )
    (package / "kits" / "versions.py").write_text(
        "from sitekit.calls import model\n\n\ndef main():\n    from sitekit.project import load_project\n",
        encoding="utf-8",
    )
    (package / "checks" / "cli.py").write_text("from sitekit.project import load_project\n", encoding="utf-8")
    (package / "extra" / "thing.py").write_text("", encoding="utf-8")
    assert layering_problems(sorted(package.rglob("*.py")), package) == [
        "sitekit/extra/thing.py: in no known layer",
        "sitekit/kits/versions.py:5: kits imports sitekit.project",
        "sitekit/kits/versions.py:5: kits imports sitekit.project.load_project",
        "sitekit/search/terms.py:2: search imports sitekit.news.model",
        "sitekit/search/terms.py:2: search imports sitekit.news.model.POSTS_DIR",
    ]
