// Gazette back office enhancements. Every form works without this file; it adds the live
// preview, autosave with conflict detection, slug suggestions, counters, confirmations, the
// byline list and the image picker.
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

  // The byline: the server's selects (one per author, in order) become a list with buttons to
  // move and remove each author; the last select adds one.
  var byline = form.querySelector("[data-byline]");
  if (byline) {
    var list = byline.querySelector("[data-byline-list]");
    var adder = byline.querySelector("[data-byline-add]");
    var fieldName = adder.getAttribute("name");
    adder.removeAttribute("name");
    function button(label, text, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button--small button--secondary";
      b.setAttribute("aria-label", label);
      b.textContent = text;
      b.setAttribute("data-action", action);
      return b;
    }
    function item(id, name) {
      var li = document.createElement("li");
      li.className = "byline__item";
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = fieldName;
      input.value = id;
      var label = document.createElement("span");
      label.className = "byline__name";
      label.textContent = name;
      li.append(input, label, button("Move " + name + " up", "↑", "up"), button("Move " + name + " down", "↓", "down"),
        button("Remove " + name + " from the byline", "Remove", "remove"));
      return li;
    }
    var chosen = [];
    list.querySelectorAll("[data-byline-slot]").forEach(function (select) {
      if (select.value) chosen.push(item(select.value, select.options[select.selectedIndex].text));
    });
    list.textContent = "";
    chosen.forEach(function (li) { list.append(li); });
    function changed() { form.dispatchEvent(new Event("change")); }
    list.addEventListener("click", function (event) {
      var target = event.target.closest("button[data-action]");
      if (!target) return;
      var li = target.closest("li");
      var action = target.getAttribute("data-action");
      if (action === "up" && li.previousElementSibling) li.previousElementSibling.before(li);
      if (action === "down" && li.nextElementSibling) li.nextElementSibling.after(li);
      if (action === "remove") {
        var next = li.nextElementSibling || li.previousElementSibling;
        li.remove();
        (next ? next.querySelector("button[data-action=remove]") : adder).focus();
      } else {
        target.focus();
      }
      changed();
    });
    adder.addEventListener("change", function () {
      var id = adder.value;
      if (!id) return;
      var present = Array.prototype.some.call(list.querySelectorAll("input"), function (input) { return input.value === id; });
      if (!present) list.append(item(id, adder.options[adder.selectedIndex].text));
      adder.value = "";
      changed();
    });
  }

  // The image picker: a dialog that searches and pages through the library's described images.
  // It sets the feature image, or writes an image into the body at the cursor.
  var dialog = document.querySelector("[data-picker-dialog]");
  var imageField = form.querySelector("[data-image-field]");
  if (dialog && imageField && typeof dialog.showModal === "function") {
    var pickerURL = imageField.getAttribute("data-picker");
    var grid = dialog.querySelector("[data-picker-grid]");
    var search = dialog.querySelector("[data-picker-search]");
    var pickerStatus = dialog.querySelector("[data-picker-status]");
    var previous = dialog.querySelector("[data-picker-previous]");
    var next = dialog.querySelector("[data-picker-next]");
    var pageLabel = dialog.querySelector("[data-picker-page]");
    var imageInput = imageField.querySelector("[data-image-input]");
    var current = imageField.querySelector("[data-image-current]");
    var mode = "feature";
    var pages = { previous: null, next: null };

    imageInput.type = "hidden";
    imageField.querySelector(".image-field__manual").hidden = true;
    var actions = document.createElement("p");
    actions.className = "image-field__actions";
    var choose = document.createElement("button");
    choose.type = "button";
    choose.className = "button--small";
    choose.textContent = "Choose an image…";
    var clear = document.createElement("button");
    clear.type = "button";
    clear.className = "button--small button--secondary";
    clear.textContent = "No image";
    actions.append(choose, document.createTextNode(" "), clear);
    current.after(actions);

    function showCurrent(thumbnail, label) {
      current.textContent = "";
      if (thumbnail) {
        var img = document.createElement("img");
        img.src = thumbnail;
        img.alt = "";
        img.width = 160;
        img.height = 90;
        current.append(img);
      }
      var span = document.createElement("span");
      span.textContent = label;
      current.append(span);
    }

    // Only the answer to the latest request is shown: typing fast sends several, and they may
    // come back out of order.
    var sequence = 0;
    function load(url) {
      var mine = ++sequence;
      pickerStatus.textContent = "Loading…";
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { if (!response.ok) throw new Error("HTTP " + response.status); return response.json(); })
        .then(function (page) {
          if (mine !== sequence) return;
          grid.setAttribute("data-shown", url);
          grid.textContent = "";
          page.items.forEach(function (image) {
            var li = document.createElement("li");
            var b = document.createElement("button");
            b.type = "button";
            b.className = "picker__item";
            var img = document.createElement("img");
            img.src = image.thumbnail;
            img.alt = "";
            img.loading = "lazy";
            var label = document.createElement("span");
            label.textContent = image.alt;
            var size = document.createElement("small");
            size.textContent = image.width + " × " + image.height;
            b.append(img, label, size);
            b.addEventListener("click", function () { pick(image); });
            li.append(b);
            grid.append(li);
          });
          pickerStatus.textContent = page.total === 0
            ? "No described image matches. Upload or describe images in the media library."
            : page.total + (page.total === 1 ? " image" : " images");
          pages.previous = page.previous;
          pages.next = page.next;
          previous.disabled = !page.previous;
          next.disabled = !page.next;
          pageLabel.textContent = page.pageCount > 1 ? "Page " + page.page + " of " + page.pageCount : "";
        })
        .catch(function () { if (mine === sequence) pickerStatus.textContent = "The library could not be loaded. Try again."; });
    }

    function open(newMode) {
      mode = newMode;
      dialog.querySelector("h2").textContent = mode === "insert" ? "Insert an image into the text" : "Choose the feature image";
      dialog.showModal();
      search.focus();
      load(pickerURL + (search.value ? "?q=" + encodeURIComponent(search.value) : ""));
    }

    function pick(image) {
      dialog.close();
      if (mode === "feature") {
        imageInput.value = String(image.id);
        showCurrent(image.thumbnail, image.alt);
        form.dispatchEvent(new Event("change"));
        choose.focus();
      } else if (body) {
        var start = body.selectionStart, end = body.selectionEnd, text = body.value;
        var before = text.slice(0, start), after = text.slice(end);
        var insert = (before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? "\n" : "\n\n") : "") + image.markdown
          + (after && !/^\n\n/.test(after) ? (/^\n/.test(after) ? "\n" : "\n\n") : "");
        body.value = before + insert + after;
        body.selectionStart = body.selectionEnd = before.length + insert.length;
        body.focus();
        body.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }

    var searchTimer = null;
    search.addEventListener("input", function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () {
        load(pickerURL + (search.value ? "?q=" + encodeURIComponent(search.value) : ""));
      }, 300);
    });
    previous.addEventListener("click", function () { if (pages.previous) load(pages.previous); });
    next.addEventListener("click", function () { if (pages.next) load(pages.next); });
    choose.addEventListener("click", function () { open("feature"); });
    clear.addEventListener("click", function () {
      imageInput.value = "";
      showCurrent(null, "No image");
      form.dispatchEvent(new Event("change"));
    });
    var insertTools = form.querySelector("[data-insert-image]");
    if (insertTools) {
      insertTools.hidden = false;
      insertTools.querySelector("button").addEventListener("click", function () { open("insert"); });
    }
  }

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

