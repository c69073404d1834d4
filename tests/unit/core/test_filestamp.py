"""File stamps (modification time, size) and the memo of what was made from files: made again only when one of
its files, or another of its inputs, changed; never kept when making it failed."""

from __future__ import annotations

import os

import pytest

from sitekit.core.filestamp import FileMemo, stamp, stamps


def touch(path, text: str, ns: int) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(ns, ns))


def test_a_stamp_is_the_time_and_size_and_a_missing_file_has_none(tmp_path):
    page = tmp_path / "page.md"
    touch(page, "abc", 1_000_000_000)
    assert stamp(page) == (1_000_000_000, 3)
    assert stamp(tmp_path / "absent.md") is None
    assert stamps([page, tmp_path / "absent.md"]) == ((page.as_posix(), 1_000_000_000, 3),)


def test_the_memo_makes_again_only_what_a_changed_file_or_input_is_made_from(tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    touch(a, "a", 1_000_000_000)
    touch(b, "b", 1_000_000_000)
    memo: FileMemo[str] = FileMemo()
    made: list[str] = []

    def make(name: str) -> str:
        made.append(name)
        return (tmp_path / name).read_text(encoding="utf-8")

    assert memo.get("a", [a], lambda: make("a.md")) == "a"
    assert memo.get("b", [b], lambda: make("b.md")) == "b"
    assert memo.get("a", [a], lambda: make("a.md")) == "a"
    assert made == ["a.md", "b.md"]
    touch(a, "AA", 1_000_000_000)  # same time, other size
    touch(b, "c", 2_000_000_000)  # same size, other time
    assert (memo.get("a", [a], lambda: make("a.md")), memo.get("b", [b], lambda: make("b.md"))) == ("AA", "c")
    assert memo.get("a", [a], lambda: make("a.md"), inputs="2025-10-20") == "AA"  # another input
    assert memo.get("a", [a], lambda: make("a.md"), inputs="2025-10-20") == "AA"
    a.unlink()
    assert memo.get("a", [a], lambda: "gone", inputs="2025-10-20") == "gone"  # a file that went
    assert made == ["a.md", "b.md", "a.md", "b.md", "a.md"]


def test_what_failed_is_not_kept(tmp_path):
    page = tmp_path / "page.md"
    touch(page, "x", 1_000_000_000)
    memo: FileMemo[int] = FileMemo()

    def fail() -> int:
        raise ValueError("unreadable")

    with pytest.raises(ValueError, match="unreadable"):
        memo.get("page", [page], fail)
    assert memo.get("page", [page], lambda: 1) == 1
    memo.clear()
    assert memo.get("page", [page], lambda: 2) == 2
