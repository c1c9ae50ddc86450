// Slide decks of the course modules (scripts/build_slides.py). One slide at a time on a
// 1280 x 720 stage scaled to the window; keys, buttons, swipes; the slide number in the URL
// hash; N shows the notes, S opens a presenter view that follows this window
// (BroadcastChannel, same origin only). Content taller than the stage is scaled down to fit.
(() => {
  "use strict";
  const STAGE = { width: 1280, height: 720 };
  const slides = Array.from(document.querySelectorAll(".slide"));
  const body = document.body;
  const presenter = new URLSearchParams(location.search).has("presenter");
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(`deck:${location.pathname}`) : null;
  const position = document.querySelector(".deck-position");
  const panel = document.createElement("aside");
  panel.className = "notes-panel";
  panel.setAttribute("aria-label", "Speaker notes");
  body.append(panel);
  let next = null;
  let clock = null;
  if (presenter) {
    body.classList.add("presenter");
    next = document.createElement("p");
    next.className = "presenter-next";
    clock = document.createElement("p");
    clock.className = "presenter-clock";
    body.append(next, clock);
    const started = Date.now();
    const tick = () => {
      const seconds = Math.floor((Date.now() - started) / 1000);
      clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
    };
    tick();
    setInterval(tick, 1000);
  }
  let current = 0;

  function scale() {
    const factor = presenter
      ? Math.min((innerWidth * 0.55) / STAGE.width, (innerHeight * 0.7) / STAGE.height)
      : Math.min(innerWidth / STAGE.width, innerHeight / STAGE.height);
    document.documentElement.style.setProperty("--scale", factor.toFixed(4));
  }

  // Shrinks the slide's body, never its title, to the largest size at which the slide fits
  // the stage (a narrower table wraps less, so the size is searched, not computed).
  function fit(slide) {
    const content = slide.querySelector(".slide-content");
    const body = slide.querySelector(".slide-body");
    const fits = () => content.scrollHeight <= content.clientHeight;
    body.style.zoom = "";
    if (fits()) return;
    let low = 0.4;
    let high = 1;
    for (let step = 0; step < 7; step += 1) {
      const middle = (low + high) / 2;
      body.style.zoom = middle.toFixed(3);
      if (fits()) low = middle;
      else high = middle;
    }
    body.style.zoom = low.toFixed(3);
  }

  function show(index, broadcast = true) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach((slide, i) => {
      slide.classList.toggle("current", i === current);
      slide.setAttribute("aria-hidden", i === current ? "false" : "true");
    });
    fit(slides[current]);
    panel.innerHTML = slides[current].querySelector(".notes").innerHTML;
    if (position) position.textContent = `${current + 1} / ${slides.length}`;
    if (next) {
      const following = slides[current + 1];
      next.textContent = following ? `Next: ${following.querySelector("h2").textContent}` : "Last slide";
    }
    if (location.hash !== `#${current + 1}`) history.replaceState(null, "", `#${current + 1}`);
    if (broadcast && channel) channel.postMessage({ slide: current });
  }

  const actions = {
    next: () => show(current + 1),
    previous: () => show(current - 1),
    notes: () => body.classList.toggle("show-notes"),
    presenter: () => open(`${location.pathname}?presenter#${current + 1}`, "presenter", "width=1200,height=800"),
    fullscreen: () => (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()),
  };
  const keys = {
    ArrowRight: "next", ArrowDown: "next", PageDown: "next", " ": "next",
    ArrowLeft: "previous", ArrowUp: "previous", PageUp: "previous",
    n: "notes", N: "notes", s: "presenter", S: "presenter", f: "fullscreen", F: "fullscreen",
  };

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Home") return show(0);
    if (event.key === "End") return show(slides.length - 1);
    const action = keys[event.key];
    if (action && !(event.target instanceof HTMLButtonElement && event.key === " ")) {
      event.preventDefault();
      actions[action]();
    }
  });
  document.querySelectorAll(".deck-controls [data-action]").forEach((button) => {
    button.addEventListener("click", () => actions[button.dataset.action]());
  });
  let touchStart = null;
  document.addEventListener("touchstart", (event) => { touchStart = event.changedTouches[0].clientX; }, { passive: true });
  document.addEventListener("touchend", (event) => {
    const moved = event.changedTouches[0].clientX - touchStart;
    if (Math.abs(moved) > 50) show(current + (moved < 0 ? 1 : -1));
  });
  if (channel) channel.onmessage = (event) => show(event.data.slide, false);
  addEventListener("resize", () => { scale(); fit(slides[current]); });
  addEventListener("beforeprint", () => slides.forEach(fit));
  scale();
  show((parseInt(location.hash.slice(1), 10) || 1) - 1, false);
})();
