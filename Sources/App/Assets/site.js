// Gazette public site enhancements. Every page works without this file; it only adds:
// view counting, click-to-load embeds, inline reply forms and "Continue Reading".
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

  // Reply in place: move the article's form under the comment and remember the parent.
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-reply-to], .comment-form__cancel");
    if (!target) return;
    var article = target.closest(".article");
    if (!article) return;
    var respond = article.querySelector(".respond");
    var form = respond && respond.querySelector(".comment-form");
    if (!form) return;
    event.preventDefault();
    var replying = form.querySelector(".comment-form__replying");
    if (target.classList.contains("comment-form__cancel")) {
      form.elements.parent.value = "";
      replying.hidden = true;
      var discussion = article.querySelector(".discussion");
      discussion.appendChild(respond);
    } else {
      form.elements.parent.value = target.getAttribute("data-reply-to");
      replying.querySelector("strong").textContent = target.getAttribute("data-reply-name");
      replying.hidden = false;
      target.closest(".comment").after(respond);
    }
    form.elements.body.focus();
  });

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
})();
