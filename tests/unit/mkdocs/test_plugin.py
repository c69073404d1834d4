"""The sitekit plugin: registered by its entry point, listed in mkdocs.yml without hooks, its features in one order,
its events in priority bands, its settings from mkdocs.yml or the environment (former names still read)."""

from __future__ import annotations

from importlib.metadata import entry_points
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.exceptions import PluginError

from conftest import ROOT
from sitekit.core import renames
from sitekit.mkdocs import plugin as sitekit
from sitekit.pages.markers import MARKERS, RENAMED, with_new_names


def mkdocs_yml() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: suffix)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_the_plugin_is_registered_and_listed_last_without_hooks():
    (found,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "sitekit"]
    assert found.load() is sitekit.SitekitPlugin
    config = mkdocs_yml()
    assert "hooks" not in config
    names = [next(iter(p)) if isinstance(p, dict) else p for p in config["plugins"]]
    assert names[-1] == "sitekit" and names.index("i18n") < names.index("sitekit")
    # The profile is named once, here, for make build, serve, preview and the validator.
    assert config["plugins"][-1]["sitekit"] == {"profile": "data/profile.yml", "serve_tuning": True}


def test_features_run_in_the_documented_order():
    plugin = sitekit.SitekitPlugin()
    assert [f.name for f in plugin.features] == [
        "messages", "reproducible", "profile", "safety", "drafts", "i18n", "search", "calls", "kits", "criteria",
        "news", "campaigns", "sitemap", "typography", "markers", "privacy", "weight", "serve",
    ]  # fmt: skip
    assert all(f.build is plugin.build for f in plugin.features)
    assert plugin.feature("kits").name == "kits"
    with pytest.raises(KeyError):
        plugin.feature("hooks")


def test_each_event_runs_in_its_bands_highest_first():
    bands = {e: [m.mkdocs_priority for m in getattr(sitekit.SitekitPlugin, f"on_{e}").methods] for e in ("config",
             "files", "page_markdown", "post_page", "post_template", "post_build", "page_context")}  # fmt: skip
    assert bands == {
        "config": [100, 0],  # settings and messages first
        "files": [100, 0],  # safety, then news before the i18n plugin's -100
        "page_markdown": [100, 0],  # safety and markers before the i18n plugin's 50
        "post_page": [0, -900, -1000],  # French typography, then the policy last, after the i18n plugin's -100
        "post_template": [0, -900, -1000],
        "post_build": [0, -200],  # search after the i18n plugin merged the indexes (-100)
        "page_context": [0],
    }


def test_a_band_runs_its_features_in_order_each_given_what_the_last_returned():
    plugin = sitekit.SitekitPlugin()
    seen: list[str] = []
    plugin._handlers[("page_markdown", 0)] = [
        lambda markdown, **kw: seen.append("a") or markdown + "a",
        lambda markdown, **kw: seen.append("b"),  # returns None: the text is kept
        lambda markdown, **kw: markdown + "c",
    ]
    assert plugin._run("page_markdown", 0, "x", page=None) == "xac" and seen == ["a", "b"]


def config_at(tmp_path, **extra):
    return SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), plugins={}, extra=extra)


