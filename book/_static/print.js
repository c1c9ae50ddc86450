// Before a page is printed (by the reader or by the handout script): collapsed <details>, such
// as a worked scenario's inputs or a cell's source, are opened, since paper cannot expand them;
// and a table taller than half a sheet may break between rows (print.css), so that it does not
// leave the rest of a page blank. After printing the page is as it was.
(function () {
  "use strict";
  // About half the height of an A4 text block at 96 CSS pixels per inch.
  const HALF_SHEET_PX = 480;

  function prepareForPrint() {
    for (const details of document.querySelectorAll("details:not([open])")) {
      details.open = true;
      details.dataset.openedForPrint = "";
    }
    for (const table of document.querySelectorAll("table")) {
      table.classList.toggle("print-breakable", table.getBoundingClientRect().height > HALF_SHEET_PX);
    }
  }

  function restoreAfterPrint() {
    for (const details of document.querySelectorAll("details[data-opened-for-print]")) {
      details.open = false;
      delete details.dataset.openedForPrint;
    }
  }

  window.addEventListener("beforeprint", prepareForPrint);
  window.addEventListener("afterprint", restoreAfterPrint);
  window.prepareForPrint = prepareForPrint;
})();
