// The live calculators' Python, off the page's main thread (started by live-calculator.js).
//
// Starting Pyodide compiles and runs several megabytes of WebAssembly; in the page itself that
// froze it for seconds. Here it runs in a Web Worker, and the page asks nmpa_rules.browser_form
// for its answers by message: {id, call, args} in, {id, value} or {id, error} out, and
// {progress: {key, values}} while starting (the page says it in the reader's language, from the
// words the book's build put into each calculator's placeholder). Every file comes from this site.
"use strict";

let module = null;

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error("could not load " + url + " (HTTP " + response.status + ")");
  return response.arrayBuffer();
}

async function start(runtime) {
  const manifest = await (await fetch(new URL("manifest.json", runtime))).json();
  const indexURL = new URL("pyodide/", runtime).href;
  let loaded = 0;
  // The wheels download while Python starts.
  const wheels = manifest.wheels.map((name) =>
    fetchBytes(new URL("wheels/" + name, runtime)).then((bytes) => {
      loaded += 1;
      postMessage({ progress: { key: "loading_rules", values: { loaded, total: manifest.wheels.length } } });
      return bytes;
    })
  );
  postMessage({ progress: { key: "downloading" } });
  importScripts(indexURL + "pyodide.js");
  const pyodide = await self.loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  postMessage({ progress: { key: "started" } });
  for (const wheel of await Promise.all(wheels)) pyodide.unpackArchive(wheel, "wheel");
  return pyodide.pyimport("nmpa_rules.browser_form");
}

let starting = null;

self.onmessage = async (event) => {
  const { id, call, args, runtime } = event.data;
  try {
    if (call === "start") {
      starting = starting || start(runtime);
      module = await starting;
      postMessage({ id, value: null });
    } else if (call === "form_json" || call === "decide_json") {
      postMessage({ id, value: module[call](...args) });
    } else {
      throw new Error("unknown call " + call);
    }
  } catch (error) {
    if (call === "start") starting = null;
    postMessage({ id, error: String((error && error.message) || error) });
  }
};
