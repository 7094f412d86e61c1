// Filters over the findings (data embedded as JSON above). Without JavaScript every
// finding is shown and the filters stay hidden. A link may carry a filter:
// report.html#filter:severity=error&code=REF002
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("findings-data").textContent);
  var box = document.getElementById("filters");
  var selects = box.querySelectorAll("select[data-filter]");
  function fill(key) {
    var seen = {};
    data.forEach(function (f) { if (f[key]) { seen[f[key]] = true; } });
    var select = box.querySelector('select[data-filter="' + key + '"]');
    Object.keys(seen).sort().forEach(function (v) {
      var o = document.createElement("option");
      o.textContent = v;
      select.appendChild(o);
    });
  }
  fill("document");
  fill("release");
  function apply() {
    var want = {};
    selects.forEach(function (s) { if (s.value) { want[s.dataset.filter] = s.value; } });
    var shown = 0;
    data.forEach(function (f) {
      var ok = Object.keys(want).every(function (k) { return f[k] === want[k]; });
      document.getElementById(f.id).hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.getElementById("shown").textContent = shown + " of " + data.length + " shown";
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  var hash = decodeURIComponent(window.location.hash || "");
  if (hash.indexOf("#filter:") === 0) {
    hash.slice(8).split("&").forEach(function (pair) {
      var kv = pair.split("=");
      var s = box.querySelector('select[data-filter="' + kv[0] + '"]');
      if (s) { s.value = kv[1] || ""; }
    });
  }
  box.hidden = false;
  document.documentElement.classList.add("js");
  apply();
})();
