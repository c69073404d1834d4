/* Search worker of the site: Material's own worker, whose lunr.js queries are widened.
 *
 * overrides/main.html names this file as the search worker. It loads Material's worker beside it, then changes
 * how lunr runs a query, for every word the reader types (Material has already made it "word*"):
 * - the whole word is also looked up with WHOLE_WORD_BOOST, so that a page holding the word itself ranks before
 *   pages holding only longer words that start with it (« CERT » before « certification »);
 * - a word of FUZZY_MIN_LENGTH letters or more is also looked up with one letter wrong, missing, extra or two
 *   letters swapped (lunr's edit distance 1), with FUZZY_BOOST: « sauvgarde » finds « sauvegarde ». Shorter
 *   words are left alone: with one letter changed, « mail » would match « main », « mais », « nail »...;
 * - a word typed with accents or ligatures is also looked up without them, as a prefix (the index holds every
 *   word's folded form in its hidden fields): « piraté » finds the pages that say « pirater » or « pirate »,
 *   where no page writes « piraté »;
 * - a word found only through that tolerance or without accents is reported under the word typed, so that
 *   Material does not list the typed word as missing from the results;
 * - a stop word (« de », « qui », "the") or a single letter is dropped from a query that has other words,
 *   unless it is the last one (the reader may still be typing it): as "a*", « à » or « d’ » would otherwise
 *   match every word that starts with that letter;
 * - every run of 2 to MAX_PHRASE_WORDS consecutive words typed, stop words included, is also looked up as one
 *   whole word: PHRASE_MARK, then its words without accents, joined (and the same without the words of one or
 *   two letters inside it). A page that answers a subject (a vocabulary entry's page:, data/vocabulary.yml)
 *   carries the entry's phrases so written (sitekit.search.terms.answer_words): "who to call", whose words
 *   but "call" are stop words the index does not hold, finds the incident page before the funding calls.
 * Before any index is built, it also mends lunr's word automaton (keyTokenSets below): lunr 2.3.9 merges two
 * nodes of it whose keys are equal, and its keys are ambiguous when a letter is a digit, so that a word with
 * digits (a file size in a table, a year, a phone number) could make the index accept words it does not hold;
 * a query reaching one of them throws, and Material then shows no result at all (« affiche » found nothing while
 * « affiches » found 24, after an ordinary content change).
 * The same file runs as a real worker (http) and inside the iframe of iframe-worker (file://), where the
 * worker's globals (importScripts) come from the script after this one (vendor/iframe-worker-scope.js): there,
 * Material's worker is loaded once the frame's document is parsed, and before the frame's load event, which the
 * shim waits for before it posts the first message.
 */
