// socprev-kit batch index: sort, filter and search the reports table. Plain JavaScript, no
// library, nothing loaded; inlined in the page. Without it the page shows the whole table.
// The rows are read once and kept here; the table then holds only the rows on show (the first
// PAGE that match, more on demand), so that a sort, a filter or a search lays out a few hundred
// rows whatever the number of reports; the search waits for a pause in the typing.
(function () {
  "use strict";
  var table = document.getElementById("reports");
  var form = document.getElementById("filters");
  if (!table || !form) return;
  var lang = document.documentElement.lang || "nl";
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var shown = document.getElementById("shown");
  var query = document.getElementById("q");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-facet]"));
  var more = document.getElementById("more");
  var everything = document.getElementById("everything");
  // rows on show at once: a table of thousands of rows takes a second to lay out again after
  // every sort or filter; the rest comes with "more" or "all"
  var PAGE = parseInt(more.getAttribute("data-page"), 10) || 200;
  var limit = PAGE;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var rows = Array.prototype.map.call(body.rows, function (tr, i) {
    var facets = {};
    selects.forEach(function (s) {
      var f = s.getAttribute("data-facet");
      var v = tr.getAttribute("data-" + f) || "";
      facets[f] = v ? v.split("|") : [];
    });
    return { tr: tr, order: i, q: tr.getAttribute("data-q") || "", facets: facets,
             keys: {} };
  });
  var current = rows.slice();  // the rows in their displayed order

  // --- sorting ----------------------------------------------------------------------------------
  function key(row, col, numeric) {
    if (!(col in row.keys)) {
      var cell = row.tr.cells[col];
      if (numeric) {
        var v = cell && cell.getAttribute("data-v");
        row.keys[col] = v === null || v === "" ? null : parseFloat(v);
      } else {
        row.keys[col] = cell ? cell.textContent.trim() : "";
      }
    }
    return row.keys[col];
  }

  function sortBy(col, descending) {
    var numeric = heads[col].getAttribute("data-type") === "num";
    var sign = descending ? -1 : 1;
    var sorted = rows.slice().sort(function (a, b) {
      var x = key(a, col, numeric), y = key(b, col, numeric);
      var c;
      if (x === null || x === "" || (numeric && isNaN(x))) {
        c = (y === null || y === "" || (numeric && isNaN(y))) ? 0 : 1;  // blanks last
        return c || a.order - b.order;
      }
      if (y === null || y === "" || (numeric && isNaN(y))) return -1;
      c = numeric ? (x < y ? -1 : x > y ? 1 : 0) : collator.compare(x, y);
      return sign * c || a.order - b.order;
    });
    current = sorted;
    limit = PAGE;
    apply(true);
    heads.forEach(function (th, i) {
      if (i === col) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }

  heads.forEach(function (th, col) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(col, th.getAttribute("aria-sort") === "ascending");
    });
  });

  // --- filtering and search ---------------------------------------------------------------------
  function apply(keepLimit) {
    if (keepLimit !== true) limit = PAGE;
    var words = fold(query.value).split(/\s+/).filter(Boolean);
    var wanted = selects.map(function (s) {
      return [s.getAttribute("data-facet"), s.value];
    }).filter(function (p) { return p[1]; });
    var count = 0;
    var fragment = document.createDocumentFragment();
    current.forEach(function (row) {
      var match = words.every(function (w) { return row.q.indexOf(w) >= 0; }) &&
        wanted.every(function (p) { return row.facets[p[0]].indexOf(p[1]) >= 0; });
      if (match) {
        count += 1;
        if (count <= limit) fragment.appendChild(row.tr);
      }
    });
    body.textContent = "";  // the rows stay in `rows`
    body.appendChild(fragment);
    var listed = Math.min(count, limit);
    shown.textContent = shown.getAttribute("data-template").replace("{shown}", count)
      .replace("{total}", rows.length).replace("{listed}", listed);
    more.hidden = everything.hidden = count <= limit;
    everything.textContent = everything.getAttribute("data-template").replace("{n}", count);
  }

  var pending = null;
  query.addEventListener("input", function () {
    if (pending !== null) clearTimeout(pending);
    pending = setTimeout(function () { pending = null; apply(); }, 120);
  });
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });

  more.addEventListener("click", function () { limit += PAGE; apply(true); });
  everything.addEventListener("click", function () { limit = Infinity; apply(true); });

  form.hidden = false;
  shown.hidden = false;
  document.getElementById("sort-hint").hidden = false;
  apply();
  // a page with tens of thousands of rows keeps its body out of layout until the rows on show
  // are chosen (class "deferred", undone by a <noscript> style without JavaScript)
  table.classList.remove("deferred");
  // for tests and benchmarks: the same work without the pause of the typing
  window.socprevIndex = { apply: apply, sortBy: sortBy };
})();
