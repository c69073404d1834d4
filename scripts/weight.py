"""Print the bytes a browser loads for built pages (HTML, CSS, JS, fonts, images) and each search index size."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit.weight import PageWeight, page_weight, search_index_sizes  # noqa: E402

COLUMNS = ("html", "css", "js", "fonts", "images")


def table(weights: list[PageWeight], indexes: dict[str, int]) -> str:
    width = max([len("page")] + [len(w.page) for w in weights] + [len(p) for p in indexes])
    header = f"{'page':<{width}}" + "".join(f"{c:>10}" for c in COLUMNS + ("total",))
    lines = [header, "-" * len(header)]
    for w in weights:
        cells = [w.bytes_of(kind) for kind in COLUMNS]
        other = w.bytes_of("other")
        lines.append(f"{w.page:<{width}}" + "".join(f"{c:>10}" for c in cells + [w.total])
                     + (f"  (other {other})" if other else ""))
    lines += ["", f"{'search index':<{width}}{'bytes':>10}"]
    lines += [f"{path:<{width}}{size:>10}" for path, size in indexes.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    parser.add_argument("--page", action="append", default=[],
                        help="a page, relative to the site (repeat; default: every page)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site here (run `make build` first, or pass --site)", file=sys.stderr)
        return 2
    pages = args.page or sorted(p.relative_to(args.site).as_posix() for p in args.site.rglob("*.html"))
    weights = [page_weight(args.site, page) for page in pages]
    print(table(weights, search_index_sizes(args.site)))
    missing = [f"{w.page}: {path} is referenced but missing" for w in weights for path in w.missing]
    for line in missing:
        print(line, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
