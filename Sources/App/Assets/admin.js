// Gazette back office enhancements. Every form works without this file; it adds the live
// preview, autosave with conflict detection, slug suggestions, counters and confirmations.
(function () {
  "use strict";

  var csrf = document.body.getAttribute("data-csrf") || "";

  // Ask before destructive forms (delete, deactivate).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  // Character counters for SEO fields.
  document.querySelectorAll("[data-counter]").forEach(function (field) {
    var limit = Number(field.getAttribute("data-counter"));
    var note = document.createElement("p");
    note.className = "field__hint";
    note.setAttribute("aria-live", "polite");
    field.after(note);
    function update() {
      var length = field.value.length;
      note.textContent = length + " characters" + (length > limit ? " (search results show about " + limit + ")" : "");
    }
    field.addEventListener("input", update);
    update();
  });

  // Newsletter sending: poll the progress every two seconds while an edition is being sent, and
  // reload once it stops so that the page shows the finished state and the right buttons.
  document.querySelectorAll("[data-progress]").forEach(function (panel) {
    if (panel.getAttribute("data-status") !== "sending") return;
    var bar = panel.querySelector("progress");
    var grouped = new Intl.NumberFormat("en-GB");
    function poll() {
      fetch(panel.getAttribute("data-progress"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (figures) {
          if (!figures) return window.setTimeout(poll, 5000);
          ["sent", "failed", "remaining", "cancelled"].forEach(function (key) {
            var cell = panel.querySelector('[data-count="' + key + '"]');
            if (cell) cell.textContent = grouped.format(figures[key]);
          });
          if (bar) { bar.value = figures.percent; bar.textContent = figures.percent + "%"; }
          if (figures.status !== "sending") { window.location.reload(); return; }
          window.setTimeout(poll, 2000);
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    }
    window.setTimeout(poll, 2000);
  });

  var form = document.querySelector("form.editor");
  if (!form) return;

  var body = form.elements.body;
  var title = form.elements.title;
  var slug = form.elements.slug;
  var frame = document.querySelector("[data-preview-frame]");
  var status = document.querySelector("[data-autosave-status]");
  var dirty = false;
  var saving = false;
  var conflicted = false;

  function setStatus(text, conflict) {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle("autosave-status--conflict", !!conflict);
  }

  // The address follows the title until someone edits it by hand.
  var slugTouched = slug && slug.value !== "";
  function slugify(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['\u2019]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 96).replace(/-+$/, "");
  }
  if (slug) slug.addEventListener("input", function () { slugTouched = slug.value !== ""; });
  if (title && slug) title.addEventListener("input", function () { if (!slugTouched) slug.value = slugify(title.value); });

  // Live preview, rendered on the server by the same code as the public page and shown in a
  // sandboxed frame, so nothing in a draft can act on this page.
  var previewTimer = null;
  function refreshPreview() {
    if (!frame || !body) return;
    var data = new URLSearchParams();
    data.set("body", body.value);
    fetch(form.getAttribute("data-preview"), {
      method: "POST", credentials: "same-origin", body: data,
      headers: { "X-CSRF-Token": csrf },
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.text();
    }).then(function (html) { frame.srcdoc = html; })
      .catch(function () { /* the last preview stays; saving is unaffected */ });
  }

  form.addEventListener("input", function (event) {
    dirty = true;
    if (event.target === body) {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(refreshPreview, 400);
    }
  });
  form.addEventListener("change", function () { dirty = true; });

  // Autosave every few seconds. A save based on an older version is refused by the server;
  // then nothing is overwritten and the editor says so, keeping the text here.
  function autosave() {
    if (!dirty || saving || conflicted) return;
    saving = true;
    dirty = false;
    var data = new URLSearchParams(new FormData(form));
    fetch(form.getAttribute("data-autosave"), {
      method: "POST", credentials: "same-origin", body: data,
      headers: { "X-CSRF-Token": csrf, "Accept": "application/json" },
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (result) {
      var json = result.json;
      if (result.status === 200 && json.status === "created") {
        form.setAttribute("action", json.action);
        form.setAttribute("data-autosave", json.autosave);
        form.elements.version.value = json.version;
        history.replaceState(null, "", json.edit);
        setStatus("Saved as a draft at " + json.savedAt + ".");
      } else if (result.status === 200) {
        form.elements.version.value = json.version;
        setStatus(json.message + " (" + json.savedAt + ")");
      } else if (result.status === 409) {
        conflicted = true;
        setStatus(json.message, true);
      } else if (result.status === 422) {
        dirty = true;
        var first = json.errors ? Object.keys(json.errors).map(function (key) { return json.errors[key]; })[0] : "";
        setStatus("Not saved automatically yet: " + first);
      } else {
        dirty = true;
        setStatus("Autosave failed; your text is still here. Use Save.");
      }
    }).catch(function () {
      dirty = true;
      setStatus("Offline? Autosave will retry; your text is still here.");
    }).then(function () { saving = false; });
  }
  setInterval(autosave, 5000);

  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
})();