def test_settings_come_from_mkdocs_yml_else_the_environment(tmp_path, monkeypatch):
    for name in ("SITEKIT_TODAY", "CARE_TODAY", "SITEKIT_PROFILE", "SITE_PROFILE", "SITEKIT_ROOT", "SITEKIT_LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SITEKIT_TODAY", "2026-03-01")
    monkeypatch.setenv("SITEKIT_PROFILE", "profiles/env.yml")
    plugin = sitekit.SitekitPlugin()
    assert plugin.load_config({}) == ([], [])
    plugin.configure(config_at(tmp_path))
    settings = plugin.build.settings
    assert (settings.root, settings.profile, str(settings.today)) == (tmp_path, "profiles/env.yml", "2026-03-01")
    assert (settings.messages_lang, settings.serve_tuning) == ("fr", False)

    options = {"root": "..", "profile": "profiles/ch.yml", "today": "2027-10-05", "messages_lang": "en"}
    assert plugin.load_config({**options, "serve_tuning": True}) == ([], [])
    plugin.configure(config_at(tmp_path))
    settings = plugin.build.settings
    # $SITEKIT_PROFILE overrides the profile mkdocs.yml names (one build per profile, as the CI examples do)
    assert (settings.root, settings.profile, str(settings.today)) == (tmp_path.parent, "profiles/env.yml", "2027-10-05")
    assert (settings.messages_lang, settings.serve_tuning) == ("en", True)
    monkeypatch.delenv("SITEKIT_PROFILE")
    plugin.configure(config_at(tmp_path))
    assert plugin.build.settings.profile == "profiles/ch.yml"


def test_a_bad_setting_is_refused_with_its_name(tmp_path, monkeypatch):
    monkeypatch.delenv("SITEKIT_TODAY", raising=False)
    plugin = sitekit.SitekitPlugin()
    errors, _ = plugin.load_config({"messages_lang": "de"})
    assert [name for name, _ in errors] == ["messages_lang"]
    plugin.load_config({"today": "05/10/2027"})
    with pytest.raises(PluginError) as exc:
        plugin.configure(config_at(tmp_path))
    assert str(exc.value) == ("plugins: sitekit: today: '05/10/2027' is not a date (write YYYY-MM-DD, e.g. 2025-10-31)")


def test_former_environment_names_still_work_told_once(tmp_path, monkeypatch, capsys):
    for name in ("SITEKIT_TODAY", "SITEKIT_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CARE_TODAY", "2025-10-20")
    monkeypatch.setenv("SITE_PROFILE", "examples/profiles/hopital.yml")
    renames.forget()
    plugin = sitekit.SitekitPlugin()
    plugin.load_config({})
    plugin.configure(config_at(tmp_path))
    plugin.configure(config_at(tmp_path))
    settings = plugin.build.settings
    assert (str(settings.today), settings.profile) == ("2025-10-20", "examples/profiles/hopital.yml")
    assert capsys.readouterr().err.splitlines() == [
        "notice: CARE_TODAY is now called SITEKIT_TODAY (the old name still works in this release)",
        "notice: SITE_PROFILE is now called SITEKIT_PROFILE (the old name still works in this release)",
    ]
    monkeypatch.setenv("CARE_TODAY", "20/10/2025")
    with pytest.raises(PluginError) as exc:
        plugin.configure(config_at(tmp_path))
    assert str(exc.value).startswith("CARE_TODAY: '20/10/2025' is not a date")  # the name the author wrote


def test_former_marker_names_are_read_as_the_new_ones_told_once(capsys):
    renames.forget()
    assert set(RENAMED.values()) <= set(MARKERS)
    text = "<!-- calendrier -->\n<!--frise-->\n<!-- calendrier -->\n<!-- profil:contacts.rssi -->\n<!-- messages -->"
    assert with_new_names(text) == (
        "<!-- calls-calendar -->\n<!--calls-timeline-->\n<!-- calls-calendar -->\n<!-- profile:contacts.rssi -->\n"
        "<!-- messages -->"
    )
    told = capsys.readouterr().err.splitlines()
    assert len(told) == 3 and told[0].startswith("notice: <!-- calendrier --> is now called <!-- calls-calendar -->")
    assert with_new_names("<!-- campagnes -->, <!-- campagne -->") == "<!-- campaigns-index -->, <!-- campaign-page -->"


def test_every_marker_names_the_feature_that_fills_it():
    features = {f.name for f in sitekit.SitekitPlugin().features}
    one = {"calls": "call", "kits": "kit", "criteria": "criterion", "campaigns": "campaign"}
    for name, feature in MARKERS.items():
        assert feature is None or (feature in features and name.split("-")[0] in {feature, one.get(feature)}), name
