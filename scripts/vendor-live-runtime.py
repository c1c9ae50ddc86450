"""Put what the website's live calculators run into the site: Pyodide and the Python wheels.

Usage: vendor-live-runtime.py NODE_MODULES OUT_DIR

OUT_DIR/pyodide/ gets the five Pyodide files a page needs (no test consoles, no source maps);
OUT_DIR/wheels/ gets the project's own wheel, the pinned wheels of requirements-browser.txt
(checked against their hashes) and a pure-Python PyYAML wheel packed from its source archive,
all byte-compiled by Pyodide itself, as are the standard-library modules the calculators
import (compile-in-pyodide.mjs);
OUT_DIR/manifest.json lists the wheels and the download size that the page's button announces.
Everything comes from the npm registry and PyPI at build time; the reader's browser asks no
other host for anything.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REQUIREMENTS = REPO / "requirements-browser.txt"
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def pip(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args, "--quiet", "--disable-pip-version-check"], check=True)


def build_own_wheel(into: Path) -> Path:
    # Build from a copy so that setuptools leaves no build/ folder in the working tree.
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "source"
        source.mkdir()
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(REPO / name, source / name)
        shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        pip("wheel", "--no-deps", "--wheel-dir", str(into), str(source))
    [wheel] = into.glob("nmpa_rules-*.whl")
    return wheel


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def write_wheel(wheel: Path, dist_info: str, files: dict[str, bytes]) -> Path:
    """A wheel of ``files`` with a RECORD that matches them."""
    files = {name: data for name, data in files.items() if name != f"{dist_info}/RECORD"}
    record = [_record_line(name, data) for name, data in sorted(files.items())] + [f"{dist_info}/RECORD,,"]
    files[f"{dist_info}/RECORD"] = ("\n".join(record) + "\n").encode()
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return wheel


def rewrite_wheel(wheel: Path, keep: Callable[[str], bool], replace: dict[str, bytes] | None = None) -> Path:
    """``wheel`` with only the files ``keep`` accepts, some replaced, and a RECORD that matches."""
    with zipfile.ZipFile(wheel) as original:
        files = {name: original.read(name) for name in original.namelist() if keep(name)}
    files.update(replace or {})
    [info] = {name.split("/")[0] for name in files if name.split("/")[0].endswith(".dist-info")}
    return write_wheel(wheel, info, files)


def pure_python_pyyaml_wheel(sdist: Path, into: Path) -> Path:
    """PyYAML's lib/yaml as a py3-none-any wheel: it falls back to its Python loader when
    the C extension is absent, which is what nmpa_rules.yaml_io uses then."""
    version = sdist.name.removeprefix("pyyaml-").removesuffix(".tar.gz")
    with tarfile.open(sdist) as archive:
        members = [m for m in archive.getmembers() if m.isfile() and "/lib/yaml/" in m.name and m.name.endswith(".py")]
        files = {"yaml/" + m.name.split("/lib/yaml/", 1)[1]: archive.extractfile(m).read() for m in members}
    info = f"PyYAML-{version}.dist-info"
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: PyYAML\nVersion: {version}\n".encode()
    files[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: vendor-live-runtime\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    return write_wheel(into / f"PyYAML-{version}-py3-none-any.whl", info, files)


CHINA_ONLY_COUNTRIES = b"""# Trimmed by scripts/vendor-live-runtime.py for the book's website: China only.
from holidays.countries.china import China, CN, CHN
"""


def holidays_for_china_only(wheel: Path) -> Path:
    """The holidays wheel with China's calendar only.

    The rules count Chinese working days and nothing else. The full package imports all of
    its 250 countries at the first use of any, which takes seconds in the browser, where
    Python compiles every module from source, and the translations of other countries'
    holiday names are 45% of the download. The stock exchanges' calendars (holidays.financial)
    are loaded only when asked for by name, which the rules never do. The code of China's
    calendar is untouched.
    """
    return rewrite_wheel(
        wheel,
        keep=lambda name: not (name.startswith("holidays/locale/") and not name.endswith("/CN.mo"))
        and not (name.startswith("holidays/countries/") and name != "holidays/countries/china.py")
        and not name.startswith("holidays/financial/"),
        replace={"holidays/countries/__init__.py": CHINA_ONLY_COUNTRIES},
    )


def dateutil_without_zone_database(wheel: Path) -> Path:
    """python-dateutil without its bundled copy of the time-zone database (dateutil-zoneinfo.tar.gz,
    over half the wheel). holidays uses dateutil's parser, Easter and relative deltas; the
    tarball is read only as gettz's last resort for a zone name, which nothing here asks for."""
    return rewrite_wheel(wheel, keep=lambda name: not name.endswith("/dateutil-zoneinfo.tar.gz"))


TRIMMED = {"holidays-": holidays_for_china_only, "python_dateutil-": dateutil_without_zone_database}


def download_pinned(into: Path) -> list[Path]:
    pip(
        "download", "--no-deps", "--require-hashes", "--only-binary", "holidays,python-dateutil,six",
        "--no-binary", "PyYAML", "--no-build-isolation", "-r", str(REQUIREMENTS), "--dest", str(into),
    )
    downloaded = sorted(into.iterdir())
    wheels = [
        next((trim(path) for prefix, trim in TRIMMED.items() if path.name.startswith(prefix)), path)
        for path in downloaded
        if path.suffix == ".whl"
    ]
    [sdist] = [path for path in downloaded if path.name.startswith("pyyaml-")]
    return wheels + [pure_python_pyyaml_wheel(sdist, into)]


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def main(node_modules: Path, out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    (out / "pyodide").mkdir(parents=True)
    (out / "wheels").mkdir()
    for name in PYODIDE_FILES:
        shutil.copy2(node_modules / "pyodide" / name, out / "pyodide" / name)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        wheels = [build_own_wheel(work / "own"), *download_pinned(work / "pinned")]
        wheels = [Path(shutil.copy2(wheel, out / "wheels" / wheel.name)) for wheel in wheels]
    compile_script = REPO / "scripts" / "compile-in-pyodide.mjs"
    subprocess.run(["node", str(compile_script), str(node_modules), str(out)], check=True)
    vendored = [out / "pyodide" / name for name in PYODIDE_FILES] + wheels
    manifest = {
        "pyodide": json.loads((node_modules / "pyodide" / "package.json").read_text())["version"],
        # The content hash goes into each wheel's URL, so a rebuilt wheel is never served stale
        # from the browser's cache under an unchanged file name.
        "wheels": [f"{w.name}?sha256={hashlib.sha256(w.read_bytes()).hexdigest()[:16]}" for w in wheels],
        "bytes": sum(path.stat().st_size for path in vendored),
        "gzip_bytes": sum(gzip_size(path) for path in vendored),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
