// Reads a JSON list of [tex, display] pairs on stdin; writes the JSON list of MathML strings.
// MathJax's TeX input is the same one the browser would run; only its output moves to the build.
const input = require("fs").readFileSync(0, "utf8");
require("mathjax")
  .init({ loader: { load: ["input/tex", "adaptors/liteDOM"] }, startup: { typeset: false } })
  .then((MathJax) => {
    const mathml = JSON.parse(input).map(([tex, display]) => MathJax.tex2mml(tex, { display }));
    process.stdout.write(JSON.stringify(mathml));
  })
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
