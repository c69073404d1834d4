"""The validator on the real built site: no error."""

from __future__ import annotations

from conftest import FROZEN_TODAY
from sitekit.checks import cli as validate


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = validate.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_real_built_site_has_no_error(site, capsys, monkeypatch):
    monkeypatch.delenv("SITEKIT_TODAY", raising=False)
    code, out, _ = run(capsys, "--site", str(site), "--today", FROZEN_TODAY)
    assert code == 0, out
    assert " error: " not in out
