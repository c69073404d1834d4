#!/usr/bin/env python3
"""Benchmark (a script, not a test): build times with and without this project's hooks, link check vs linkchecker.

Generates a synthetic bilingual site in a temporary folder (PAGES pages per language, about 15 internal links
with anchors per page, a few broken links and anchors planted), then measures, each in its own process:
  1. `mkdocs build` with Material + i18n + search, without this project's hooks and theme overrides;
  2. the same with every hook of mkdocs.yml and the project's overrides/ (the hooks read the project's own
     data/ files: the calendar adds its call pages, the footer its links);
  3. the validator's offline link check (sitekit.checks.links) on the site of build 1;
  4. linkchecker (file://, --no-warnings, AnchorCheck plugin on) on the same site, from index.html (which
     links every page). linkchecker reports a missing anchor as a warning, so --no-warnings hides those.
Prints a table: wall and CPU time (builds: interleaved, the run with least CPU of --repeat), peak memory (max RSS of the process), problems.
Then, when the real site is built (`make build`, or --site DIR), the weight of its budgeted pages (tests/budgets.yml):
the bytes a browser loads for each page and each language's search index (scripts/weight.py, sitekit.weight).

    .venv/bin/python scripts/bench.py [--pages 1000] [--repeat 3] [--skip-linkchecker] [--keep] [--site site] [--weight-only]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
LINKS_PER_PAGE = 15
SECTIONS = 5
BROKEN_EVERY = 200  # one broken link and one broken anchor every BROKEN_EVERY pages, per language

# Runs a command and prints its peak memory (max RSS of the child, in KiB) on the last line of stderr.
_MEASURE = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(f"\\nPEAK_KIB={usage.ru_maxrss} CPU_S={usage.ru_utime + usage.ru_stime}\\n")
sys.exit(code)
"""

_LINK_CHECK = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from sitekit.checks.links import Site, link_problems
problems = link_problems(Site(Path(sys.argv[1]), None))
for p in problems:
    print(p)
print("COUNT", len(problems))
"""

LINKCHECKERRC = """[checking]
threads=10
[filtering]
checkextern=0
[AnchorCheck]
"""


def page_name(i: int) -> str:
    return f"p{i:04d}"


def generate(docs: Path, pages: int) -> set[tuple[str, str]]:
    """Write the Markdown pages; return the planted problems as (built page, href)."""
    rng = random.Random(42)
    planted: set[tuple[str, str]] = set()
    words = ("cyber", "sauvegarde", "incident", "hôpital", "mot de passe", "messagerie", "crise", "exercice")
    for lang, suffix, prefix in (("fr", ".md", ""), ("en", ".en.md", "en/")):
        index = ["---", f"title: Index {lang}", "---", "", f"# Index {lang}", ""]
        index += [f"- [{page_name(i)}]({page_name(i)}.md)" for i in range(pages)]
        (docs / f"index{suffix}").write_text("\n".join(index) + "\n", encoding="utf-8")
        for name in ("mentions-legales", "accessibilite", "plan-du-site"):
            (docs / f"{name}{suffix}").write_text(f"# {name}\n\nTexte.\n", encoding="utf-8")
        for i in range(pages):
            lines = ["---", f"title: Page {i} {lang}", "review_by: 2030-01-01", "---", "", f"# Page {i}", ""]
            for s in range(1, SECTIONS + 1):
                lines += [f"## Section {s}", "", " ".join(rng.choice(words) for _ in range(60)), ""]
                for _ in range(LINKS_PER_PAGE // SECTIONS):
                    target, section = rng.randrange(pages), rng.randint(1, SECTIONS)
                    lines.append(f"Voir [page {target}]({page_name(target)}.md#section-{section}).")
                lines.append("")
            if i % BROKEN_EVERY == BROKEN_EVERY // 2:
                lines.append(f"Lien cassé : [absent](absent-{i}.md).")
                planted.add((f"{prefix}{page_name(i)}.html", f"absent-{i}.md"))
                lines.append(f"Ancre cassée : [ancre](p0001.md#nope-{i}).")
                planted.add((f"{prefix}{page_name(i)}.html", f"p0001.html#nope-{i}"))
            (docs / f"{page_name(i)}{suffix}").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return planted


def mkdocs_yml(hooks: bool) -> str:
    project_hooks = ""
    theme_extra = ""
    if hooks:
        names = [
            line.strip()[2:]
            for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
            if line.strip().startswith("- scripts/hook_")
        ]
        project_hooks = "hooks:\n" + "".join(f"  - {ROOT / name}\n" for name in names)
        theme_extra = f"  custom_dir: {ROOT / 'overrides'}\n"
    # The hooks write generated page stubs into their docs_dir: each variant has its own copy of the pages.
    return f"""site_name: Bench
