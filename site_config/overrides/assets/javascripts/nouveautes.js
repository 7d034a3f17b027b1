// Marks what was added since the reader's last visit to this page: the newest date of the
// page's changes (<time class="briefing-change">) is kept in this browser's localStorage,
// under this page's address, and nothing is sent anywhere. On the first visit nothing is
// marked; on the next, every change dated after the newest one seen then is.
(function () {
  "use strict";
  function mark() {
    var times = document.querySelectorAll("time.briefing-change[datetime]");
    if (!times.length) return;
    var key = "briefings:vu:" + location.pathname;
    var seen = null;
    try { seen = window.localStorage.getItem(key); } catch (error) { return; }
    var newest = "";
    times.forEach(function (time) {
      var date = time.getAttribute("datetime");
      if (date > newest) newest = date;
      var item = time.closest("li");
      if (seen !== null && date > seen && item && !item.classList.contains("briefing-new")) {
        item.classList.add("briefing-new");
        var badge = document.createElement("span");
        badge.className = "briefing-new-badge";
        badge.textContent = "Nouveau depuis votre dernière visite";
        item.insertBefore(badge, item.firstChild);
      }
    });
    try {
      if (seen === null || newest > seen) window.localStorage.setItem(key, newest);
    } catch (error) { /* storage refused: nothing to remember */ }
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mark);  // Material's instant navigation
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
