"""Links derived from the one repository URL in _config.yml.

The `{voila}` role renders a link that opens the current notebook on Binder in Voila app
mode (code hidden), for training rooms. Its target is built from the repository URL and
branch that Jupyter Book passes to the theme, so the URL is configured in one place.
"""

from __future__ import annotations

from urllib.parse import quote, urlparse

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ConfigError
from sphinx.util.docutils import SphinxRole


def binder_voila_url(repository_url: str, branch: str, notebook_path: str, binderhub_url: str) -> str:
    parsed = urlparse(repository_url)
    if parsed.netloc != "github.com" or parsed.path.count("/") != 2:
        raise ConfigError(
            f"repository.url: {repository_url!r} is not a GitHub repository URL "
            "(https://github.com/OWNER/NAME); Binder links cannot be built from it"
        )
    owner_and_name = parsed.path.strip("/")
    urlpath = quote(f"voila/render/{notebook_path}", safe="")
    return f"{binderhub_url.rstrip('/')}/v2/gh/{owner_and_name}/{branch}?urlpath={urlpath}"


class VoilaLinkRole(SphinxRole):
    """``{voila}`link text``` -> a Binder link that opens this page's notebook in Voila."""

    def run(self):
        theme = self.config.html_theme_options
        launch = theme.get("launch_buttons", {})
        source = self.env.doc2path(self.env.docname, base=False)
        url = binder_voila_url(
            repository_url=theme.get("repository_url", ""),
            branch=theme.get("repository_branch", "main"),
            notebook_path=str(source).replace("\\", "/"),
            binderhub_url=launch.get("binderhub_url", "https://mybinder.org"),
        )
        return [nodes.reference(self.rawtext, self.text, refuri=url)], []


def setup(app: Sphinx) -> dict:
    app.add_role("voila", VoilaLinkRole())
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