docs_dir: {"docs-hooks" if hooks else "docs"}
use_directory_urls: false
theme:
  name: material
  language: fr
  font: false
{theme_extra}markdown_extensions:
  - toc:
      permalink: true
  - attr_list
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      languages:
        - locale: fr
          default: true
          name: Français
          build: true
        - locale: en
          name: English
          build: true
nav:
  - Index: index.md
{project_hooks}"""


@dataclass(frozen=True)
class Run:
    seconds: float  # wall time
    cpu: float  # user + system CPU seconds of the process and its children
    peak_mib: int
    log: str
    code: int


def measure(cmd: list[str], cwd: Path) -> Run:
    """Wall time, CPU time, peak memory and output of a command run in its own process."""
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CARE_TODAY": "2025-10-20"}
    result = subprocess.run(
        [sys.executable, "-c", _MEASURE, *cmd], check=False, cwd=cwd, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    last = next((line for line in reversed(result.stderr.splitlines()) if line.startswith("PEAK_KIB=")), "")
    fields = dict(part.split("=") for part in last.split()) if last else {}
    return Run(
        seconds,
        float(fields.get("CPU_S", 0)),
        int(fields.get("PEAK_KIB", 0)) // 1024,
        result.stdout + result.stderr,
        result.returncode,
    )


def print_weights(site: Path) -> int:
    """The weight table of the budgeted pages of the real built site, with each budget."""
    sys.path.insert(0, str(SCRIPTS))
    from sitekit.weight import load_budgets, page_weight, search_index_sizes

    if not (site / "index.html").is_file():
        print(f"{site}: no built site, no weight table (run `make build` first)")
        return 2
    budgets = load_budgets(ROOT / "tests" / "budgets.yml", "tests/budgets.yml")
    indexes = search_index_sizes(site)
    print(f"| {'page (bytes a browser loads)':40} | {'html':>8} | {'total':>9} | {'budget':>9} |")
    print(f"|{'-' * 42}|{'-' * 9}:|{'-' * 10}:|{'-' * 10}:|")
    for page, budget in budgets.items():
        if page in indexes:
            print(f"| {page:40} | {'':>8} | {indexes[page]:9,} | {budget:9,} |")
        elif (site / page).is_file():
            weight = page_weight(site, page)
            print(f"| {page:40} | {weight.bytes_of('html'):8,} | {weight.total:9,} | {budget:9,} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds per variant, interleaved, the least CPU is kept (default 3)"
    )
    parser.add_argument(
        "--skip-linkchecker",
        action="store_true",
        help="leave out linkchecker (about 10 minutes at 1,000 pages per language)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site to weigh (default: site)")
    parser.add_argument("--weight-only", action="store_true", help="only print the weight table of --site")
    args = parser.parse_args(argv)
    if args.weight_only:
        return print_weights(args.site)
    bin_dir = Path(sys.executable).parent
    work = Path(tempfile.mkdtemp(prefix="sitekit-bench-"))
    try:
        (work / "docs").mkdir()
        planted = generate(work / "docs", args.pages)
        shutil.copytree(work / "docs", work / "docs-hooks")
        rows: list[tuple[str, Run, str]] = []
        runs: dict[bool, list[Run]] = {False: [], True: []}
        # Interleaved (bare, hooks, bare, hooks, ...): on a shared machine the load drifts during a run.
        for _ in range(args.repeat):
            for hooks in (False, True):
                config = work / ("mkdocs-hooks.yml" if hooks else "mkdocs-bare.yml")
                config.write_text(mkdocs_yml(hooks), encoding="utf-8")
                out = work / ("site-hooks" if hooks else "site-bare")
                shutil.rmtree(out, ignore_errors=True)
                run = measure([str(bin_dir / "mkdocs"), "build", "-f", str(config), "-d", str(out)], work)
                if run.code != 0:
                    print(run.log[-3000:], file=sys.stderr)
                    return 1
                runs[hooks].append(run)
        for hooks in (False, True):
            pages = sum(1 for _ in (work / ("site-hooks" if hooks else "site-bare")).rglob("*.html"))
            rows.append(
                (
                    f"mkdocs build, {'with project hooks' if hooks else 'bare (no hooks)'}",
                    min(runs[hooks], key=lambda r: r.cpu),
                    f"{pages} HTML files",
                )
            )
        site = work / "site-bare"
        run = measure([sys.executable, "-c", _LINK_CHECK, str(site), str(SCRIPTS)], work)
        found = {line for line in run.log.splitlines() if ": " in line and not line.startswith("COUNT")}
        count = next(int(line.split()[1]) for line in run.log.splitlines() if line.startswith("COUNT "))
        missed = [p for p in planted if not any(p[0][:-5] in line and repr(p[1]) in line for line in found)]
        rows.append(
            ("validator link check (offline)", run, f"{count} problems; planted {len(planted)}, missed {len(missed)}")
        )
        if not args.skip_linkchecker:
            rc = work / "linkcheckerrc"
            rc.write_text(LINKCHECKERRC, encoding="utf-8")
            # linkchecker drops root privileges to nobody: the temporary folder must be readable by all.
            os.chmod(work, 0o755)
            run = measure(
                [
                    str(bin_dir / "linkchecker"),
                    "-f",
                    str(rc),
                    "--no-warnings",
                    "--no-status",
                    "-o",
                    "csv",
                    (site / "index.html").as_uri(),
                ],
                work,
            )
            lc_rows = [line for line in run.log.splitlines() if ";False;" in line and not line.startswith("#")]
            lc_missed = [
                p
                for p in planted
                if not any(
                    p[1].split("#")[0] in line and (("#" not in p[1]) or p[1].split("#")[1] in line) for line in lc_rows
                )
            ]
            rows.append(
                (
                    "linkchecker 10.6.0 (file://, --no-warnings)",
                    run,
                    f"{len(lc_rows)} problems; missed {len(lc_missed)} of {len(planted)} planted",
                )
            )
        print(
            f"Synthetic site: {args.pages} pages per language, {LINKS_PER_PAGE} links per page, "
            f"{len(planted)} planted broken links/anchors; {os.cpu_count()} CPUs, load average "
            f"{os.getloadavg()[0]:.1f} at the end"
        )
        print(f"| {'run':44} | {'wall (s)':>8} | {'CPU (s)':>8} | {'peak MiB':>8} | result |")
        print(f"|{'-' * 46}|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 8}|")
        for name, r, result in rows:
            print(f"| {name:44} | {r.seconds:8.2f} | {r.cpu:8.2f} | {r.peak_mib:8d} | {result} |")
        bare, hooked = rows[0][1], rows[1][1]
        print(
            f"hooks overhead: {100 * (hooked.cpu - bare.cpu) / bare.cpu:+.1f} % CPU, "
            f"{100 * (hooked.seconds - bare.seconds) / bare.seconds:+.1f} % wall (target <= 15 %)"
            + (
                ""
                if args.skip_linkchecker
                else f"; validator vs linkchecker: {rows[3][1].seconds / rows[2][1].seconds:.1f}x faster wall, "
                f"{rows[3][1].cpu / rows[2][1].cpu:.1f}x less CPU (target >= 10x)"
            )
        )
        cpus = {
            name: ", ".join(f"{r.cpu:.1f}" for r in runs[hooks]) for name, hooks in (("bare", False), ("hooks", True))
        }
        print(f"CPU seconds of every build, in order: bare {cpus['bare']}; hooks {cpus['hooks']}")
        if missed:
            print("validator missed:", sorted(missed)[:10])
        print()
        print_weights(args.site)
        return 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
