"""The lines MkDocs, `mkdocs serve` and the i18n plugin print: told in the author's language, or hidden when nothing
in them is for an author to do (the catalogue's build_log); warnings are never hidden."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sitekit.mkdocs.features.messages import ERROR_LOGGER, I18N_LOGGERS, SERVE_LOGGERS, install

NBSP = "\u00a0"


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append((record.levelno, record.getMessage()))


@pytest.fixture
def shown(tmp_path: Path):
    install(tmp_path, "fr")
    handler = _Lines()
    names = (ERROR_LOGGER, *SERVE_LOGGERS, *I18N_LOGGERS)
    levels = {name: logging.getLogger(name).level for name in names}
    for name in names:
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield handler.lines
    for name in names:
        logging.getLogger(name).removeHandler(handler)
        logging.getLogger(name).setLevel(levels[name])
    install(tmp_path, "en")


def test_mkdocs_lines_are_told_in_french(shown):
    build = logging.getLogger(ERROR_LOGGER)
    build.info("Cleaning site directory")
    build.info("Documentation built in 47.48 seconds")
    logging.getLogger(SERVE_LOGGERS[1]).info("Serving on http://127.0.0.1:8000/")
    assert [line.replace(NBSP, " ") for _, line in shown] == [
        "Nettoyage du dossier du site",
        "Site construit en 47.48 secondes",
        "Site servi sur http://127.0.0.1:8000/ (Ctrl+C pour l’arrêter)",
    ]


def test_the_i18n_plugin_s_information_is_told_or_hidden_but_its_warnings_stay(shown):
    plugin, reconfigure = (logging.getLogger(name) for name in I18N_LOGGERS[:2])
    plugin.info("mkdocs_static_i18n: Building 'en' documentation to directory: site/en")
    plugin.info("mkdocs_static_i18n: Translated 37 navigation elements to 'en'")
    reconfigure.info("mkdocs_static_i18n: Overriding 'en' config 'site_name' with 'Cybersecurity in healthcare'")
    reconfigure.info(
        "mkdocs_static_i18n: The 'extra.alternate' configuration contains a 'link' option that should be an absolute "
        "path '/' and end with a trailing '/' in {'name': 'English', 'link': '/en/index.html', 'lang': 'en'}"
    )
    reconfigure.info("mkdocs_static_i18n: Adding 'fr' to the 'search' plugin 'lang' option")  # not listed: hidden
    plugin.warning("mkdocs_static_i18n: Could not find a homepage for locale 'en'")
    assert [(level, line.replace(NBSP, " ")) for level, line in shown] == [
        (logging.INFO, "Construction des pages de la langue « en » dans site/en"),
        (logging.WARNING, "mkdocs_static_i18n: Could not find a homepage for locale 'en'"),
    ]


def test_in_english_the_lines_are_mkdocs_own(tmp_path):
    install(tmp_path, "en")
    handler = _Lines()
    build = logging.getLogger(ERROR_LOGGER)
    build.addHandler(handler)
    level = build.level
    build.setLevel(logging.INFO)
    try:
        build.info("Documentation built in 3.20 seconds")
        logging.getLogger(ERROR_LOGGER).info("The directory contains stale files. Use --clean to remove them.")
    finally:
        build.removeHandler(handler)
        build.setLevel(level)
    assert handler.lines == [(logging.INFO, "Documentation built in 3.20 seconds")]
