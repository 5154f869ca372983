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
