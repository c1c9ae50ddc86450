// A diagram wider than the column scrolls sideways in its box (custom.css). Say so where it
// happens: a box whose content is cut gets a visible cue above it, kept up to date as the
// window is resized. Boxes that fit get none.
(function () {
  "use strict";
  const CUE = "Wider than the screen: scroll sideways to see all of it ⇆";

  function mark(box) {
    const cut = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("nmpa-scrolls", cut);
    let cue = box.previousElementSibling;
    if (!(cue && cue.classList.contains("nmpa-scroll-cue"))) {
      if (!cut) return;
      cue = document.createElement("p");
      cue.className = "nmpa-scroll-cue";
      cue.textContent = CUE;
      box.before(cue);
    }
    cue.hidden = !cut;
  }

  function markAll() {
    document.querySelectorAll("div.graphviz").forEach(mark);
  }

  window.addEventListener("load", markAll);
  let pending = null;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(markAll);
  });
})();
