// Quick log type-ahead: after three letters, show matching employers without a round trip
// through the search button. The page works the same without this script.
(function () {
  "use strict";
  var input = document.getElementById("q");
  var target = document.getElementById("suggestions");
  if (!input || !target) return;
  var timer = null;
  var last = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q === last) return;
      last = q;
      if (q.length < 3) { target.innerHTML = ""; return; }
      fetch("/log/suggest?q=" + encodeURIComponent(q), { credentials: "same-origin" })
        .then(function (res) { return res.ok ? res.text() : ""; })
        .then(function (html) { if (input.value.trim() === q) target.innerHTML = html; })
        .catch(function () { /* the search button still works */ });
    }, 150);
  });
})();
