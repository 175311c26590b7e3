(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("uhc-data").textContent);
  var T = D.text, R = D.regions;
  var svg = document.getElementById("uhc-map"), full = svg.getAttribute("data-full");
  var hl = document.getElementById("hl");
  var shapes = Array.prototype.slice.call(svg.querySelectorAll("[data-c]"));
  var table = document.getElementById("briefs"), tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var prov = document.getElementById("f-prov"), stat = document.getElementById("f-status");
  var search = document.getElementById("f-search"), count = document.getElementById("count");
  var details = document.getElementById("details");

  function norm(s) { return s.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""); }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function zoom(p) {
    var b = p && D.boxes[p];
    if (!b) { svg.setAttribute("viewBox", full); return; }
    var pad = 0.06 * Math.max(b[2], b[3]);
    svg.setAttribute("viewBox", [b[0] - pad, b[1] - pad, b[2] + 2 * pad, b[3] + 2 * pad].join(" "));
  }
  function apply() {
    var p = prov.value, s = stat.value, q = norm(search.value.trim()), n = 0;
    rows.forEach(function (tr) {
      var ok = (!p || tr.getAttribute("data-p") === p) && (!s || tr.getAttribute("data-s") === s) &&
        (!q || tr.getAttribute("data-q").indexOf(q) >= 0);
      tr.hidden = !ok;
      if (ok) { n += 1; }
    });
    shapes.forEach(function (e) {
      var c = e.getAttribute("data-c"), r = R[c];
      var ok = (!p || c.slice(0, 2) === p) && (!s || r.l === s) && (!q || norm(c + " " + r.n + " " + r.p).indexOf(q) >= 0);
      e.classList.toggle("out", !ok);
    });
    count.textContent = T.count.replace("{n}", n).replace("{total}", rows.length);
    zoom(p);
  }
  function show(target) {
    var c = target.getAttribute("data-c"), r = R[c];
    var path = target.tagName.toLowerCase() === "path" ? target : target.querySelector("path");
    hl.setAttribute("d", path.getAttribute("d"));
    details.textContent = "";
    details.appendChild(el("h3", r.n));
    details.appendChild(el("p", c + " \u00b7 " + r.p));
    if (r.c) {
      details.appendChild(el("p", T.coverage + " " + r.c + " \u00b7 " + T.activity + " " + r.a));
      var st = el("p", T.status + " ");
      st.appendChild(el("span", r.l, "badge " + r.b));
      if (r.x) { st.appendChild(document.createTextNode(" ")); st.appendChild(el("span", T.stale, "badge stale")); }
      details.appendChild(st);
    } else {
      details.appendChild(el("p", r.l, "empty"));
    }
    if (r.h) {
      var a = el("a", T.open);
      a.href = r.h;
      var pa = el("p");
      pa.appendChild(a);
      details.appendChild(pa);
    }
  }
  ["mouseover", "focusin"].forEach(function (kind) {
    svg.addEventListener(kind, function (e) {
      var t = e.target.closest("[data-c]");
      if (t) { show(t); }
    });
  });
  var heads = Array.prototype.slice.call(table.tHead.querySelectorAll("th"));
  heads.forEach(function (th, i) {
    var button = th.querySelector("button");
    button.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1, numeric = th.classList.contains("n");
      heads.forEach(function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      function key(tr) { var td = tr.cells[i]; return td.getAttribute("data-v") || td.textContent; }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var r = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, T.lang);
        return r * dir || a.getAttribute("data-c").localeCompare(b.getAttribute("data-c"));
      });
      rows.forEach(function (tr) { tbody.appendChild(tr); });
    });
  });
  [prov, stat].forEach(function (e) { e.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  apply();
})();
