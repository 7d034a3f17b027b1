/* Client-side filters for the positions matrix, the chronology and the articles list.
 *
 * A container marked data-filters="key:Label;key:Label" holds items (list items, table rows)
 * carrying data-filter-<key>="value|value" (with data-filters-scope="page", it marks where the
 * filters go and the items are the rest of the page's). The script adds one <select> per key, built from
 * the values the items carry, and hides the items that lack a chosen value. Without
 * JavaScript nothing is added and every item shows: the page is complete as served.
 * data-filter-columns="key" also hides the table columns (headers th[data-column]) of other
 * values, and swaps the page's map to the chosen column's (th[data-map]).
 * Also: a table that scrolls sideways on a small screen gets a visible hint above it.
 * No third-party code; runs once the page is parsed (Material loads it at the end of body).
 */
(function () {
  "use strict";

  function values(element, key) {
    var raw = element.getAttribute("data-filter-" + key);
    return raw ? raw.split("|") : [];
  }

  function setUp(container, index) {
    var keys = container.getAttribute("data-filters").split(";").map(function (pair) {
      var parts = pair.split(":");
      return { key: parts[0], label: parts[1] };
    });
    var selector = keys.map(function (k) { return "[data-filter-" + k.key + "]"; }).join(",");
    // data-filters-scope="page": an empty marker before a list split by headings; its items are the page's.
    var scope = container.getAttribute("data-filters-scope") === "page" ? container.parentNode : container;
    var items = Array.prototype.slice.call(scope.querySelectorAll(selector));
    if (items.length < 2) return;
    var form = document.createElement("form");
    form.className = "list-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filtrer la liste");
    var selects = [];
    keys.forEach(function (k) {
      var seen = {};
      items.forEach(function (item) { values(item, k.key).forEach(function (v) { if (v) seen[v] = true; }); });
      var choices = Object.keys(seen).sort(function (a, b) { return a.localeCompare(b, "fr"); });
      if (choices.length < 2) return;
      var label = document.createElement("label");
      var id = "filtre-" + index + "-" + k.key;
      label.setAttribute("for", id);
      label.textContent = k.label + " ";
      var select = document.createElement("select");
      select.id = id;
      select.name = k.key;
      select.appendChild(new Option("Tous", ""));
      choices.forEach(function (v) { select.appendChild(new Option(v, v)); });
      label.appendChild(select);
      form.appendChild(label);
      selects.push({ key: k.key, select: select });
    });
    if (!selects.length) return;
    var status = document.createElement("p");
    status.setAttribute("aria-live", "polite");
    status.className = "filter-status";
    form.appendChild(status);
    container.parentNode.insertBefore(form, container);
    var columnKey = container.getAttribute("data-filter-columns");

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var keep = selects.every(function (s) {
          return !s.select.value || values(item, s.key).indexOf(s.select.value) !== -1;
        });
        if (keep) { item.removeAttribute("data-filtered-out"); shown += 1; }
        else item.setAttribute("data-filtered-out", "");
      });
      status.textContent = shown + " sur " + items.length;
      if (!columnKey) return;
      var chosen = form.elements[columnKey] ? form.elements[columnKey].value : "";
      // A column is named once, by its header (th[data-column]); its cells are found by position.
      var headers = Array.prototype.slice.call(container.querySelectorAll("thead th"));
      container.querySelectorAll("tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, position) {
          var column = headers[position] && headers[position].getAttribute("data-column");
          if (!column) return; // the actors' column stays
          if (chosen && column !== chosen) cell.setAttribute("data-filtered-out", "");
          else cell.removeAttribute("data-filtered-out");
        });
      });
      swapMap(container, chosen);
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function swapMap(container, column) {
    var figure = document.querySelector("figure[data-map-of]");
    if (!figure || !column) return;
    var header = Array.prototype.find.call(container.querySelectorAll("th[data-map]"), function (th) {
      return th.getAttribute("data-column") === column;
    });
    if (!header || figure.getAttribute("data-map-of") === column) return;
    var old = figure.querySelector("object");
    var map = old.cloneNode(true);
    map.setAttribute("data", header.getAttribute("data-map"));
    old.parentNode.replaceChild(map, old);
    figure.setAttribute("data-map-of", column);
    var legend = figure.querySelector(".map-legend");
    if (legend) legend.remove(); // the roles of the first map; the new map carries its own legend
    var link = figure.querySelector("figcaption a");
    var source = header.querySelector("a");
    if (link && source) { link.textContent = source.textContent; link.href = source.href; }
  }

  function hintScrolling() {
    document.querySelectorAll(".table-scroll, .md-typeset__scrollwrap").forEach(function (box) {
      var hint = box.previousElementSibling;
      var has = hint && hint.classList.contains("scroll-hint");
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !has) {
        var p = document.createElement("p");
        p.className = "scroll-hint";
        p.textContent = "Le tableau défile sur le côté →";
        box.parentNode.insertBefore(p, box);
      } else if (!scrolls && has) {
        hint.remove();
      }
    });
  }

  document.querySelectorAll("[data-filters]").forEach(setUp);
  hintScrolling();
  window.addEventListener("resize", hintScrolling);
})();
