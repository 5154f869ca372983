// advocacy: our only script. First-party, no dependencies, nothing loaded before a click.
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
    if (status) status.textContent = document.documentElement.lang === "da" ? "Kopieret." : "Copied.";
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