// Moderation queue shortcuts: j / k move between comments, x selects the current one, and each
// action's key (shown under the queue) applies it to the selected comments, or to the current
// one when none is selected. Keys typed into fields are left alone.
(function () {
  "use strict";
  var bulk = document.getElementById("bulk");
  if (!bulk || !bulk.getAttribute("data-shortcuts")) return;
  var actions = {};
  bulk.getAttribute("data-shortcuts").split(",").forEach(function (pair) {
    var parts = pair.split(":");
    if (parts.length === 2) actions[parts[0]] = parts[1];
  });
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue__item"));
  var current = -1;
  function focus(index) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, i) { item.classList.toggle("queue__item--current", i === current); });
    items[current].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var key = event.key;
    if (key === "j") { focus(current + 1); event.preventDefault(); return; }
    if (key === "k") { focus(current - 1); event.preventDefault(); return; }
    var box = current >= 0 ? items[current].querySelector("input[type=checkbox]") : null;
    if (key === "x" && box) { box.checked = !box.checked; event.preventDefault(); return; }
    if (!actions[key]) return;
    var selected = document.querySelectorAll(".queue__item input[type=checkbox]:checked");
    if (!selected.length && box) box.checked = true;
    if (!document.querySelectorAll(".queue__item input[type=checkbox]:checked").length) return;
    bulk.elements.action.value = actions[key];
    event.preventDefault();
    bulk.submit();
  });
})();
