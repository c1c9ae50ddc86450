// The widget manager finds its fonts relative to its RequireJS module URL, which by default
// resolves against the page; point that module at the copy this site serves.
require.config({
  paths: {
    "@jupyter-widgets/html-manager/dist": document.documentElement.dataset.content_root + "_static/vendor/html-manager",
  },
});
