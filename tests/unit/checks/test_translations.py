"""A page present in one language only is reported with the file to create; the shipped pages have both."""

from sitekit.checks.translations import missing_translations


def test_reports_missing_english_and_missing_french(tmp_path):
    docs = tmp_path / "docs"
    (docs / "kits").mkdir(parents=True)
    for name in ["index.md", "index.en.md", "only-fr.md", "kits/only-en.en.md"]:
        (docs / name).write_text("# x\n", encoding="utf-8")
    assert [str(p) for p in missing_translations(docs)] == [
        "docs/only-fr.md: no en version of this page (create docs/only-fr.en.md)",
        "docs/kits/only-en.en.md: no fr version of this page (create docs/kits/only-en.md)",
    ]


def test_complete_tree_has_no_problem(tmp_path):
    (tmp_path / "a.md").write_text("# a\n", encoding="utf-8")
    (tmp_path / "a.en.md").write_text("# a\n", encoding="utf-8")
    assert missing_translations(tmp_path) == []


def test_every_source_page_has_its_translation(root_docs):
    assert [str(p) for p in missing_translations(root_docs)] == []
