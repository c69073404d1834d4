/* Filters of the HAS criteria catalogue (certification/index.html).
   The table is complete without JavaScript; this script shows the filter form, hides the rows that do
   not match, announces the count, and keeps the filters in the page address (?referentiel=&chapitre=&imperatif=&axe=)
   so that a filtered view can be bookmarked or shared. No request, no dependency. */
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("criteria-filters");
    var table = document.getElementById("criteria-table");
    if (!form || !table || form.getAttribute("data-ready")) {
      return;
    }
    form.setAttribute("data-ready", "1");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var count = form.querySelector(".criteria-filters__count");

    function matches(row, select) {
      var wanted = select.value;
      if (!wanted) {
        return true;
      }
      var value = row.getAttribute("data-" + select.getAttribute("data-filter")) || "";
      return select.getAttribute("data-filter") === "axes" ? value.split(" ").indexOf(wanted) >= 0 : value === wanted;
    }

    function apply(updateAddress) {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) { return matches(row, select); });
        row.hidden = !visible;
        if (visible) {
          shown += 1;
        }
      });
      var template = shown ? count.getAttribute("data-template") : count.getAttribute("data-template-none");
      count.textContent = template.replace("{n}", String(shown)).replace("{total}", String(rows.length));
      if (updateAddress && window.history && window.history.replaceState) {
        var params = new URLSearchParams(window.location.search);
        selects.forEach(function (select) {
          if (select.value) {
            params.set(select.name, select.value);
          } else {
            params.delete(select.name);
          }
        });
        var query = params.toString();
        try {
          window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
        } catch (error) {
          /* Some browsers refuse to change a file:// address: the filter still works. */
        }
      }
    }

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted && select.querySelector('option[value="' + wanted.replace(/["\\]/g, "") + '"]')) {
        select.value = wanted;
      }
      select.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(true); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
