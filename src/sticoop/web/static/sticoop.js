/* Small enhancements; every page works without them. */
(function () {
  "use strict";

  /* A search box above long multi-selects (countries, organisations, people), so nobody scrolls 250 names. */
  function addFilter(select) {
    if (select.dataset.filterReady || select.options.length < 12) return;
    select.dataset.filterReady = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-filter";
    box.placeholder = document.documentElement.lang === "fr" ? "Filtrer…" :
      document.documentElement.lang === "vi" ? "Lọc…" : "Filter…";
    box.setAttribute("aria-label", box.placeholder);
    box.addEventListener("input", function () {
      var needle = box.value.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      Array.prototype.forEach.call(select.options, function (option) {
        var text = option.text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
        option.hidden = needle !== "" && text.indexOf(needle) === -1 && !option.selected;
      });
    });
    select.parentNode.insertBefore(box, select);
  }

  /* Every form that posts carries the session's CSRF token; templates render it, this covers any that do not. */
  function addCsrf(root) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (!meta) return;
    Array.prototype.forEach.call((root || document).querySelectorAll('form[method="post"], form[method="POST"]'),
      function (form) {
        if (form.querySelector('input[name="csrf_token"]')) return;
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "csrf_token";
        input.value = meta.content;
        form.appendChild(input);
      });
  }

  function enhance(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("select[data-filterable]"), addFilter);
    addCsrf(root);
  }

  /* The menu is open by default so the navigation shows without JavaScript; on phones it starts folded. */
  function foldMenuOnPhones() {
    var menu = document.querySelector("details.menu");
    if (menu && window.matchMedia("(max-width: 720px)").matches) menu.removeAttribute("open");
  }

  /* A form that comes back with errors moves the focus to its summary, which links to each field. */
  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    foldMenuOnPhones(); enhance(document); focusErrorSummary();
  });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
