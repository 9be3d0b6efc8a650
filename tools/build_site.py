"""Write the self-contained static site: everything a static host needs, nothing else.

The folder (default _site/, written fresh each time) holds the page, pyscript.toml, worker.toml and exercise.toml,
the service worker sw.js, the scripts of py/, the page's modules compiled afresh from their sources into static/mpy/
(their sources are not shipped), the workers' bundles made afresh into static/bundles/ (tools/bundles.py), static/
with the verified runtime and the compiled catalogs (static/i18n/, whose languages the page's head names as hreflang
alternates), and .nojekyll (GitHub Pages then serves the files as they are). No tests, tools,
node_modules or dot-folders. Runs the runtime setup first, so the runtime in it is the one setup_runtime.py checked.
Standard library only. Serve the result anywhere, or try it with `python3 tools/serve.py --dir _site`.
"""

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import file_lists
import setup_runtime

ROOT = setup_runtime.ROOT
OUT = ROOT / "_site"
TOP_FILES = ("index.html", "pyscript.toml", "worker.toml", "exercise.toml", "sw.js")
STATIC_FOLDERS = ("css", "i18n", "img", "js", "vendor")


def python_sources(root=ROOT):
    """The .py files the site serves beside the bundles: the scripts in py/ that PyScript runs."""
    return list((root / "py").glob("*.py"))


def site_files(root=ROOT):
    """{path in the site: source path} of everything the site serves but the compiled page modules."""
    files = {name: root / name for name in TOP_FILES}
    sources = [
        *python_sources(root),
        *(path for folder in STATIC_FOLDERS for path in (root / "static" / folder).rglob("*")),
    ]
    for path in sorted(sources):
        relative = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") or part == "__pycache__" for part in relative.parts):
            files[relative.as_posix()] = path
    return files


def with_alternates(page, languages):
    """index.html with a link rel=alternate hreflang per language of static/i18n/languages.json (each the page with
    its lang=, relative: the site does not know its own address) and x-default for the page that follows the
    browser."""
    links = ['<link rel="alternate" hreflang="{0}" href="./?lang={0}">'.format(code) for code in languages]
    links.append('<link rel="alternate" hreflang="x-default" href="./">')
    return page.replace("</title>\n", "</title>\n  " + "\n  ".join(links) + "\n", 1)


def build(out=OUT, root=ROOT, assemble=True):
    """Write the site into out (replaced whole). Returns (file count, total bytes)."""
    if assemble:
        setup_runtime.assemble(root=root, vendor=root / "static" / "vendor", cache=root / ".cache" / "runtime")
    out = Path(out).resolve()
    if out.exists() and any(out.iterdir()) and not (out / ".nojekyll").exists():
        # Only an empty folder or an earlier build is replaced, never (by a slip of --out) anything else.
        raise setup_runtime.SetupError(f"{out} exists and is not a site this command wrote; choose another --out")
    files = site_files(root)
    missing = [name for name, source in files.items() if not source.is_file()]
    if missing:
        raise setup_runtime.SetupError(f"the site needs {', '.join(missing)}, which the repository lacks")
    # Written beside the old folder and swapped in, so a failed build leaves no half-written site.
    staging = out.with_name(out.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    for name, source in files.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    languages = json.loads((root / "static" / "i18n" / "languages.json").read_text(encoding="utf-8"))
    page = staging / "index.html"
    page.write_text(with_alternates(page.read_text(encoding="utf-8"), languages), encoding="utf-8")
    setup_runtime.compile_page(root=root, out=staging / file_lists.COMPILED_DIR)
    setup_runtime.make_bundles(root=root, out=staging / file_lists.BUNDLES_DIR)
    (staging / ".nojekyll").write_bytes(b"")
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    written = [path for path in out.rglob("*") if path.is_file()]
    return len(written), sum(path.stat().st_size for path in written)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="the folder to write (default _site/)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        count, size = build(args.out)
    except setup_runtime.SetupError as err:
        print(f"site build failed: {err}", file=sys.stderr)
        return 1
    shown = args.out.resolve()
    shown = shown.relative_to(ROOT) if ROOT in shown.parents else shown
    print(
        f"site written to {shown}/: {count} files, {size:,} bytes ({size / 1e6:.1f} MB) "
        f"in {time.perf_counter() - started:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
