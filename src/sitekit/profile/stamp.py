"""Which profile a site was built from: the build writes its name and SHA-256 (and whether drafts were built) into
site/sitekit-build.json; the validator reads them to check the site against the profile it was made from.

Nothing there is private: the profile's name inside the project (a file outside it by its name alone), the hash of
a file whose values the site publishes anyway, and a yes or no.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from sitekit.core.plugin_options import configured_profile
from sitekit.profile.model import DEFAULT_PROFILE, ENV_VAR
from sitekit.site.paths import BUILD_STAMP

VERSION = 1


@dataclass(frozen=True)
class BuiltWith:
    """What a site was built with."""

    profile: str  # the profile's name as the build showed it (relative to the project root)
    sha256: str  # of the profile file's bytes
    drafts: bool  # drafts were built (make preview): such a site is never published


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def public_name(shown: str) -> str:
    """The profile's name as the site may publish it: relative to the project, else the file's name alone (an
    absolute path would tell the folders of the machine that built the site)."""
    return Path(shown).name if Path(shown).is_absolute() else shown


def stamp(shown: str, file: Path, drafts: bool) -> bytes:
    """The bytes of site/sitekit-build.json for the profile `file` (named `shown` in messages)."""
    data = {"version": VERSION, "profile": {"path": public_name(shown), "sha256": file_sha256(file)}, "drafts": drafts}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read_stamp(site_dir: Path) -> BuiltWith | None:
    """What the site at `site_dir` was built with; None when it does not say (built before the stamp existed, or
    by hand): the validator then checks it against the profile it is given."""
    try:
        data = json.loads((site_dir / BUILD_STAMP).read_text(encoding="utf-8"))
        profile = data["profile"]
        return BuiltWith(str(profile["path"]), str(profile["sha256"]), bool(data.get("drafts", False)))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None


def build_command(root: Path, shown: str) -> str:
    """The command that builds the site from the profile `shown`: `make build` when mkdocs.yml names it (or names
    none and it is data/profile.yml), else with $SITEKIT_PROFILE."""
    configured = configured_profile(root) or DEFAULT_PROFILE
    if Path(shown).as_posix() == Path(configured).as_posix():
        return "make build"
    return f"{ENV_VAR}={shown} make build"
