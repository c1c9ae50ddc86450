"""Pack the offline bundle for a classroom without internet, in _build/dist/.

- beyond-the-batch-site.zip: the full edition (for trainers), a folder of static files, with
  the Chinese edition in its zh_CN/ folder (scripts/build_zh.py copies it there);
- beyond-the-batch-student.zip: the student edition (no solutions);
- beyond-the-batch-handouts.zip: the PDF handouts and answer keys;
- beyond-the-batch-slides.zip: the slides of the five course modules, with speaker notes;
each with a .sha256 beside it (check with `sha256sum -c <file>.sha256`), and a README.txt
that says how to serve a site with nothing but Python. Each zip holds one folder named like
the zip, so it unpacks cleanly. Entries are sorted and dated 1980-01-01, so the same inputs
give byte-identical zips. Run after `make handouts` and `make slides` (`make dist` does all three).
"""

from __future__ import annotations

import hashlib
import sys
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DIST = REPO / "_build" / "dist"
BUNDLES = {
    "beyond-the-batch-site": REPO / "_build" / "html",
    "beyond-the-batch-student": REPO / "_build" / "student" / "html",
    "beyond-the-batch-handouts": REPO / "_build" / "handouts",
    "beyond-the-batch-slides": REPO / "_build" / "slides",
}
FIXED_DATE = (1980, 1, 1, 0, 0, 0)

README = """\
Beyond the Batch: offline copy for a classroom
==============================================

beyond-the-batch-site.zip      the full edition, with solutions (for trainers); the
                               Chinese edition (中文版) is in its zh_CN/ folder, and every
                               page links to the same page in the other language
beyond-the-batch-student.zip   the student edition, without solutions (for learners)
beyond-the-batch-handouts.zip  PDF handouts per chapter and for the whole book (student
                               edition), and an answer key per chapter
beyond-the-batch-slides.zip    slides for the five course modules, with speaker notes (for
                               trainers): serve the folder as below and open index.html

Check a download:   sha256sum -c beyond-the-batch-student.zip.sha256

Serve an edition (needs only Python 3, no internet, nothing to install):

    unzip beyond-the-batch-student.zip
    python3 -m http.server 8000 --directory beyond-the-batch-student

then open http://localhost:8000/ in a browser. On Windows, use `py -m http.server ...`.
To let learners on the same network open it, add `--bind 0.0.0.0` and give them
http://<this computer's address>:8000/ (the firewall may need to allow port 8000).

Every page, script and font is served from these files; nothing is loaded from the internet.
"""


def pack(folder: Path, archive: Path) -> int:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".") and ".doctrees" not in p.parts)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            entry = zipfile.ZipInfo(f"{archive.stem}/{path.relative_to(folder).as_posix()}", FIXED_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, path.read_bytes(), compresslevel=9)
    return len(files)


def write_checksum(path: Path) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    path.with_name(path.name + ".sha256").write_text(f"{digest}  {path.name}\n", encoding="utf-8")


def main() -> int:
    missing = [str(folder.relative_to(REPO)) for folder in BUNDLES.values() if not folder.is_dir()]
    if not (BUNDLES["beyond-the-batch-site"] / "zh_CN" / "index.html").exists():
        missing.append("_build/html/zh_CN (the Chinese edition)")
    if missing:
        print(f"Missing {', '.join(missing)}: run 'make handouts' and 'make slides' first.", file=sys.stderr)
        return 1
    started = time.perf_counter()
    DIST.mkdir(parents=True, exist_ok=True)
    for name, folder in BUNDLES.items():
        archive = DIST / f"{name}.zip"
        count = pack(folder, archive)
        write_checksum(archive)
        print(f"{archive.relative_to(REPO)}: {count} files, {archive.stat().st_size / 1e6:.1f} MB")
    readme = DIST / "README.txt"
    readme.write_text(README, encoding="utf-8")
    write_checksum(readme)
    print(f"Offline bundle in {DIST.relative_to(REPO)}; {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
