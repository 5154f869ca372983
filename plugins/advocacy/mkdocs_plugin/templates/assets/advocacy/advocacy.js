// advocacy: our only script. First-party, no dependencies, nothing loaded before a click.

// Material's script asks every <link rel="alternate"> for a sitemap.xml beside it, once the
// page is parsed (for its own language selector, which this site does not use): 3 to 5
// requests per page view, to addresses that do not exist (blog/sitemap.xml next to a feed)
// or to the public host (next to a translation's absolute hreflang address). The links stay
// in the page for feed readers and search engines, which read the HTML; for the moment
// Material looks for them, they are taken out and then put back. This script runs before
// the page is parsed to the end, so it is first to hear of it (a capturing listener on the
// window); Material listens on the document, after which ours puts them back.
(function () {
  var parked = [];
  window.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll('link[rel="alternate"]').forEach(function (link) {
      parked.push([link, link.parentNode, link.nextSibling]);
      link.parentNode.removeChild(link);
    });
  }, { capture: true, once: true });
  document.addEventListener("DOMContentLoaded", function () {
    parked.forEach(function (entry) {
      entry[1].insertBefore(entry[0], entry[2] && entry[2].parentNode === entry[1] ? entry[2] : null);
    });
    parked = [];
  }, { once: true });
})();

// The skip link leads to the start of the content (Material's leads to the first heading
// of the text, which on a story comes after its title, byline and picture).
(function () {
  var skip = document.querySelector("a.md-skip");
  if (skip && document.getElementById("adv-main")) skip.setAttribute("href", "#adv-main");
})();

// "Search the site" on the page that is not there: opens Material's search. Without
// JavaScript the button stays hidden (the header's search needs JavaScript too).
document.querySelectorAll(".adv-search-open").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    var toggle = document.querySelector('label[for="__search"]');
    if (toggle) toggle.click();
    var input = document.querySelector(".md-search__input");
    if (input) setTimeout(function () { input.focus(); }, 50);
  });
});

// A YouTube or Vimeo video becomes a player only when the reader asks for it.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".adv-embed__play");
  if (!button) return;
  var box = button.closest(".adv-embed");
  var frame = document.createElement("iframe");
  frame.src = box.getAttribute("data-adv-embed");
  frame.title = box.getAttribute("data-adv-title");
  frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
  frame.allowFullscreen = true;
  frame.className = "adv-embed__frame";
  box.replaceChild(frame, button);
  frame.focus();
});

// Copy buttons: the link, or the share kit's text. Without JavaScript the text stays
// selectable on the page, so nothing depends on this.
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest(".adv-copy");
  if (!button) return;
  var from = button.getAttribute("data-adv-copy-from");
  var text = from ? document.getElementById(from).innerText : button.getAttribute("data-adv-copy");
  var status = document.querySelector(".adv-share__status");
  var done = function () {
    if (status) status.textContent = status.getAttribute("data-adv-copied") || "";
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done);
  } else {
    var area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    document.body.removeChild(area);
    done();
  }
});