(function () {
  "use strict";

  var MATERIAL_WORKER = "search.a7633da7.min.js"; // tests/unit/search/test_search_worker.py checks Material ships it
  var WHOLE_WORD_BOOST = 3;
  var FUZZY_MIN_LENGTH = 5;
  var FUZZY_BOOST = 0.5;
  var PHRASE_MARK = "_"; // as sitekit.search.terms.PHRASE_MARK (tests/unit/search/test_search_worker.py)
  var MAX_PHRASE_WORDS = 8; // as sitekit.search.terms.MAX_PHRASE_WORDS
  var SHORT = 2; // a word this short, inside a phrase, is left out of its second form (« de », « à », "to")

  var script = typeof document !== "undefined" && document.currentScript;
  var material = new URL(MATERIAL_WORKER, script ? script.src : self.location.href).href;

  /* Whether `word` is a stop word of a language loaded in the worker (English, and the index's language). */
  function isStopWord(word) {
    var functions = lunr.Pipeline.registeredFunctions;
    return Object.keys(functions).some(function (label) {
      return label.indexOf("stopWordFilter") === 0 && functions[label](word) === undefined;
    });
  }

  /* The word without accents or ligatures, as sitekit.search.terms.fold writes the index's folded forms. */
  function fold(word) {
    return word.replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  /* Whether lunr's one-edit automaton for `typed` accepts the indexed word `word`. */
  function withinOneEdit(typed, word) {
    return lunr.TokenSet.fromString(word).intersect(lunr.TokenSet.fromFuzzyString(typed, 1)).toArray().length > 0;
  }

  /* Move the match data of `from` (an indexed word) under each word of `to` (words typed), merging positions. */
  function relabel(metadata, from, to) {
    [].concat(to).forEach(function (word) {
      var target = metadata[word] || (metadata[word] = {});
      Object.keys(metadata[from]).forEach(function (field) {
        var fields = target[field] || (target[field] = {});
        Object.keys(metadata[from][field]).forEach(function (key) {
          fields[key] = (fields[key] || []).concat(metadata[from][field][key]);
        });
      });
    });
    delete metadata[from];
  }

  /* The phrases of `words` (folded words typed, in order) as the index writes them (sitekit.search.terms.
   * phrase_words) -> the words of each: every run of 2 to MAX_PHRASE_WORDS of them joined, and the same without
   * the words of SHORT letters or less inside it (« ecran de rancon » and « ecran rancon » both give
   * « _ecranrancon »). */
  function phrasesOf(words) {
    var found = {};
    for (var start = 0; start < words.length; start++)
      for (var end = start + 2; end <= Math.min(words.length, start + MAX_PHRASE_WORDS); end++) {
        var run = words.slice(start, end);
        var inner = run.slice(1, -1).filter(function (word) { return word.length > SHORT; });
        found[PHRASE_MARK + run.join("")] = run;
        found[PHRASE_MARK + [run[0]].concat(inner, run.slice(-1)).join("")] = run;
      }
    return found;
  }

  /* lunr.TokenSet.Builder#minimize merges the nodes whose toString() is equal. lunr's own key, the final flag then
   * each edge's letter and target id, is ambiguous once a letter is a digit: {"4": node 2711} and {"4": node 2,
   * "7": node 11} both read "042711", and the second node takes the place of the first, which loses its words and
   * gains others that are in no document (Index#query then reads the posting of a word that has none, and
   * throws). Each id is closed by a comma: one letter, digits, a comma, never read two ways. */
  function keyTokenSets(lunr) {
    lunr.TokenSet.prototype.toString = function () {
      if (this._str) return this._str;
      var str = this.final ? "1" : "0";
      var labels = Object.keys(this.edges).sort();
      for (var i = 0; i < labels.length; i++) str += labels[i] + this.edges[labels[i]].id + ",";
      return str;
    };
  }

  function widen(lunr) {
    keyTokenSets(lunr);
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (build) {
      var typed = [];
      var phrases = {};
      var results = query.call(this, function (q) {
        build.call(q, q);
        phrases = phrasesOf(q.clauses.filter(function (clause) {
          return !clause.editDistance && clause.presence !== lunr.Query.presence.PROHIBITED;
        }).map(function (clause) { return fold(clause.term.replace(/\*/g, "")); }).filter(Boolean));
        var last = q.clauses[q.clauses.length - 1];
        var kept = q.clauses.filter(function (clause) {
          var word = clause.term.replace(/\*/g, "");
          return clause === last || (word.length > 1 && !isStopWord(word));
        });
        if (kept.length) q.clauses = kept;
        q.clauses.slice().forEach(function (clause) {
          if (clause.editDistance || clause.presence === lunr.Query.presence.PROHIBITED) return;
          var word = clause.term.replace(/\*/g, "");
          if (!word) return;
          typed.push(word);
          q.clause({ term: word, boost: WHOLE_WORD_BOOST, wildcard: lunr.Query.wildcard.NONE });
          var folded = fold(word);
          if (folded !== word && folded) {
            q.clause({ term: folded, usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
          }
          if (word.length >= FUZZY_MIN_LENGTH && /^[^\d]+$/.test(word))
            q.clause({ term: word, boost: FUZZY_BOOST, editDistance: 1, wildcard: lunr.Query.wildcard.NONE });
        });
        Object.keys(phrases).forEach(function (phrase) {
          q.clause({ term: phrase, boost: WHOLE_WORD_BOOST, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
        });
      });
      results.forEach(function (result) {
        var metadata = result.matchData.metadata;
        Object.keys(metadata).forEach(function (word) {
          if (phrases.hasOwnProperty(word)) {
            var said = typed.filter(function (t) { return phrases[word].indexOf(fold(t)) >= 0; });
            relabel(metadata, word, said.length ? said : typed.slice(-1));
            return;
          }
          if (typed.some(function (t) { return word.indexOf(t) === 0; })) return;
          var source = typed.filter(function (t) {
            return word.indexOf(fold(t)) === 0 || (t.length >= FUZZY_MIN_LENGTH && withinOneEdit(t, word));
          })[0];
          if (source) relabel(metadata, word, source);
        });
      });
      return results;
    };
  }

  if (script) {
    document.addEventListener("DOMContentLoaded", function () {
      importScripts(material).then(function () { widen(self.lunr); }); // iframe-worker: asynchronous
    });
  } else {
    importScripts(material);
    widen(self.lunr);
  }
})();
