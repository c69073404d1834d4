"""The built site against the profile it was made from (site/sitekit-build.json, sitekit.profile.stamp).

With no profile given, the validator checks a site with the profile that built it. A profile given (--profile,
$SITEKIT_PROFILE) that is not the one the site was built from, or a profile changed since the build, is one error
naming both and the command that builds the site again; nothing else is checked then, since every other finding
would come from that mismatch. A site built with drafts cannot be published.
"""

from __future__ import annotations

from pathlib import Path

from sitekit.core.problems import Level, Problem
from sitekit.profile.model import Profile
from sitekit.profile.stamp import BuiltWith, build_command, file_sha256, public_name
from sitekit.site.paths import BUILD_STAMP

MISMATCH_FIELD = "profile"


def built_with_problems(
    built: BuiltWith | None,
    profile: Profile | None,
    given: str,
    root: Path,
    site_shown: str = "site",
    publish: bool = False,
) -> list[Problem]:
    """`given`: how the profile was given to the validator ("--profile", "$SITEKIT_PROFILE"), "" when it was not
    (the site's own, else the one mkdocs.yml names)."""
    if built is None or profile is None:
        return []  # a site built before the stamp existed (the publish check compares its address); or no profile
    stamp = f"{site_shown}/{BUILD_STAMP}"
    out: list[Problem] = []
    if file_sha256(profile.file) != built.sha256:
        mine, command = public_name(profile.path), build_command(root, profile.path)
        if mine == built.profile:
            out.append(
                Problem(
                    stamp,
                    0,
                    MISMATCH_FIELD,
                    f"{site_shown}/ was built from an earlier version of {profile.path}: the file changed since",
                    f"build the site again ({command}), then run the validator again",
                )
            )
        elif given:
            out.append(
                Problem(
                    stamp,
                    0,
                    MISMATCH_FIELD,
                    f"{site_shown}/ was built from {built.profile}, not from {profile.path} (given by {given})",
                    f"build the site from {profile.path} ({command}), or leave out {given} to check the site "
                    f"against {built.profile}",
                )
            )
        else:
            out.append(
                Problem(
                    stamp,
                    0,
                    MISMATCH_FIELD,
                    f"{site_shown}/ was built from {built.profile}, which is not in the project, not from "
                    f"{profile.path}",
                    f"build the site from {profile.path} ({command}), or give the validator the profile that built "
                    "it with --profile FILE",
                )
            )
    if built.drafts:
        out.append(
            Problem(
                stamp,
                0,
                "drafts",
                f"{site_shown}/ was built with drafts ($SITEKIT_DRAFTS, as make preview builds): its draft pages "
                "and campaigns must not go public",
                "build it again without drafts: make build",
                Level.ERROR if publish else Level.WARNING,
            )
        )
    return out


def is_mismatch(problem: Problem) -> bool:
    """The site and the profile checked do not match: every other finding would follow from it."""
    return problem.field == MISMATCH_FIELD and problem.path.endswith(BUILD_STAMP) and problem.level is Level.ERROR
