// Links of a calculator notebook in Voilà lead to the book's pages, never to a 403.
//
// The notebooks' Markdown links to pages of the book relative to the notebook's place in it
// ("../reference/bibliography.md", "index.md", "../reference/bibliography.html#cite-…"). Under
// Voilà those addresses mean nothing. When Voilà is started from the repository's folder
// (README), its files handler serves the built site (voila.json allows _build/html/ only), and
// each such link is pointed at that page of the built site. If the book has not been built,
// the link goes to the page on the book's public website, or, while the book has none, becomes
// plain text with one notice saying why. Links to other hosts (the sources) are left as they
// are, and nothing is loaded from another host.
(function () {
  "use strict";

  // html.baseurl of _config.yml (tests/browser/test_voila_links.py keeps the two equal); empty
  // while the book has no public address.
  const PUBLIC_SITE = "";
  const RENDER = "voila/render/";
  const at = window.location.pathname.indexOf(RENDER);
  if (at < 0) return;
  const server = window.location.pathname.slice(0, at); // the server's base URL, such as "/" or "/user/x/"
  const notebook = decodeURIComponent(window.location.pathname.slice(at + RENDER.length)); // book/calculators/….ipynb
  const builtSite = server + "voila/files/_build/html/";

  // "book/reference/bibliography.html#cite-x" for a link to a page of the book; null otherwise.
  function bookPage(href) {
    if (!href || href.startsWith("#") || href.startsWith("/") || /^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
    const resolved = new URL(href, "http://book.invalid/" + notebook);
    let page = decodeURIComponent(resolved.pathname.slice(1));
    if (page === "" || page.endsWith("/")) page += "index.html";
    if (!/\.(md|ipynb|html)$/.test(page)) return null;
    return page.replace(/\.(md|ipynb)$/, ".html") + resolved.hash;
  }

  let noticeShown = false;
  function showNotice() {
    if (noticeShown) return;
    noticeShown = true;
    const notice = document.createElement("p");
    notice.className = "nmpa-book-links-notice";
    notice.setAttribute("role", "note");
    notice.textContent =
      "The book's pages are not served here, so links to them are shown as plain text. " +
      "To follow them, build the book (make book) before starting Voilà from the book's folder.";
    notice.style.cssText = "margin:0.5em 1em;padding:0.4em 0.75em;border-left:4px solid #8a4b00;";
    const cells = document.getElementById("rendered_cells");
    (cells || document.body).prepend(notice);
  }

  function relink(anchor, base) {
    const page = bookPage(anchor.getAttribute("href"));
    if (page === null) return;
    if (base !== null) {
      anchor.setAttribute("href", base + page);
      anchor.removeAttribute("target");
      return;
    }
    const text = document.createElement("span");
    text.className = "nmpa-book-link-unserved";
    text.title = "A page of the book (" + page.replace(/#.*$/, "") + "), not served here";
    text.append(...anchor.childNodes);
    anchor.replaceWith(text);
    showNotice();
  }

  function relinkAll(root, base) {
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    if (root.matches("a[href]")) relink(root, base);
    root.querySelectorAll("a[href]").forEach((anchor) => relink(anchor, base));
  }

  // One same-host request tells whether this server serves the built site.
  fetch(builtSite + "index.html", { method: "HEAD", cache: "no-store" })
    .then((response) => (response.ok ? builtSite : null))
    .catch(() => null)
    .then((served) => {
      const base = served || PUBLIC_SITE || null;
      relinkAll(document.body, base);
      // Outputs drawn later (widgets) may hold links too.
      new MutationObserver((changes) => {
        for (const change of changes) change.addedNodes.forEach((node) => relinkAll(node, base));
      }).observe(document.body, { childList: true, subtree: true });
    });
})();
