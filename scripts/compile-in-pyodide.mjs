// Byte-compile what the live calculators run, with the very Python that runs it in the browser.
//
// Usage: node scripts/compile-in-pyodide.mjs NODE_MODULES RUNTIME_DIR
//
// RUNTIME_DIR holds what vendor-live-runtime.py put into the site: pyodide/ (with Pyodide's
// python_stdlib.zip) and wheels/. Python compiles a module from source at its first import
// unless it finds bytecode, and Pyodide's standard library comes as source only: starting
// Pyodide imports some 180 modules, which took most of the time to a first result (about
// 1.5 s of a 3.8 s warm start). So, under Node:
//
// 1. each .py in the wheels is replaced by its .pyc;
// 2. a second, fresh Pyodide installs those wheels and answers every calculator (each rule,
//    each worked example, each language, and a form with every input wrong), and lists the
//    standard-library modules it imported on the way, Pyodide's own start included;
// 3. in python_stdlib.zip those modules are replaced by their .pyc (the rest stay source, as
//    compiling all of it would add 1.7 MB to the download), and the developer tools that
//    cannot serve a calculator in a browser tab are left out (DROPPED).
//
// The .pyc files are sourceless: the header's date and size are never checked against a source.
import path from "node:path";
import { createRequire } from "node:module";

const [nodeModules, runtimeDir] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(nodeModules, "pyodide", "package.json"));
const { loadPyodide } = require(path.join(nodeModules, "pyodide", "pyodide.js"));
const indexURL = path.join(nodeModules, "pyodide") + "/";

// Interactive and test tooling, process pools and servers: none can run in a browser tab.
const DROPPED = ["_pyrepl/", "doctest.py", "multiprocessing/", "pdb.py", "pydoc.py", "unittest/", "wsgiref/", "xmlrpc/"];

async function pyodideWithRuntime() {
  const pyodide = await loadPyodide({ indexURL, stdout: (line) => console.log(line) });
  pyodide.FS.mkdir("/runtime");
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: runtimeDir }, "/runtime");
  return pyodide;
}

const compiler = await pyodideWithRuntime();
compiler.runPython(`
import base64, hashlib, importlib.util, marshal, pathlib, zipfile

def pyc(source: bytes, name: str) -> bytes:
    code = compile(source, name, "exec", dont_inherit=True, optimize=0)
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)

def rewrite(archive, files):
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

for wheel in sorted(pathlib.Path("/runtime/wheels").glob("*.whl")):
    with zipfile.ZipFile(wheel) as original:
        files = {}
        for name in original.namelist():
            data = original.read(name)
            if name.endswith(".py"):
                files[name[:-3] + ".pyc"] = pyc(data, name)
            else:
                files[name] = data
    [record] = [name for name in files if name.endswith(".dist-info/RECORD")]
    lines = [record_line(name, data) for name, data in sorted(files.items()) if name != record]
    files[record] = ("\\n".join(lines + [record + ",,"]) + "\\n").encode()
    rewrite(wheel, files)
`);

const calculator = await pyodideWithRuntime();
const imported = JSON.parse(calculator.runPython(`
import json, pathlib, sys, zipfile

for wheel in sorted(pathlib.Path("/runtime/wheels").glob("*.whl")):
    zipfile.ZipFile(wheel).extractall("/calculator")
sys.path.insert(0, "/calculator")

import nmpa_rules.browser_form as form
from nmpa_rules.rules import RULE_MODULES
from nmpa_rules.translation import LANGUAGES

for rule in RULE_MODULES:
    for language in LANGUAGES:
        spec = json.loads(form.form_json(rule, language))
        for example in spec["examples"]:
            form.decide_json(rule, json.dumps(example["values"]), language)
        form.decide_json(rule, json.dumps({field["name"]: "?" for field in spec["fields"]}), language)

[stdlib] = [entry for entry in sys.path if entry.endswith(".zip")]
origins = (getattr(module.__spec__, "origin", None) or "" for module in list(sys.modules.values()) if getattr(module, "__spec__", None))
json.dumps(sorted(origin[len(stdlib) + 1:] for origin in origins if origin.startswith(stdlib + "/")))
`));

compiler.globals.set("imported", compiler.toPy(imported));
compiler.globals.set("dropped", compiler.toPy(DROPPED));
const summary = compiler.runPython(`
archive = "/runtime/pyodide/python_stdlib.zip"
imported, dropped = set(imported), tuple(dropped)
needed = sorted(name for name in imported if name.startswith(dropped))
if needed:
    raise SystemExit(f"the calculators import {needed}: take them out of DROPPED")
with zipfile.ZipFile(archive) as original:
    files = {}
    for name in original.namelist():
        if name.startswith(dropped):
            continue
        data = original.read(name)
        if name in imported and name.endswith(".py"):
            files[name[:-3] + ".pyc"] = pyc(data, name)
        else:
            files[name] = data
rewrite(archive, files)
f"standard library: {len(imported)} modules the calculators import byte-compiled, {len(dropped)} tools left out"
`);
console.log(summary);
