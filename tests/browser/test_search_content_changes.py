"""Search survives ordinary content changes: each example profile built in a copy of the project with a post added
and next year's campaign, then, in Chromium, the site's search worker (Material's, widened) asked every vocabulary
word, every word of a kit's title and both forms of every common singular and plural: each must still find its
pages. A query that finds nothing after a content change (« affiche » while « affiches » found 24: lunr's word
automaton, mended by the worker) fails here, whatever word it is.

One build per profile (a module fixture), the queries of a language sent to one worker of one page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, build_project, copy_project
from sitekit.i18n.strings import LANGUAGES, lang_prefix
from sitekit.search.words import word_lists
from support.browser import open_page, serve

pytestmark = pytest.mark.long

PROFILES = ["hopital", "medico-social"]
NEXT_CAMPAIGN = "2028"
POSTS = {  # a post in the past of the build date (2025-10-20) and a scheduled one, in both languages
    "2025-10-16-exercice-hameconnage": ("Exercice d’hameçonnage : les résultats", "Phishing exercise: the results"),
    "2025-12-01-affiches-du-service": ("Les nouvelles affiches du service", "The department's new posters"),
}
POST = """---
title: "{title}"
description: "{title}."
date: {date}
authors: [rssi]
categories: [Cybermois]
---

{body}
"""
BODIES = {
    "fr": "Merci à toutes et à tous : un message sur cinq a été signalé au support informatique (poste 4455).",
    "en": "Thank you all: one message in five was reported to IT support (extension 4455).",
}

# The worker of the site, set up with the language's index, then asked each query in turn (Material's messages:
# 0 setup, 1 ready, 2 query, 3 result); the pages of each query's results.
ASK = """async ({worker, index, queries}) => {
  const data = await (await fetch(index)).json();
  const search = new Worker(worker);
  const next = () => new Promise((resolve, reject) => {
    search.onmessage = ev => resolve(ev.data);
    search.onerror = ev => reject(new Error(ev.message));
  });
  let reply = next();
  search.postMessage({type: 0, data: {...data, options: {suggest: false}}});
  await reply;
  const found = {};
  for (const query of queries) {
    reply = next();
    search.postMessage({type: 2, data: query});
    const result = await reply;
    found[query] = [...new Set((result.data.items || []).map(group => group[0].location.split("#")[0]))];
  }
  search.terminate();
  return found;
}"""


def add_content(project: Path) -> None:
    """A post in the past, a scheduled one, and next year's campaign: the ordinary changes of a season."""
    posts = project / "docs" / "actualites" / "billets"
    for name, titles in POSTS.items():
        date = name[:10]
        for lang, title in zip(LANGUAGES, titles, strict=True):
            suffix = "" if lang == LANGUAGES[0] else f".{lang}"
            text = POST.format(title=title, date=date, body=BODIES[lang])
            (posts / f"{name}{suffix}.md").write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "templates", project / "templates")  # what `make campaign` writes from
    subprocess.run(
        [sys.executable, str(project / "scripts" / "new_campaign.py"), NEXT_CAMPAIGN],
        cwd=project,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module", params=PROFILES)
def changed_site(request, tmp_path_factory, shared_dir) -> Path:
    project = copy_project(tmp_path_factory.mktemp(f"changed-{request.param}"))
    add_content(project)
    code, output = build_project(project, profile=project / "examples" / "profiles" / f"{request.param}.yml")
    assert code == 0, output
    return project / "site"


def index_docs(site: Path, lang: str) -> list[dict]:
    return json.loads((site / lang_prefix(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def vocabulary_terms(lang: str) -> list[str]:
    entries = yaml.safe_load((ROOT / "data" / "vocabulary.yml").read_text(encoding="utf-8"))["entries"]
    return sorted({term for entry in entries for term in entry.get(lang, ())})


def kit_title_words(docs: list[dict]) -> dict[str, set[str]]:
    """Each word (4 letters or more) of a kit page's title -> the kit pages whose title holds it."""
    words: dict[str, set[str]] = {}
    for doc in docs:
        if doc["location"].startswith("kits/fiches/") and "#" not in doc["location"]:
            for word in re.findall(r"[^\W\d_]+", doc["title"].lower()):
                if len(word) >= 4 and word.isalpha() and word not in word_lists().uninflected:
                    words.setdefault(word, set()).add(doc["location"])
    return words


def plural_pairs(docs: list[dict], limit: int = 150) -> list[tuple[str, str]]:
    """The commonest singular and plural pairs of the shown titles and texts (« affiche », « affiches »)."""
    counts: Counter[str] = Counter()
    for doc in docs:
        text = re.sub(r"<[^>]+>", " ", f"{doc.get('title', '')} {doc.get('text', '')}").lower()
        counts.update(re.findall(r"[^\W\d_]{4,}", text))
    function_words = word_lists().uninflected  # lunr's stop words among them: never searched
    pairs = [
        (word, word + "s")
        for word in counts
        if word + "s" in counts and not word.endswith("s") and not {word, word + "s"} & function_words
    ]
    pairs.sort(key=lambda pair: -(counts[pair[0]] + counts[pair[1]]))
    return pairs[:limit]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_query_goes_empty_after_a_content_change(browser, changed_site, lang):
    docs = index_docs(changed_site, lang)
    vocabulary = vocabulary_terms(lang)
    kits = kit_title_words(docs)
    pairs = plural_pairs(docs)
    assert kits and len(pairs) >= 20, (len(kits), len(pairs))
    queries = sorted({*vocabulary, *kits, *(word for pair in pairs for word in pair)})
    with serve(changed_site) as url:
        page, watch = open_page(browser, url + lang_prefix(lang) + "index.html")
        found = page.evaluate(
            ASK,
            {
                "worker": url + "assets/javascripts/workers/search-worker.js",
                "index": url + lang_prefix(lang) + "search/search_index.json",
                "queries": queries,
            },
        )
        page.context.close()
    problems = [f"vocabulary {term!r}: nothing found" for term in vocabulary if not found[term]]
    problems += [
        f"kit title word {word!r}: {sorted(pages)} not among {found[word][:5]}"
        for word, pages in kits.items()
        if not pages & set(found[word])
    ]
    for singular, plural in pairs:
        if not found[singular] or not found[plural]:
            problems.append(f"{singular!r}: {len(found[singular])} pages, {plural!r}: {len(found[plural])}")
        elif not set(found[singular]) & set(found[plural]):
            problems.append(f"{singular!r} and {plural!r}: no page in common")
    assert watch.errors == [], watch.errors
    assert not problems, f"{changed_site.parent.name} ({lang}), {len(queries)} queries:\n" + "\n".join(problems)
