"""The sitekit plugin's options read from mkdocs.yml without MkDocs, and its profile: line written in place."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from sitekit.core.plugin_options import configured_profile, plugin_options, with_profile

CONFIG = """site_name: x
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - sitekit:
      # a comment
      serve_tuning: true

nav:
  - index.md
"""


def test_the_profile_is_read_from_the_plugin_s_options_whatever_tags_mkdocs_yml_holds(tmp_path: Path):
    assert configured_profile(ROOT) == "data/profile.yml"  # the shipped mkdocs.yml names the demo's
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    assert plugin_options(tmp_path) == {"serve_tuning": True}
    assert configured_profile(tmp_path) == ""
    (tmp_path / "mkdocs.yml").write_text("plugins: [: broken", encoding="utf-8")
    assert configured_profile(tmp_path) == ""  # the build reports a broken mkdocs.yml in its own words
    assert configured_profile(tmp_path / "missing") == ""


def test_the_profile_line_is_added_then_replaced_every_other_line_kept(tmp_path: Path):
    added = with_profile(CONFIG, "profiles/ch-a.yml")
    assert added == CONFIG.replace("  - sitekit:\n", "  - sitekit:\n      profile: profiles/ch-a.yml\n")
    replaced = with_profile(added, "profiles/ch-b.yml")
    assert replaced == CONFIG.replace("  - sitekit:\n", "  - sitekit:\n      profile: profiles/ch-b.yml\n")
    (tmp_path / "mkdocs.yml").write_text(replaced, encoding="utf-8")
    assert configured_profile(tmp_path) == "profiles/ch-b.yml"
    assert with_profile("plugins:\n  - search\n", "profiles/ch-a.yml") is None
