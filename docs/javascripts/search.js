/* Search loads one language's index, and only when the reader opens search.
 *
 * Material requests search/search_index.json as soon as a page loads. The site has one index per
 * language instead (scripts/site/search.py), so this asks for the page's own language's index and holds
 * the request back until the reader opens search: taps the search button, focuses the search box or
 * types a search shortcut. Loaded before Material's script (overrides/main.html). */
(function () {
  "use strict";
  var WHOLE = /search\/search_index\.json$/;
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var opened = new Promise(function (resolve) {
    function open() {
      resolve();
    }
    document.addEventListener("change", function (event) {
      if (event.target && event.target.id === "__search" && event.target.checked) open();
    });
    document.addEventListener("focusin", function (event) {
      if (event.target && event.target.closest && event.target.closest(".md-search")) open();
    });
    document.addEventListener("keydown", function (event) {
      if (/^[fs/]$/.test(event.key)) open();
    });
  });
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.heldUntilSearch = WHOLE.test(String(url));
    if (this.heldUntilSearch) args[1] = String(url).replace(WHOLE, "search/search_index." + lang + ".json");
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.heldUntilSearch) return send.apply(request, args);
    opened.then(function () {
      send.apply(request, args);
    });
  };
})();
