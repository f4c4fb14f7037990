/* Small enhancements; every page works without them. */
(function () {
  "use strict";

  /* Multi-selects become searchable (vendored Tom Select, static/vendor/tom-select): type to filter, arrows
     and Enter to add, Backspace to remove. Without JavaScript they stay plain <select multiple>. */
  function searchable(select) {
    if (select.tomselect || typeof window.TomSelect !== "function") return;
    new window.TomSelect(select, {
      plugins: { remove_button: { title: words().remove } }, maxOptions: 500, hideSelected: true,
      closeAfterSelect: false,
      // once a name is added the search starts afresh, so the next one can be typed straight away
      onItemAdd: function () { this.setTextboxValue(""); this.refreshOptions(false); },
      render: { no_results: function () { return '<div class="no-results">' + words().none + "</div>"; } }
    });
    var hint = select.parentNode.querySelector(".hint--ctrl");
    if (hint) hint.hidden = true;
  }

  /* the two words the searchable list writes itself, in the page's language */
  function words() {
    var lang = document.documentElement.lang;
    return lang === "fr" ? { none: "Aucun résultat", remove: "Retirer" } :
      lang === "vi" ? { none: "Không có kết quả", remove: "Bỏ chọn" } : { none: "No match", remove: "Remove" };
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
    Array.prototype.forEach.call((root || document).querySelectorAll("select[multiple]"), searchable);
    addCsrf(root);
  }

  /* The menu is open by default so the navigation shows without JavaScript; on phones it starts folded. */
  function foldMenuOnPhones() {
    var menu = document.querySelector("details.menu");
    if (menu && window.matchMedia("(max-width: 720px)").matches) menu.removeAttribute("open");
  }

  /* An HTMX action the server refused (403, or a 4xx answer that is not a fragment to swap) shows the
     server's message where it was tried, in a role=alert region after the form, and the form goes back to
     the stored values (a refused rename shows the name that was kept, not the one typed). */
  function messageOf(xhr) {
    var text = "";
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText || "", "text/html");
      var alert = doc.querySelector("[role=alert]") || doc.querySelector(".error-page p:not(.kicker)");
      text = alert ? alert.textContent.trim() : "";
      if (!text) text = JSON.parse(xhr.responseText).detail || "";
    } catch (ignored) { /* not HTML nor JSON: the status line below */ }
    return text || (xhr.status + " " + (xhr.statusText || ""));
  }

  function showRefusal(event) {
    var detail = event.detail;
    if (detail.shouldSwap || detail.xhr.status < 400 || detail.xhr.status === 401) return;
    var source = detail.requestConfig && detail.requestConfig.elt || detail.elt;
    var form = source && source.closest ? (source.closest("form") || source) : null;
    if (!form || !form.parentNode) return;
    var region = form.nextElementSibling;
    if (!region || !region.classList.contains("htmx-error")) {
      region = document.createElement("div");
      region.className = "alert alert--bad htmx-error";
      region.setAttribute("role", "alert");
      form.parentNode.insertBefore(region, form.nextSibling);
    }
    region.textContent = messageOf(detail.xhr);
    if (form.tagName === "FORM") form.reset();
  }

  /* Sections marked data-swap-refusals answer a refused form (409/422) with the section and its message:
     swap it like a success (a listener here, not an inline hx-on handler, so the CSP needs no eval). */
  function swapRefusals(event) {
    var status = event.detail.xhr.status;
    var target = event.target;
    if ((status === 409 || status === 422) && target && target.closest && target.closest("[data-swap-refusals]")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  }

  document.addEventListener("htmx:beforeSwap", swapRefusals);
  document.addEventListener("htmx:beforeSwap", showRefusal);

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

/* A select marked data-autosubmit (the dashboards' map measure) sends its form when changed; without JavaScript
   the form's button does. */
document.addEventListener("change", function (event) {
  var select = event.target;
  if (select instanceof HTMLSelectElement && select.hasAttribute("data-autosubmit") && select.form) select.form.submit();
});
