#!/usr/bin/env python3
"""Benchmark (a script, not a test): build times with and without this project's sitekit plugin, link check vs linkchecker,
`make serve` reload time.

Generates a synthetic bilingual site in a temporary folder (PAGES pages per language, about 15 internal links
with anchors per page, a few broken links and anchors planted), then measures, each in its own process:
  1. `mkdocs build` with Material + i18n + search, without this project's plugin and theme overrides;
  2. the same with the sitekit plugin and the project's overrides/ (the plugin reads this project's data/
     and kits/, named by its `root:` in the generated mkdocs.yml: the calendar adds its call pages,
     the footer its links; the kit outputs and word stems come from this project's .cache/ when there);
  3. the validator's offline link check (sitekit.checks.links) on the site of build 1;
  4. linkchecker (file://, --no-warnings, AnchorCheck plugin on) on the same site, from index.html (which
     links every page). linkchecker reports a missing anchor as a warning, so --no-warnings hides those;
  5. `make serve` on a copy of the real site (SERVE_ARGS, the Makefile's flags): the time from saving one
     Markdown page to the served page showing the change (the page's live-reload request answered, then the page
     loaded again, as in a browser), median of --repeat saves, and the serve process's CPU.
Prints a table: wall and CPU time (builds: interleaved, the run with least CPU of --repeat), peak memory (max RSS
of the process), problems, and the load average. Then, when the real site is built (`make build`, or --site DIR),
the weight of its budgeted pages (tests/budgets.yml): the bytes a browser loads for each page and each language's
search index, and the same once gzipped as a server sends them (each file at gzip -9; scripts/weight.py,
sitekit.site.weight).

    .venv/bin/python scripts/bench.py [--pages 1000] [--repeat 3] [--skip-linkchecker] [--skip-serve] [--keep]
                                      [--site site] [--weight-only] [--serve-only]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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
from sitekit.checks.links import Site, link_problems
problems = link_problems(Site(Path(sys.argv[1]), None))
for p in problems:
    print(p)
print("COUNT", len(problems))
"""

# `make serve` (Makefile): the flags of its `mkdocs serve` (tests/unit/mkdocs/test_bench.py checks that they match).
SERVE_ARGS = ("--strict",)
SERVE_PAGE = ("docs/bonnes-pratiques.md", "bonnes-pratiques.html")  # the page saved, and where it is served
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "kits", "overrides", "scripts", "src", "examples")  # all watched

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


def mkdocs_yml(plugin: bool) -> str:
    project_plugin = ""
    theme_extra = ""
    if plugin:
        theme_extra = f"  custom_dir: {ROOT / 'overrides'}\n"
        # The plugin reads data/ and kits/ of this project (its `root`), not of the generated site's folder.
        project_plugin = f"  - sitekit:\n      root: {ROOT}\n"
    # The plugin writes generated page stubs into its docs_dir: each variant has its own copy of the pages.
    return f"""site_name: Bench
docs_dir: {"docs-plugin" if plugin else "docs"}
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
{project_plugin}nav:
  - Index: index.md
"""


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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITEKIT_TODAY": "2025-10-20"}
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            text: str = response.read().decode("utf-8", "replace")
            return text
    except (urllib.error.URLError, OSError):
        return None


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


@dataclass(frozen=True)
class Reload:
    seconds: list[float]  # from saving the page to the served page showing the change, per save
    cpu: list[float]  # CPU time of the serve process over the same span
    peak_mib: int
    log: str


# The call at the end of the script `mkdocs serve` adds to every page it serves: the build it shows, and the request.
LIVERELOAD = re.compile(r"livereload\((\d+), (\d+)\);")


