// Byte-compile pure-Python wheels with the very Python that runs them in the browser.
//
// Usage: node scripts/compile-wheels-in-pyodide.mjs NODE_MODULES WHEEL_DIR
//
// In the browser Pyodide would otherwise compile every module from source at its first
// import, which is most of the time to a first result. Each .py in the wheels of WHEEL_DIR is
// replaced by its .pyc, compiled by Pyodide itself (run here under Node), so the bytecode
// always matches the browser's Python version.
import path from "node:path";
import { createRequire } from "node:module";

const [nodeModules, wheelDir] = process.argv.slice(2).map((p) => path.resolve(p));
const require = createRequire(path.join(nodeModules, "pyodide", "package.json"));
const { loadPyodide } = require(path.join(nodeModules, "pyodide", "pyodide.js"));

const pyodide = await loadPyodide({ indexURL: path.join(nodeModules, "pyodide") + "/", stdout: () => {} });
pyodide.FS.mkdir("/wheels");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: wheelDir }, "/wheels");
pyodide.runPython(`
import base64, hashlib, importlib.util, marshal, pathlib, zipfile

def pyc(source: bytes, name: str) -> bytes:
    code = compile(source, name, "exec", dont_inherit=True, optimize=0)
    # A sourceless .pyc: the header's date and size are never checked against a source file.
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

for wheel in sorted(pathlib.Path("/wheels").glob("*.whl")):
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
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in files.items():
            out.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
`);
