"""iCalendar exports read from .cache/ics/ when their data did not change: the same bytes, nothing made again."""

from __future__ import annotations

import os
from collections import Counter

from conftest import FROZEN_TODAY, FeatureUnderTest, mkdocs_config
from sitekit.mkdocs.features import calls as calls_feature
from sitekit.mkdocs.features import campaigns as campaigns_feature


def export(project) -> dict[str, bytes]:
    config = mkdocs_config(project / "docs", root=project)
    for name in ("calls", "campaigns"):
        feature = FeatureUnderTest(name)
        feature.on_config(config)
        feature.on_post_build(config=config)
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.ics"))}


def test_unchanged_exports_come_from_the_cache(project, monkeypatch):
    monkeypatch.setenv("SITEKIT_TODAY", FROZEN_TODAY)
    made: Counter = Counter()
    for hook, name in ((calls_feature, "calls_ics"), (calls_feature, "call_ics"), (campaigns_feature, "campaign_ics")):
        real = getattr(hook, name)
        monkeypatch.setattr(hook, name, lambda *args, _real=real, _name=name: made.update([_name]) or _real(*args))
    first = export(project)
    assert made["calls_ics"] == 1 and made["call_ics"] >= 5 and made["campaign_ics"] >= 1
    assert "appels/calls.ics" in first and any(p.startswith("campagnes/") for p in first)

    made.clear()
    for path in (project / "site").rglob("*.ics"):
        os.remove(path)
    assert export(project) == first and not made  # another build: every file read from the cache

    calls = project / "data" / "calls.yml"
    text = calls.read_text(encoding="utf-8")
    assert text.count("Premier appel à financement") == 1
    calls.write_text(text.replace("Premier appel à financement", "Tout premier appel à financement"), encoding="utf-8")
    changed = export(project)
    assert made["calls_ics"] == 1 and made["call_ics"] == 1 and not made["campaign_ics"]
    assert changed["appels/calls.ics"] != first["appels/calls.ics"]