def serve_reload(work: Path, repeat: int, timeout: float = 180.0) -> Reload:
    """Start `mkdocs serve` as `make serve` does on a copy of the real site, save one Markdown page `repeat` times
    and time each save until the reloaded page is served with the change (asked as the page's live-reload script
    asks)."""
    project = work / "serve-project"
    project.mkdir()
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / part)
    if (ROOT / ".cache").is_dir():  # the kit outputs already made (made once otherwise: not part of a reload)
        shutil.copytree(ROOT / ".cache", project / ".cache")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/{SERVE_PAGE[1]}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITEKIT_TODAY": "2025-10-20"}
    log = project / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "mkdocs"), "serve", *SERVE_ARGS, "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    seconds: list[float] = []
    cpu: list[float] = []
    try:
        deadline = time.monotonic() + timeout
        while _get(url) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"mkdocs serve did not start:\n{log.read_text(encoding='utf-8')[-3000:]}")
            time.sleep(0.2)
        page = project / SERVE_PAGE[0]
        original = page.read_text(encoding="utf-8")
        base = f"http://127.0.0.1:{port}"
        for i in range(repeat):
            time.sleep(1.0)  # let the watcher settle between saves
            token = f"mesurebench{i}x{random.randrange(10**9)}"
            before = _cpu_seconds(server.pid)
            served = _get(url) or ""
            page.write_text(f"{original}\nParagraphe de mesure {token}.\n", encoding="utf-8")
            start = time.perf_counter()
            # As the browser does: the page's live-reload script asks the server, and the server answers when a
            # rebuild has ended; the page is then loaded again (and asked again if a rebuild left it unchanged).
            while token not in served:
                if server.poll() is not None or time.perf_counter() - start > timeout:
                    raise RuntimeError(f"the saved page was not served:\n{log.read_text(encoding='utf-8')[-3000:]}")
                found = LIVERELOAD.search(served)
                if found is None:
                    raise RuntimeError(f"no live-reload script in the served page {url}")
                _get(f"{base}/livereload/{found[1]}/{found[2]}", timeout=timeout)
                served = _get(url) or ""
            seconds.append(time.perf_counter() - start)
            cpu.append(_cpu_seconds(server.pid) - before)
        peak = _peak_mib(server.pid)
    finally:
        server.send_signal(signal.SIGINT)  # mkdocs serve removes its temporary site folder on Ctrl+C
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    if os.environ.get("BENCH_SERVE_LOG"):
        print(log.read_text(encoding="utf-8")[-6000:], file=sys.stderr)
    return Reload(seconds, cpu, peak, log.read_text(encoding="utf-8"))


def serve_row(work: Path, repeat: int) -> tuple[str, Run, str]:
    """The table row of the `make serve` reload: median seconds and CPU seconds of the serve process."""
    reload = serve_reload(work, repeat)
    times = ", ".join(f"{s:.2f}" for s in reload.seconds)
    return (
        "make serve: page saved -> reloaded page served",
        Run(statistics.median(reload.seconds), statistics.median(reload.cpu), reload.peak_mib, reload.log, 0),
        f"median of {len(reload.seconds)} saves ({times} s; target < 2 s)",
    )


def print_table(rows: list[tuple[str, Run, str]]) -> None:
    print(f"{os.cpu_count()} CPUs, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} at the end")
    print(f"| {'run':46} | {'wall (s)':>8} | {'CPU (s)':>8} | {'peak MiB':>8} | result |")
    print(f"|{'-' * 48}|{'-' * 9}:|{'-' * 9}:|{'-' * 9}:|{'-' * 8}|")
    for name, r, result in rows:
        print(f"| {name:46} | {r.seconds:8.2f} | {r.cpu:8.2f} | {r.peak_mib:8d} | {result} |")


