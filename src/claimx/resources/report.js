// claimx report: filters, search, sortable tables. One copy, no library, no network.
// The filter state lives in the address (#q=...&country=...), so a filtered view can be
// bookmarked or sent, and opens as it was left.
(function () {
  "use strict";
  var fields = ["q", "country", "outcome", "speaker", "from", "to"];
  var controls = {};
  fields.forEach(function (name) { controls[name] = document.getElementById("f-" + name); });

  function state() {
    var out = {};
    fields.forEach(function (name) { out[name] = (controls[name].value || "").trim(); });
    return out;
  }

  function overlaps(el, from, to) {
    var start = el.getAttribute("data-start"), end = el.getAttribute("data-end");
    if (!from && !to) { return true; }
    if (!start && !end) { return false; }
    if (from && (end || start) < from) { return false; }
    if (to && (start || end) > to) { return false; }
    return true;
  }

  function matches(el, s) {
    var bar = function (name) { return "|" + (el.getAttribute(name) || "") + "|"; };
    if (s.country && bar("data-countries").indexOf("|" + s.country + "|") < 0) { return false; }
    if (s.outcome && el.getAttribute("data-outcome") !== s.outcome) { return false; }
    if (s.speaker && bar("data-speakers").indexOf("|" + s.speaker + "|") < 0) { return false; }
    if (!overlaps(el, s.from, s.to)) { return false; }
    if (s.q) {
      var text = (el.getAttribute("data-search") || el.textContent).toLowerCase();
      var words = s.q.toLowerCase().split(/\s+/);
      for (var i = 0; i < words.length; i++) {
        if (words[i] && text.indexOf(words[i]) < 0) { return false; }
      }
    }
    return true;
  }

  function apply() {
    var s = state();
    var shown = 0, total = 0;
    var visibleGroups = {};
    document.querySelectorAll(".filterable").forEach(function (el) {
      var ok = matches(el, s);
      el.toggleAttribute("hidden", !ok);
      if (el.classList.contains("group")) {
        total += 1;
        if (ok) { shown += 1; visibleGroups[el.getAttribute("data-group")] = true; }
      }
    });
    document.querySelectorAll("[data-follows]").forEach(function (el) {
      // an attribute, not .hidden: timeline bars are SVG elements
      el.toggleAttribute("hidden", !visibleGroups[el.getAttribute("data-follows")]);
    });
    document.querySelectorAll("svg.timeline").forEach(function (svg) {
      // close the gaps the hidden groups leave, and shorten the drawing to the rows shown
      var step = parseFloat(svg.getAttribute("data-row-height"));
      var top = parseFloat(svg.getAttribute("data-top"));
      var k = 0;
      svg.querySelectorAll("a.tl-row").forEach(function (row) {
        if (row.hasAttribute("hidden")) { return; }
        var shift = top + k * step - parseFloat(row.getAttribute("data-y"));
        row.setAttribute("transform", "translate(0," + shift + ")");
        k += 1;
      });
      var box = svg.getAttribute("viewBox").split(" ");
      box[3] = String(top + Math.max(k, 1) * step + 6);
      svg.setAttribute("viewBox", box.join(" "));
    });
    document.querySelectorAll(".speaker-card").forEach(function (card) {
      var name = card.getAttribute("data-speaker");
      var rows = card.querySelectorAll("tr.figure-row:not([hidden])").length;
      card.toggleAttribute("hidden", Boolean((s.speaker && s.speaker !== name) || rows === 0));
    });
    var count = document.getElementById("f-count");
    count.textContent = shown + " of " + total + " groups";
    count.setAttribute("data-shown", String(shown));
    var pairs = [];
    fields.forEach(function (name) {
      if (s[name]) { pairs.push(name + "=" + encodeURIComponent(s[name])); }
    });
    var hash = pairs.length ? "#" + pairs.join("&") : "";
    if (hash !== location.hash && (pairs.length || location.hash.indexOf("=") >= 0)) {
      history.replaceState(null, "", hash || location.pathname);
    }
  }

  function load() {
    var text = location.hash.replace(/^#/, "");
    if (text.indexOf("=") < 0) { return; }
    text.split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      var name = pair.slice(0, at), value = decodeURIComponent(pair.slice(at + 1));
      if (controls[name]) { controls[name].value = value; }
    });
  }

  function sortBy(table, column, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var key = function (row) {
      var cell = row.cells[column];
      var raw = cell ? (cell.getAttribute("data-sort") || cell.textContent.trim()) : "";
      var number = parseFloat(raw.replace(/,/g, ""));
      return isNaN(number) || /[a-z]/i.test(raw.replace(/e/i, "")) ? raw.toLowerCase() : number;
    };
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, column) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, column, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, column, th); } });
    });
  });
  fields.forEach(function (name) {
    controls[name].addEventListener("input", apply);
    controls[name].addEventListener("change", apply);
  });
  document.getElementById("f-reset").addEventListener("click", function () {
    fields.forEach(function (name) { controls[name].value = ""; });
    apply();
  });
  document.querySelectorAll("a.pick-speaker").forEach(function (link) {
    link.addEventListener("click", function (e) {
      e.preventDefault();
      controls.speaker.value = link.getAttribute("data-speaker");
      apply();
      document.getElementById("speakers").scrollIntoView();
    });
  });
  window.addEventListener("hashchange", function () { load(); apply(); });
  load();
  apply();
})();
