// Gazette public site enhancements. Every page works without this file; it only adds:
// view counting, click-to-load embeds, the discussion in place (posting, votes, sorting,
// further pages, live comments), "Continue Reading" and the donation steps.
(function () {
  "use strict";

  var counted = new Set();

  // Count a view of an article once it is on screen. sendBeacon survives navigation and
  // needs no response; the server deduplicates per visitor and day.
  function countView(article) {
    var id = article.getAttribute("data-article-id");
    var beacon = article.getAttribute("data-beacon");
    if (!id || !beacon || counted.has(id) || !navigator.sendBeacon) return;
    counted.add(id);
    var data = new URLSearchParams();
    data.set("article", id);
    navigator.sendBeacon(beacon, data);
  }

  // Click-to-load embeds: nothing is requested from the provider before this click.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".embed__load");
    if (!link) return;
    var figure = link.closest("[data-embed-src]");
    if (!figure) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = figure.getAttribute("data-embed-src");
    frame.title = figure.getAttribute("data-embed-title") || "Embedded media";
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("allowfullscreen", "");
    frame.loading = "lazy";
    var facade = figure.querySelector(".embed__facade");
    if (facade) facade.replaceWith(frame); else figure.appendChild(frame);
    frame.focus();
  });

  // Reply in place: move the discussion's form under the comment and remember the parent.
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-reply], .comment-form__cancel");
    if (!target) return;
    var discussion = target.closest(".discussion");
    if (!discussion) return;
    var respond = discussion.querySelector(".respond");
    var form = respond && respond.querySelector(".comment-form");
    if (!form) return;
    event.preventDefault();
    var replying = form.querySelector(".comment-form__replying");
    if (target.classList.contains("comment-form__cancel")) {
      form.elements.parent.value = "";
      replying.hidden = true;
      discussion.appendChild(respond);
    } else {
      var comment = target.closest(".comment");
      form.elements.parent.value = target.closest("[data-comment]").getAttribute("data-comment");
      replying.querySelector("strong").textContent = comment.querySelector(".comment__author").textContent;
      replying.hidden = false;
      comment.after(respond);
    }
    form.elements.body.focus();
  });

  // The discussion: inline posting, votes, reports, sorting (remembered in this browser),
  // further pages, and comments from other readers announced live.
  var sortKey = "gazette.commentSort";
  var ownKey = "gazette.ownComments";

  function json(url, options) {
    options = options || {};
    options.headers = Object.assign({ "Accept": "application/json" }, options.headers || {});
    options.credentials = "same-origin";
    return fetch(url, options).then(function (response) {
      if (response.status === 204) return {};
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) { var error = new Error(body.detail || "Something went wrong."); error.body = body; throw error; }
        return body;
      });
    });
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  // The reader's own comments, for the edit window: the signed token and the text they wrote.
  function ownComments() {
    try {
      var own = JSON.parse(localStorage.getItem(ownKey) || "{}");
      var now = Date.now();
      Object.keys(own).forEach(function (key) { if (own[key].until < now) delete own[key]; });
      return own;
    } catch (e) { return {}; }
  }

  function remember(id, token, minutes, body) {
    try {
      var own = ownComments();
      own[id] = { token: token, until: Date.now() + minutes * 60000, body: body };
      localStorage.setItem(ownKey, JSON.stringify(own));
    } catch (e) { /* private mode: editing is simply not offered */ }
  }

  function forget(id) {
    try {
      var own = ownComments();
      delete own[id];
      localStorage.setItem(ownKey, JSON.stringify(own));
    } catch (e) {}
  }

  // A button that submits nothing, labelled `text`.
  function plainButton(text) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text;
    return button;
  }

  // Edit and Delete on the reader's own comments while the window is open.
  function decorateOwn(discussion) {
    var own = ownComments();
    Object.keys(own).forEach(function (id) {
      var comment = discussion.querySelector("#comment-" + id);
      if (!comment || comment.querySelector(".comment__own")) return;
      var tools = document.createElement("span");
      tools.className = "comment__own";
      var edit = plainButton("Edit");
      var remove = plainButton("Delete");
      tools.append(edit, remove);
      comment.querySelector(".comment__actions").appendChild(tools);
      edit.addEventListener("click", function () {
        var body = comment.querySelector(".comment__body");
        if (body.querySelector("textarea")) return;
        var kept = body.innerHTML;
        var area = document.createElement("textarea");
        area.rows = 5;
        area.value = ownComments()[id] ? ownComments()[id].body || "" : "";
        area.setAttribute("aria-label", "Your comment");
        var save = plainButton("Save");
        var cancel = plainButton("Cancel");
        body.replaceChildren(area, save, cancel);
        area.focus();
        cancel.addEventListener("click", function () { body.innerHTML = kept; });
        save.addEventListener("click", function () {
          var entry = ownComments()[id];
          if (!entry) { body.innerHTML = kept; return; }
          json(comment.querySelector(".vote").getAttribute("action").replace(/vote$/, "edit"), { method: "POST", headers: { "Content-Type": "application/json" },
                                body: JSON.stringify({ body: area.value, editToken: entry.token }) })
            .then(function (answer) {
              body.innerHTML = answer.html; // the server's allow-listed HTML
              remember(id, entry.token, (entry.until - Date.now()) / 60000, area.value);
            }).catch(function (error) { alert(error.message); });
        });
      });
      remove.addEventListener("click", function () {
        var entry = ownComments()[id];
        if (!entry || !confirm("Delete your comment?")) return;
        json(comment.querySelector(".vote").getAttribute("action").replace(/vote$/, "delete"), { method: "POST", headers: { "Content-Type": "application/json" },
                                body: JSON.stringify({ editToken: entry.token }) })
          .then(function () { forget(id); comment.closest(".comment-item").remove(); })
          .catch(function (error) { alert(error.message); });
      });
    });
  }

  function place(discussion, html, parent, first) {
    var nodes = fragment(html);
    var item = nodes.firstElementChild;
    if (!item || discussion.querySelector("#" + item.querySelector(".comment").id)) return null;
    var parentItem = parent && discussion.querySelector('[data-comment="' + parent + '"]');
    if (parentItem) {
      var list = parentItem.querySelector(":scope > .comment-replies");
      if (!list) { list = document.createElement("ol"); list.className = "comment-replies"; parentItem.appendChild(list); }
      list.appendChild(item);
    } else {
      var threads = discussion.querySelector("[data-threads]");
      if (first) threads.prepend(item); else threads.appendChild(item);
    }
    return item;
  }

  // Only the first discussion on a page listens live: browsers allow few connections per site.
  function setupDiscussion(discussion, withLive) {
    if (discussion.getAttribute("data-ready")) return;
    discussion.setAttribute("data-ready", "1");
    decorateOwn(discussion);
    var form = discussion.querySelector("[data-comment-form]");
    var status = form && form.querySelector(".comment-form__status");

    // The form token comes from a small request after load, never from the cached page.
    if (form) {
      // A signed-in reader comments under their account: their name and address are not asked.
      json(discussion.getAttribute("data-reader")).then(function (reader) {
        if (!reader.signedIn) return;
        form.elements.name.value = reader.name;
        form.elements.email.value = reader.email;
        form.querySelector(".comment-form__row").hidden = true;
        var account = discussion.querySelector("[data-account]");
        if (account) {
          account.textContent = "Signed in as " + reader.name + " · ";
          var link = document.createElement("a");
          link.href = reader.account;
          link.textContent = "Your account";
          account.appendChild(link);
        }
      }).catch(function () {});
      json(discussion.getAttribute("data-token")).then(function (body) { form.elements.token.value = body.token; }).catch(function () {});
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var data = {};
        ["name", "email", "body", "parent", "website", "token"].forEach(function (name) { data[name] = form.elements[name].value; });
        data.notify = !!(form.elements.notify && form.elements.notify.checked);
        var button = form.querySelector("button[type=submit]");
        button.disabled = true;
        form.querySelectorAll(".field__error").forEach(function (node) { node.remove(); });
        json(discussion.getAttribute("data-api"), {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data)
        }).then(function (created) {
          remember(created.id, created.editToken, created.editMinutes, data.body);
          form.elements.body.value = "";
          status.hidden = false;
          if (created.html) {
            var item = place(discussion, created.html, data.parent, discussion.getAttribute("data-sort") === "newest");
            status.textContent = "Your comment is published.";
            if (item) { item.classList.add("comment-item--new"); item.scrollIntoView({ block: "center" }); }
            decorateOwn(discussion);
          } else {
            status.textContent = "Thank you. Your comment is awaiting moderation. " + (created.reason || "");
          }
          var cancel = form.querySelector(".comment-form__cancel");
          if (data.parent && cancel) cancel.click();
        }).catch(function (error) {
          var errors = (error.body && error.body.errors) || { body: error.message };
          Object.keys(errors).forEach(function (name) {
            var field = form.elements[name === "parent" ? "body" : name] || form.elements.body;
            var message = document.createElement("span");
            message.className = "field__error";
            message.textContent = errors[name];
            field.before(message);
          });
          status.hidden = false;
          status.textContent = "Please check your comment: nothing you typed was lost.";
        }).finally(function () { button.disabled = false; });
      });
    }

    var subscribe = discussion.querySelector("[data-subscribe]");
    if (subscribe) subscribe.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = subscribe.querySelector("[role=status]");
      json(subscribe.action, {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email: subscribe.elements.email.value, kind: subscribe.elements.kind.value })
      }).then(function (body) { status.textContent = " " + body.message; })
        .catch(function (error) {
          var errors = (error.body && error.body.errors) || {};
          status.textContent = " " + (errors.email || errors.kind || error.message);
        });
    });

    discussion.addEventListener("submit", function (event) {
      var vote = event.target.closest(".vote");
      var flag = event.target.closest("form.comment__flag");
      if (!vote && !flag) return;
      event.preventDefault();
      var form = vote || flag;
      var payload = vote ? { value: Number((event.submitter || form.querySelector("button")).value) }
                         : { reason: form.elements.reason.value };
      if (vote && form.getAttribute("data-mine") === String(payload.value)) payload.value = 0;
      json(form.action, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(payload) })
        .then(function (body) {
          if (vote) {
            form.querySelector(".vote__score").textContent = body.score;
            form.setAttribute("data-mine", String(body.mine));
          } else {
            var thanks = document.createElement("p");
            thanks.className = "comment__flag";
            thanks.textContent = body.message;
            form.replaceWith(thanks);
          }
        }).catch(function (error) { alert(error.message); });
    });

    // Report: the form from the discussion's template, under the comment.
    discussion.addEventListener("click", function (event) {
      var link = event.target.closest(".comment__report");
      if (!link) return;
      event.preventDefault();
      var comment = link.closest(".comment");
      var open = comment.querySelector("form.comment__flag");
      if (open) { open.remove(); return; }
      var form = discussion.querySelector("[data-report-form]").content.firstElementChild.cloneNode(true);
      form.action = comment.querySelector(".vote").getAttribute("action").replace(/vote$/, "flag");
      comment.appendChild(form);
      form.querySelector("select").focus();
    });

    // Sorting and further pages from the API; the choice of sort is kept in this browser.
    function load(url, replace) {
      return json(url).then(function (body) {
        var threads = discussion.querySelector("[data-threads]");
        if (replace) threads.replaceChildren();
        threads.appendChild(fragment(body.html));
        decorateOwn(discussion);
        discussion.setAttribute("data-sort", body.sort);
        discussion.querySelectorAll(".discussion__sort a").forEach(function (link) {
          if (link.getAttribute("data-sort") === body.sort) link.setAttribute("aria-current", "true");
          else link.removeAttribute("aria-current");
        });
        var more = discussion.querySelector("[data-more]");
        if (more) {
          if (body.nextURL) more.setAttribute("data-api-next", body.nextURL);
          more.parentNode.hidden = !body.nextURL;
        }
      });
    }
    discussion.addEventListener("click", function (event) {
      var sort = event.target.closest(".discussion__sort a");
      var more = event.target.closest("[data-more]");
      if (sort) {
        event.preventDefault();
        try { localStorage.setItem(sortKey, sort.getAttribute("data-sort")); } catch (e) {}
        load(discussion.getAttribute("data-api") + "?sort=" + sort.getAttribute("data-sort"), true);
      } else if (more && more.getAttribute("data-api-next")) {
        event.preventDefault();
        load(more.getAttribute("data-api-next"), false);
      } else if (more) {
        event.preventDefault();
        var after = new URL(more.href, location.href).searchParams;
        load(discussion.getAttribute("data-api") + "?" + after.toString(), false);
      }
    });
    var preferred = null;
    try { preferred = localStorage.getItem(sortKey); } catch (e) {}
    if (preferred && preferred !== discussion.getAttribute("data-sort") && discussion.querySelector(".discussion__sort")) {
      load(discussion.getAttribute("data-api") + "?sort=" + encodeURIComponent(preferred), true);
    }

    // A permalink to a comment that is not on this page opens its thread.
    var hash = location.hash.match(/^#comment-(\d+)$/);
    if (hash && !document.getElementById("comment-" + hash[1]) && discussion.closest(".article")) {
      location.replace(discussion.getAttribute("data-api").replace(/^\/api\/v1\/articles\/([^/]+)\/comments$/, "/$1/comments") +
        "?thread=" + hash[1] + "#comment-" + hash[1]);
    }

    // Live: approved comments from other readers, announced and shown on request.
    if (!withLive || !window.EventSource) return;
    var waiting = [];
    var bar = discussion.querySelector(".discussion__live");
    var show = bar.querySelector("button");
    show.addEventListener("click", function () {
      waiting.forEach(function (event) {
        var item = place(discussion, event.html, event.parent, discussion.getAttribute("data-sort") === "newest");
        if (item) item.classList.add("comment-item--new");
      });
      waiting = [];
      bar.hidden = true;
    });
    var source = new EventSource(discussion.getAttribute("data-live"));
    source.addEventListener("comment", function (message) {
      var event = JSON.parse(message.data);
      if (document.getElementById("comment-" + event.id)) return;
      waiting.push(event);
      show.textContent = waiting.length + (waiting.length === 1 ? " new comment" : " new comments") + " — show";
      bar.hidden = false;
    });
  }

  document.querySelectorAll(".discussion[data-api]").forEach(function (discussion, index) { setupDiscussion(discussion, index === 0); });

  // Continue Reading: when the reader nears the end, fetch the next article and append it;
  // the address bar and title follow whichever article is being read.
  var maxChained = 5;
  var chained = 0;

  // The article being read is the last one whose top has passed the upper third of the window.
  var current = null;
  var scheduled = false;
  function followReading() {
    scheduled = false;
    var line = window.innerHeight * 0.3;
    var reading = null;
    // At the very end of the page the last article may be too short to reach that line.
    var atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    document.querySelectorAll(".article").forEach(function (article) {
      var top = article.getBoundingClientRect().top;
      if (top <= line || (atEnd && top < window.innerHeight * 0.7)) reading = article;
    });
    reading = reading || document.querySelector(".article");
    if (!reading || reading === current) return;
    current = reading;
    countView(reading);
    var href = reading.getAttribute("data-href");
    if (href && location.pathname !== href) {
      history.replaceState({ article: reading.id }, "", href);
      document.title = reading.getAttribute("data-title") || document.title;
    }
  }
  window.addEventListener("scroll", function () {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(followReading);
    }
  }, { passive: true });

  function loadNext(nav) {
    var href = nav.getAttribute("data-next-href");
    if (!href || nav.dataset.loading) return;
    nav.dataset.loading = "1";
    nav.classList.add("continue-reading--loading");
    fetch(href, { headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var article = doc.querySelector(".article");
        if (!article || document.getElementById(article.id)) { nav.remove(); return; }
        var next = doc.querySelector(".continue-reading");
        var divider = document.createElement("hr");
        divider.className = "article-divider";
        var imported = document.importNode(article, true);
        nav.replaceWith(divider);
        divider.after(imported);
        imported.querySelectorAll(".discussion[data-api]").forEach(function (discussion) { setupDiscussion(discussion, false); });
        chained += 1;
        if (next && chained < maxChained) {
          var importedNext = document.importNode(next, true);
          imported.after(importedNext);
          observeEnd(importedNext);
        }
      })
      .catch(function () {
        // Leave the plain link in place (it still works) and try again a little later.
        nav.classList.remove("continue-reading--loading");
        delete nav.dataset.loading;
        var attempts = Number(nav.dataset.attempts || 0) + 1;
        nav.dataset.attempts = String(attempts);
        if (attempts < 3) window.setTimeout(function () { observeEnd(nav); }, 2000 * attempts);
      });
  }

  var endWatcher = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      endWatcher.unobserve(entry.target);
      loadNext(entry.target);
    });
  }, { rootMargin: "0px 0px 600px 0px" }) : null;

  function observeEnd(nav) {
    if (endWatcher) endWatcher.observe(nav);
  }

  followReading();
  document.querySelectorAll(".continue-reading").forEach(observeEnd);

  // Donations: the form's slider, presets and fee shown live; the states of the PayPal step;
  // the card step with Stripe's card field (Stripe.js is loaded on that page only).
  function minorUnits(text, decimals) {
    var match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text || "");
    if (!match) return null;
    var fraction = (match[2] || "").padEnd(decimals, "0").slice(0, decimals);
    return parseInt(match[1], 10) * Math.pow(10, decimals) + (fraction ? parseInt(fraction, 10) : 0);
  }

  function formatted(minor, currency, decimals) {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || "en", { style: "currency", currency: currency })
        .format(minor / Math.pow(10, decimals));
    } catch (error) {
      return currency + " " + (minor / Math.pow(10, decimals)).toFixed(decimals);
    }
  }

  function setupDonateForm(form) {
    var slider = form.querySelector("#donate-slider");
    var typed = form.querySelector("#donate-amount");
    var currency = form.querySelector("#donate-currency-select");
    var fee = form.querySelector("#donate-fee");
    var status = form.querySelector("#donate-status");
    var presets = Array.prototype.slice.call(form.querySelectorAll("input[name=preset]"));
    // The server marks each currency with its decimals (JPY has none).
    function decimals() { return parseInt(currency.selectedOptions[0].getAttribute("data-decimals") || "2", 10); }
    function amount() {
      var checked = presets.filter(function (preset) { return preset.checked; })[0];
      var text = typed.value.trim() || (checked ? checked.value : slider.value);
      return minorUnits(text.replace(/,/g, ""), decimals());
    }
    function update() {
      var provider = form.querySelector("input[name=provider]:checked");
      var minor = amount();
      if (!provider || minor === null || !fee) return;
      var basisPoints = parseInt(provider.getAttribute("data-fee-bp"), 10);
      var fixed = parseInt(provider.getAttribute("data-fee-fixed"), 10);
      var total = Math.ceil((minor + fixed) * 10000 / (10000 - basisPoints));
      fee.textContent = formatted(total - minor, currency.value, decimals());
    }
    slider.addEventListener("input", function () {
      typed.value = slider.value;
      presets.forEach(function (preset) { preset.checked = preset.value === slider.value; });
      update();
    });
    presets.forEach(function (preset) {
      preset.addEventListener("change", function () { typed.value = ""; slider.value = preset.value; update(); });
    });
    typed.addEventListener("input", function () {
      presets.forEach(function (preset) { preset.checked = false; });
      update();
    });
    form.addEventListener("change", update);
    form.addEventListener("submit", function () {
      var provider = form.querySelector("input[name=provider]:checked");
      status.textContent = provider && provider.value === "paypal" ? "Waiting for PayPal…" : "Preparing the secure card step…";
      form.querySelector("button[type=submit]").disabled = true;
    });
    update();
  }

  function setupCardStep(form) {
    var status = form.querySelector("#donate-status");
    var problem = form.querySelector("#donate-card-error");
    var submit = form.querySelector("#donate-card-submit");
    if (typeof Stripe !== "function") {
      status.textContent = "The card field could not load. Check your connection and reload this page.";
      return;
    }
    var stripe = Stripe(form.getAttribute("data-key"));
    var elements = stripe.elements();
    var card = elements.create("card");
    card.mount("#card-element");
    submit.disabled = false;
    status.textContent = "";
    function fail(message) {
      problem.textContent = message || "The payment did not go through. Nothing was charged.";
      status.textContent = "";
      submit.disabled = false;
    }
    function finish(body) {
      return json(form.getAttribute("data-confirm"), {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
      }).then(function (answer) {
        if (answer.status === "requires_action" && answer.client_secret) {
          status.textContent = "Your bank asks you to confirm the payment…";
          return stripe.confirmCardPayment(answer.client_secret).then(function (result) {
            if (result.error) throw new Error(result.error.message);
            return answer.next;
          });
        }
        return answer.next;
      }).then(function (next) { window.location.assign(next || form.getAttribute("data-thanks")); });
    }
    // Apple Pay and Google Pay, where the device and the newsroom's Stripe account offer them.
    if (typeof stripe.paymentRequest === "function") {
      var request = stripe.paymentRequest({
        country: form.getAttribute("data-country") || "US", currency: form.getAttribute("data-currency"),
        total: { label: "Donation", amount: parseInt(form.getAttribute("data-amount"), 10) }
      });
      request.canMakePayment().then(function (result) {
        if (!result) return;
        elements.create("paymentRequestButton", { paymentRequest: request }).mount("#donate-wallet");
      });
      request.on("paymentmethod", function (event) {
        finish({ payment_method: event.paymentMethod.id })
          .then(function () { event.complete("success"); })
          .catch(function (error) { event.complete("fail"); fail(error.message); });
      });
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      problem.textContent = "";
      submit.disabled = true;
      status.textContent = "Confirming your card…";
      var details = { name: form.getAttribute("data-name") || undefined, email: form.getAttribute("data-email") || undefined };
      stripe.confirmCardSetup(form.getAttribute("data-secret"), { payment_method: { card: card, billing_details: details } })
        .then(function (result) {
          if (result.error) throw new Error(result.error.message);
          status.textContent = "Processing your gift…";
          return finish({ setup_intent: result.setupIntent.id });
        })
        .catch(function (error) { fail(error.message); });
    });
  }

  var donateForm = document.getElementById("donate-form");
  if (donateForm) setupDonateForm(donateForm);
  var cardStep = document.getElementById("donate-card");
  if (cardStep) setupCardStep(cardStep);
  // Back from PayPal: capturing starts at once; the button stays for browsers without scripts.
  var capture = document.getElementById("paypal-capture");
  if (capture) {
    capture.querySelector("#donate-status").textContent = "Validating payment information…";
    capture.querySelector("button").disabled = true;
    capture.submit();
  }
})();