def print_weights(site: Path) -> int:
    """The weight table of the budgeted pages of the real built site, with each budget: bytes, then gzip bytes."""
    from sitekit.site.weight import GZIP_LEVEL, load_budgets, measure, page_weight

    if not (site / "index.html").is_file():
        print(f"{site}: no built site, no weight table (run `make build` first)")
        return 2
    budgets = load_budgets(ROOT / "tests" / "budgets.yml", "tests/budgets.yml")
    gz = f"gzip -{GZIP_LEVEL}"
    print(
        f"| {'page (bytes a browser loads)':40} | {'html':>8} | {'total':>9} | {'budget':>9} "
        f"| {'html ' + gz:>12} | {'total ' + gz:>13} | {'gzip budget':>11} |"
    )
    print(f"|{'-' * 42}|{'-' * 9}:|{'-' * 10}:|{'-' * 10}:|{'-' * 13}:|{'-' * 14}:|{'-' * 12}:|")
    for page in {**budgets.bytes, **budgets.gzip}:
        if not (site / page).is_file():
            continue
        total, total_gz = measure(site, page)
        html = html_gz = ""
        if page.endswith(".html"):
            weight = page_weight(site, page)
            html, html_gz = f"{weight.bytes_of('html'):,}", f"{weight.gzip_of('html'):,}"
        budget, budget_gz = (f"{b[page]:,}" if page in b else "" for b in (budgets.bytes, budgets.gzip))
        print(
            f"| {page:40} | {html:>8} | {total:9,} | {budget:>9} | {html_gz:>12} | {total_gz:13,} | {budget_gz:>11} |"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language (default 1000)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="builds per variant, interleaved, the least CPU is kept (default 3)"
    )
    for flag, text in (
        ("--skip-linkchecker", "leave out linkchecker (about 10 minutes at 1,000 pages per language)"),
        ("--skip-serve", "leave out the `make serve` reload time (about 30 seconds)"),
        ("--serve-only", "only measure the `make serve` reload time"),
        ("--keep", "keep the temporary folder and print its path"),
    ):
        parser.add_argument(flag, action="store_true", help=text)
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site to weigh (default: site)")
    parser.add_argument("--weight-only", action="store_true", help="only print the weight table of --site")
    args = parser.parse_args(argv)
    if args.weight_only:
        return print_weights(args.site)
    bin_dir = Path(sys.executable).parent
    work = Path(tempfile.mkdtemp(prefix="sitekit-bench-"))
    try:
        if args.serve_only:
            print_table([serve_row(work, args.repeat)])
            return 0
        (work / "docs").mkdir()
        planted = generate(work / "docs", args.pages)
        shutil.copytree(work / "docs", work / "docs-plugin")
        rows: list[tuple[str, Run, str]] = []
        runs: dict[bool, list[Run]] = {False: [], True: []}
        # Interleaved (bare, plugin, bare, plugin, ...): on a shared machine the load drifts during a run.
        for _ in range(args.repeat):
            for plugin in (False, True):
                config = work / ("mkdocs-plugin.yml" if plugin else "mkdocs-bare.yml")
                config.write_text(mkdocs_yml(plugin), encoding="utf-8")
                out = work / ("site-plugin" if plugin else "site-bare")
                shutil.rmtree(out, ignore_errors=True)
                run = measure([str(bin_dir / "mkdocs"), "build", "-f", str(config), "-d", str(out)], work)
                if run.code != 0:
                    print(run.log[-3000:], file=sys.stderr)
                    return 1
                runs[plugin].append(run)
        html_files: dict[bool, int] = {}
        for plugin in (False, True):
            pages = html_files[plugin] = sum(
                1 for _ in (work / ("site-plugin" if plugin else "site-bare")).rglob("*.html")
            )
            rows.append(
                (
                    f"mkdocs build, {'with the sitekit plugin' if plugin else 'bare (no plugin)'}",
                    min(runs[plugin], key=lambda r: r.cpu),
                    f"{pages} HTML files",
                )
            )
        site = work / "site-bare"
        run = measure([sys.executable, "-c", _LINK_CHECK, str(site)], work)
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
        checks = [row[1] for row in rows[2:]]  # the validator's link check, then linkchecker's
        if not args.skip_serve:
            rows.append(serve_row(work, args.repeat))
        print(
            f"Synthetic site: {args.pages} pages per language, {LINKS_PER_PAGE} links per page, "
            f"{len(planted)} planted broken links/anchors"
        )
        print_table(rows)
        bare, hooked = rows[0][1], rows[1][1]
        print(
            f"plugin overhead: {100 * (hooked.cpu - bare.cpu) / bare.cpu:+.1f} % CPU, "
            f"{100 * (hooked.seconds - bare.seconds) / bare.seconds:+.1f} % wall (target <= 15 %)"
            + (
                ""
                if args.skip_linkchecker
                else f"; validator vs linkchecker: {checks[1].seconds / checks[0].seconds:.1f}x faster wall, "
                f"{checks[1].cpu / checks[0].cpu:.1f}x less CPU (target >= 10x)"
            )
        )
        # The project's own pages (calls, criteria, kits, campaigns...) cost what any page costs: shown apart.
        added = html_files[True] - html_files[False]
        own = hooked.cpu - bare.cpu - added * bare.cpu / html_files[False]
        print(
            f"of which the {added} pages the plugin adds, at the bare build's CPU per page: "
            f"{added * bare.cpu / html_files[False]:.2f} s; the rest: {100 * own / bare.cpu:+.1f} % CPU"
        )
        cpus = {
            name: ", ".join(f"{r.cpu:.1f}" for r in runs[plugin])
            for name, plugin in (("bare", False), ("plugin", True))
        }
        print(f"CPU seconds of every build, in order: bare {cpus['bare']}; plugin {cpus['plugin']}")
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
