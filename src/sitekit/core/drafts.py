"""Whether a build shows drafts (a campaign still `brouillon`): only `make preview`, which sets $SITEKIT_DRAFTS,
so that the communication team reads a draft before it goes public and a published site never holds one."""

from __future__ import annotations

import os

ENV_VAR = "SITEKIT_DRAFTS"
_YES = ("1", "true", "yes", "oui")


def drafts_wanted(option: bool | None = None) -> bool:
    """The plugin's `drafts` option when given, else $SITEKIT_DRAFTS (1, true, yes or oui)."""
    if option is not None:
        return bool(option)
    return os.environ.get(ENV_VAR, "").strip().lower() in _YES
