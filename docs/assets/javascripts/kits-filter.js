/* Kit catalogue: instant filters by audience and theme, kept in the URL (?public=...&theme=...).
   Without this script every kit stays listed. No framework, no request. */
(function () {
  "use strict";

  function setup() {
    var form = document.querySelector("[data-kits-filters]");
    var list = document.querySelector("[data-kits-list]");
    var count = document.querySelector("[data-kits-count]");
    if (!form || !list || !count) return;
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-kits-filter]"));
    var cards = Array.prototype.slice.call(list.querySelectorAll("[data-kit-id]"));

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var wanted = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
        select.value = known ? wanted : "";
      });
    }

    function writeUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) params.set(select.name, select.value); else params.delete(select.name);
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse: the filter still works */ }
    }

    function matches(card, select) {
      if (!select.value) return true;
      var values = (card.getAttribute("data-" + select.getAttribute("data-kits-filter")) || "").split(" ");
      // A kit for all staff ("tous") is shown whatever audience is chosen.
      return values.indexOf(select.value) !== -1 ||
        (select.name === "public" && values.indexOf("tous") !== -1);
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var visible = selects.every(function (select) { return matches(card, select); });
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      var key = shown === 0 ? "data-text-none" : shown === 1 ? "data-text-one" : "data-text-many";
      count.textContent = count.getAttribute(key).replace("{n}", String(shown));
    }

    selects.forEach(function (select) {
      select.addEventListener("change", function () { apply(); writeUrl(); });
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(); writeUrl(); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    readUrl();
    form.hidden = false;
    apply();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
