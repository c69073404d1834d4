"""The site's search worker (docs/assets/javascripts/workers/search-worker.js) loads Material's own, which the
installed Material must ship under the name the worker gives; every page names the site's worker."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from conftest import ROOT
from sitekit.search import terms

WORKER = ROOT / "docs" / "assets" / "javascripts" / "workers" / "search-worker.js"
MATERIAL_WORKERS = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def test_the_worker_loads_the_worker_material_ships():
    name = re.search(r'MATERIAL_WORKER = "([^"]+)"', WORKER.read_text(encoding="utf-8"))
    assert name is not None, "search-worker.js: MATERIAL_WORKER not found"
    shipped = sorted(p.name for p in MATERIAL_WORKERS.glob("search.*.min.js"))
    assert name[1] in shipped, (
        f"search-worker.js loads {name[1]}, Material ships {shipped}: "
        "write the shipped name in MATERIAL_WORKER (Material was upgraded)"
    )


def test_pages_name_the_sites_worker_as_their_search_worker():
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/workers/search-worker.js" | url' in main


# Words whose digits make lunr 2.3.9's own keys of its word automaton collide (found by drawing file sizes at
# random, as a kit's table of files gives them): its index then accepts « affichetxt168516 », in no document, and
# the query « affiche » (« affiche* ») throws in Index#query, which Material shows as no result at all.
COLLIDING_WORDS = """
let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const words = new Set(["0", "affiche", "affiches"]);
const count = 200 + Math.floor(rnd() * 2000);
for (let i = 0; i < count; i++) words.add("affichetxt" + Math.floor(rnd() * 100000));
"""

LOAD_WORKERS = """
const fs = require("fs"), path = require("path"), vm = require("vm");
const [worker, materialFolder] = process.argv.slice(1);
globalThis.self = globalThis;
globalThis.location = { href: "file://" + worker };
let listeners = [];
globalThis.addEventListener = (type, listener) => { if (type === "message") listeners.push(listener); };
globalThis.removeEventListener = (type, listener) => { listeners = listeners.filter(l => l !== listener); };
globalThis.dispatchEvent = () => {};  // the first message handed on to Material's worker: not wanted here
globalThis.postMessage = () => {};
globalThis.importScripts = (...urls) => urls.forEach(url => {
  const file = path.join(materialFolder, path.basename(new URL(url).pathname));
  vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
});
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker });
// As a real worker, the site's worker loads Material's with the first message, sent when the search opens.
listeners.slice().forEach(listener => listener({ data: {}, stopImmediatePropagation() {} }));
if (typeof lunr === "undefined") throw new Error("the first message did not load Material's worker");
"""

CHECK = """
const sorted = [...words].sort();
lunr.TokenSet._nextId = 1;
const accepted = lunr.TokenSet.fromArray(sorted).toArray().filter(word => !words.has(word));
const index = lunr(function () {
  this.ref("id");
  this.field("text");
  sorted.forEach((word, id) => this.add({ id: String(id), text: word }));
});
let found;
try { found = index.search("affiche*").length; } catch (error) { found = String(error); }
console.log(JSON.stringify({ accepted, found, affiche: sorted.length - 1 }));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is missing (make npm installs it)")
def test_words_with_digits_never_empty_a_query():
    """The site's worker mends lunr's keys before Material builds its index: a content change (a file size, a
    year) can no longer make the index accept words it does not hold, and a query throw."""
    script = LOAD_WORKERS + COLLIDING_WORDS + CHECK
    done = subprocess.run(
        ["node", "-e", script, str(WORKER), str(MATERIAL_WORKERS)], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["accepted"] == [], f"lunr's index accepts words in no document: {result['accepted'][:3]}"
    assert result["found"] == result["affiche"], f"« affiche »: {result['found']}"


ACCENTS = """
const index = lunr(function () {
  this.ref("id");
  this.field("text");
  this.metadataWhitelist = ["position"];
  this.pipeline.reset();  // as Material's worker with the site's configuration: no trimmer, no stemmer
  this.searchPipeline.reset();
  this.add({ id: "incident", text: "pirater" });
  this.add({ id: "other", text: "pirouette" });
});
const results = index.search("piraté*");
console.log(JSON.stringify(results.map(r => [r.ref, Object.keys(r.matchData.metadata)])));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is missing (make npm installs it)")
def test_a_word_typed_with_accents_finds_its_folded_form_under_the_word_typed():
    """No page writes « piraté »: the worker looks up « pirate* » too (« pirater », two edits away), and reports
    what it found under « piraté » (Material would otherwise list the word typed as missing)."""
    done = subprocess.run(
        ["node", "-e", LOAD_WORKERS + ACCENTS, str(WORKER), str(MATERIAL_WORKERS)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [["incident", ["piraté"]]]


def test_the_worker_writes_phrases_as_the_index_does():
    source = WORKER.read_text(encoding="utf-8")
    mark = re.search(r'var PHRASE_MARK = "([^"]*)"', source)
    longest = re.search(r"var MAX_PHRASE_WORDS = (\d+)", source)
    short = re.search(r"var SHORT = (\d+)", source)
    assert mark is not None and longest is not None and short is not None
    assert (mark[1], int(longest[1]), int(short[1])) == (terms.PHRASE_MARK, terms.MAX_PHRASE_WORDS, terms._SHORT)


PHRASES = """
const index = lunr(function () {
  this.ref("id");
  this.field("title");
  this.metadataWhitelist = ["position"];
  this.pipeline.reset();  // as Material's worker with the site's configuration: stop words, no stemmer
  this.searchPipeline.reset();
  this.pipeline.add(lunr.stopWordFilter);
  this.searchPipeline.add(lunr.stopWordFilter);
  this.add({ id: "incident", title: "%s" });
  this.add({ id: "calls", title: "call calls" });
  this.add({ id: "passwords", title: "mot passe" });
});
const run = q => index.search(q).map(r => [r.ref, Object.keys(r.matchData.metadata).sort()]);
console.log(JSON.stringify({
  who: run("who* to* call*"), it: run("call* it*"), call: run("call*"), mot: run("mot* de* passe*"),
  vole: run("mot* de* passe* volé*"), screen: run("ecran* rancon*")
}));
"""


def test_a_phrase_typed_as_written_finds_the_page_that_answers_it_and_a_word_of_it_stays_a_word():
    """« who » and « to » are stop words the index does not hold: "who to call" would be "call", the funding
    calls. The page that answers it carries the phrase as one word (sitekit.search.terms.answer_words), which the
    worker looks up for each run of words typed; a word of the phrase typed alone never reaches it as a prefix."""
    answers = terms.answer_words(["who to call", "call IT", "mot de passe volé", "écran de rançon"])
    done = subprocess.run(
        ["node", "-e", LOAD_WORKERS + PHRASES % " ".join(sorted(answers)), str(WORKER), str(MATERIAL_WORKERS)],
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    # found by the phrase, reported under the word typed that the worker keeps (which page comes first on the
    # site: tests/browser/test_search_relevance.py)
    assert dict(found["who"]) == {"incident": ["call"], "calls": ["call", "calls"]}
    assert dict(found["it"])["incident"] == ["call", "it"]  # "it", the last word, kept
    assert [ref for ref, _ in found["call"]] == ["calls"]
    assert [ref for ref, _ in found["mot"]] == ["passwords"]
    assert {"mot", "passe", "volé"} <= set(dict(found["vole"])["incident"])  # « de »: a stop word in French only
    assert [ref for ref, _ in found["screen"]] == ["incident"]  # « écran rançon », without « de »
