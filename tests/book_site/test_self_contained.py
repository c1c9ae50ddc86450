"""No page of the built site loads anything from another host."""

import pytest

from .external_assets import external_assets_in_html, external_assets_in_site


def test_built_site_loads_nothing_from_other_hosts(built_site):
    found = external_assets_in_site(built_site)
    listing = "\n".join(f"{a.where}: <{a.tag}> {a.url}" for a in found[:40])
    assert not found, f"{len(found)} external asset reference(s):\n{listing}"


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"></script>',
        '<script src="//cdnjs.cloudflare.com/ajax/libs/require.js/2.3.4/require.min.js"></script>',
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Lato">',
        '<link rel="preload" as="font" href="https://example.org/f.woff2">',
        '<img src="https://example.org/figure.png" alt="">',
        '<img srcset="a.png 1x, https://example.org/b.png 2x" alt="">',
        '<iframe src="https://www.youtube.com/embed/x"></iframe>',
        '<style>@font-face { src: url("https://fonts.gstatic.com/x.woff2"); }</style>',
        "<style>@import 'https://example.org/theme.css';</style>",
        '<div style="background: url(https://example.org/bg.png)"></div>',
        '<script data-jupyter-widgets-cdn="https://cdn.jsdelivr.net/npm/" src="x.js"></script>',
    ],
)
def test_checker_flags_each_kind_of_external_asset(html):
    assert len(external_assets_in_html(html)) == 1


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://www.nmpa.gov.cn/">the NMPA site</a>',
        '<script src="_static/vendor/mathjax/tex-mml-chtml.js"></script>',
        '<link rel="stylesheet" href="../_static/styles/theme.css">',
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
        '<link rel="canonical" href="https://example.org/page.html">',
        '<style>.x { background: url("../images/local.svg"); }</style>',
    ],
)
def test_checker_accepts_local_assets_and_plain_links(html):
    assert external_assets_in_html(html) == []


def test_checker_finds_a_cdn_script_in_a_built_page(built_site, tmp_path):
    """Reintroduce a CDN reference into a copy of a real page: the site check must fail."""
    page = (built_site / "book" / "intro.html").read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    tampered = tmp_path / "tampered"
    clean.mkdir()
    tampered.mkdir()
    (clean / "intro.html").write_text(page, encoding="utf-8")
    cdn_script = '<script src="https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-mml-chtml.js"></script>'
    (tampered / "intro.html").write_text(page.replace("</head>", cdn_script + "</head>"), encoding="utf-8")

    assert external_assets_in_site(clean) == []
    [found] = external_assets_in_site(tampered)
    assert found.url.startswith("https://cdn.jsdelivr.net/")
