"""Each kit version's sources, fingerprinted: kits/versions.yml records the SHA-256 of a kit's content for each
version published, so that a kit whose sources changed while its version did not is reported (a downloaded
archive would otherwise change under the same version number). `make kits-versions` records the current ones.

The fingerprint covers kit.yml's content (titles, summary, audiences, themes, licence, sources, list of files)
and every listed file's bytes; not `version`, `last_review` or `review_months`: a review that changes nothing is
not a new version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import yaml

from sitekit.core.problems import Level, Problem, ProblemsError, format_problems
from sitekit.core.yamlfile import load_yaml
from sitekit.i18n.messages import MessageLanguageError, catalogue, message_language
from sitekit.kits.model import KIT_FILE, Kit, load_kits

FOLDER = "kits"  # under the project root, one folder per kit
LOCK = f"{FOLDER}/versions.yml"
NOT_CONTENT = {"version", "last_review", "review_months"}
TEXT_SUFFIXES = {".md", ".txt", ".yml", ".yaml", ".csv", ".html", ".svg"}
_VERSION_LINE = re.compile(r"^version\s*:", re.MULTILINE)
HEADER = """\
# The fingerprint (SHA-256) of each version of each kit: kit.yml's content and every listed file, without
# version, last_review and review_months. Written by `make kits-versions`; the validator warns when a kit's
# sources no longer match the fingerprint of its version (raise version: and last_review:, then run it again).
# Do not edit by hand.
"""


def fingerprint(kit: Kit) -> str:
    """SHA-256 of the kit's content, the same on every machine (paths sorted, the model's JSON sorted)."""
    digest = hashlib.sha256()
    content = kit.model_dump(mode="json", exclude=NOT_CONTENT)
    digest.update(json.dumps(content, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    for file in sorted(kit.files, key=lambda f: f.path):
        digest.update(b"\0" + file.path.encode("utf-8") + b"\0")
        try:
            data = kit.source(file).read_bytes()
        except OSError:
            data = b"(missing)"  # the kit loader reports it
        if PurePosixPath(file.path).suffix.lower() in TEXT_SUFFIXES:
            data = data.replace(b"\r\n", b"\n")  # the same on a Windows checkout (core.autocrlf)
        digest.update(data)
    if kit.quiz_file.is_file():  # the quiz is content too: its questions are in the kit's downloads
        digest.update(b"\0" + kit.quiz_file.name.encode("utf-8") + b"\0")
        digest.update(kit.quiz_file.read_bytes().replace(b"\r\n", b"\n"))
    return digest.hexdigest()


def load_lock(root: Path) -> dict[str, dict[str, str]]:
    """kit id -> {version: fingerprint}; empty when the file does not exist yet."""
    if not (root / LOCK).is_file():
        return {}
    doc = load_yaml(root / LOCK, LOCK)
    data = doc.data if isinstance(doc.data, dict) else {}
    return {
        str(kit): {str(v): str(f) for v, f in versions.items()}
        for kit, versions in data.items()
        if isinstance(versions, dict)
    }


def _version_line(kit: Kit) -> int:
    try:
        text = (kit.folder / KIT_FILE).read_text(encoding="utf-8")
    except OSError:
        return 0
    found = _VERSION_LINE.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def version_problems(kits: Sequence[Kit], root: Path) -> list[Problem]:
    """A warning for each kit whose sources changed but whose version did not, or whose version is not recorded."""
    try:
        lock = load_lock(root)
    except ProblemsError as exc:
        return list(exc.problems)
    out: list[Problem] = []
    for kit in kits:
        recorded = lock.get(kit.id, {}).get(kit.version)
        if recorded == fingerprint(kit):
            continue
        if recorded is None:
            message = f"version {kit.version} of kit {kit.id!r} is not recorded in {LOCK}"
            fix = "run make kits-versions once the version is ready, and commit kits/versions.yml"
        else:
            message = f"the sources of kit {kit.id!r} changed since version {kit.version} was published"
            fix = (
                "raise version: (and set last_review:) so that the new archive gets its own number, then run "
                "make kits-versions; or undo the change"
            )
        out.append(Problem(kit.display_path, _version_line(kit), "version", message, fix, Level.WARNING))
    return out


def record(kits: Sequence[Kit], root: Path) -> dict[str, dict[str, str]]:
    """The lock with every kit's current version recorded (older versions kept), written to kits/versions.yml."""
    lock = load_lock(root)
    for kit in kits:
        lock.setdefault(kit.id, {})[kit.version] = fingerprint(kit)
    ordered = {kit: dict(sorted(versions.items())) for kit, versions in sorted(lock.items())}
    body = yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, default_flow_style=False)
    (root / LOCK).write_text(HEADER + body, encoding="utf-8")
    return ordered


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """`make kits-versions`: record the fingerprint of each kit's current version."""
    parser = argparse.ArgumentParser(prog="kit_versions.py", description=main.__doc__)
    parser.add_argument("--root", default=".", help="project root (default: the current folder)")
    parser.add_argument(
        "--lang", choices=("fr", "en"), help="language of the messages (default: $SITEKIT_LANG, else fr)"
    )
    try:
        args = parser.parse_args(argv)
        lang = message_language(args.lang)
    except SystemExit as exc:
        return 0 if exc.code == 0 else 2
    except MessageLanguageError as exc:
        print(f"kit_versions.py: error: {exc}", file=sys.stderr)
        return 2
    base = (root or Path(args.root)).resolve()
    try:
        kits = load_kits(base / FOLDER, base)
        record(kits, base)
    except ProblemsError as exc:  # a kit, or kits/versions.yml, that does not read
        print(format_problems(exc.problems, lang), file=sys.stderr)
        return 1
    for kit in kits:
        print(catalogue().translate(f"kit {kit.id!r}: version {kit.version} recorded", lang))
    return 0
