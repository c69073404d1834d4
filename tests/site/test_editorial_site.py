"""The editorial check in a build: a published page linking to a scheduled post stops the build with its line."""

from __future__ import annotations

from conftest import build_project


def test_build_stops_on_a_link_to_a_scheduled_post(project):
    page = project / "docs" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nÀ lire bientôt\u00a0: "
        "[l’exercice](actualites/billets/2026-12-01-preparer-l-exercice-de-crise-2027.md).\n",
        encoding="utf-8",
    )
    code, output = build_project(project)
    assert code != 0
    line = (
        page.read_text(encoding="utf-8")
        .splitlines()
        .index(
            "À lire bientôt\u00a0: [l’exercice](actualites/billets/2026-12-01-preparer-l-exercice-de-crise-2027.md)."
        )
        + 1
    )
    assert (
        f"docs/index.md:{line}: link: links to the post 2026-12-01-preparer-l-exercice-de-crise-2027 which is "
        "not published before 2026-12-01"
    ) in output
    assert "Traceback" not in output
