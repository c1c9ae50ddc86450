// The calculators of the book's website, live in the reader's browser.
//
// Pyodide (Python compiled to WebAssembly) runs the project's own nmpa_rules wheel in the page.
// This script decides nothing: it draws the controls that nmpa_rules.browser_form describes,
// sends what the reader typed to it and shows the HTML it returns. Every file comes from this
// site (_static/vendor/live/, put there by `make vendor`), and only after the reader asks.
(function () {
  "use strict";

  const RUNTIME = new URL("../vendor/live/", document.currentScript.src);
  const WORKER = new URL("live-calculator-worker.js", document.currentScript.src);
  // Set once the runtime has loaded: on a later visit the files are in the browser's cache,
  // so the calculator starts without asking again.
  const REMEMBERED = "nmpa-live-calculator";
  let startingRuntime = null; // the promise of nmpa_rules.browser_form in the worker, shared by every calculator of the page

  function remembered() {
    try {
      return window.localStorage.getItem(REMEMBERED) === "1";
    } catch (error) {
      return false; // storage blocked: ask every time
    }
  }

  function remember() {
    try {
      window.localStorage.setItem(REMEMBERED, "1");
    } catch (error) {
      // storage blocked: nothing to remember with
    }
  }

  // Python runs in a Web Worker (live-calculator-worker.js), so the page stays responsive while
  // it starts; its progress is shown in the status line of every calculator that is starting.
  const starting = new Set();

  function showProgress(text) {
    for (const status of starting) status.textContent = text;
  }

  function startRuntime() {
    const worker = new Worker(WORKER);
    const pending = new Map();
    let last = 0;
    worker.onmessage = (event) => {
      const { id, value, error, progress } = event.data;
      if (progress) return showProgress(progress);
      const call = pending.get(id);
      pending.delete(id);
      if (error) call.reject(new Error(error));
      else call.resolve(value);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const call of pending.values()) call.reject(new Error(event.message || "Python stopped"));
      pending.clear();
    };
    const ask = (call, ...args) =>
      new Promise((resolve, reject) => {
        last += 1;
        pending.set(last, { resolve, reject });
        worker.postMessage({ id: last, call, args, runtime: RUNTIME.href });
      });
    return ask("start").then(() => ({
      form_json: (rule) => ask("form_json", rule),
      decide_json: (rule, values) => ask("decide_json", rule, values),
    }));
  }

  function element(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children);
    return node;
  }

  // One control per input kind. Dates are text in ISO form whatever the browser's locale;
  // numbers are text too, so that whatever the reader typed stays there and nmpa_rules says
  // what is wrong with it.
  function makeField(field, id) {
    const problem = element("div", { class: "nmpa-live-problem", id: id + "-problem" });
    const help = element("div", { class: "nmpa-live-help", id: id + "-help" }, field.help);
    // Filled when earlier answers make the question one the rule does not ask (its value is kept).
    const unasked = element("small", { class: "nmpa-live-na", id: id + "-na" });
    const describedBy = id + "-na " + id + "-problem " + id + "-help";
    const box = element("div", { class: "nmpa-live-field", "data-field": field.name });
    let controls;
    let read;
    let fill;

    if (field.kind === "bool") {
      const options = [
        [true, "Yes"],
        [false, "No"],
      ].map(([value, text]) => ({ text, radio: element("input", { type: "radio", name: id, value: String(value), id: id + "-" + value }) }));
      const group = element(
        "fieldset",
        { class: "nmpa-live-choices", "aria-describedby": describedBy },
        element("legend", {}, field.label),
        ...options.map(({ radio, text }) => element("label", { for: radio.id }, radio, " " + text))
      );
      box.append(group);
      controls = options.map(({ radio }) => radio);
      read = () => {
        const chosen = controls.find((radio) => radio.checked);
        return chosen ? chosen.value === "true" : null;
      };
      fill = (value) => controls.forEach((radio) => (radio.checked = value !== null && radio.value === String(value)));
    } else if (field.kind === "choice") {
      const select = element(
        "select",
        { id, "aria-describedby": describedBy },
        ...field.choices.map(([value, text]) => element("option", { value }, text))
      );
      box.append(element("label", { for: id }, field.label), select);
      controls = [select];
      read = () => select.value;
      fill = (value) => (select.value = value === null ? "" : value);
    } else {
      const isDate = field.kind === "date" || field.kind === "optional_date";
      const input = element("input", {
        type: "text",
        id,
        "aria-describedby": describedBy,
        autocomplete: "off",
        spellcheck: "false",
        inputmode: isDate ? "numeric" : "decimal",
        placeholder: isDate ? "YYYY-MM-DD" : null,
        pattern: isDate ? "\\d{4}-\\d{2}-\\d{2}" : null,
        size: isDate ? 11 : 8,
      });
      box.append(element("label", { for: id }, field.label + (isDate ? " (YYYY-MM-DD)" : "")));
      const row = element("div", { class: "nmpa-live-row" }, input);
      box.append(row);
      controls = [input];
      read = () => input.value;
      fill = (value) => (input.value = value === null ? "" : value);
      if (field.kind === "optional_date") {
        const noneYet = element("input", { type: "checkbox", id: id + "-none" });
        row.append(element("label", { for: noneYet.id, class: "nmpa-live-none" }, noneYet, " None yet"));
        noneYet.addEventListener("change", () => (input.disabled = noneYet.checked));
        controls.push(noneYet);
        read = () => (noneYet.checked ? null : input.value);
        fill = (value) => {
          noneYet.checked = value === null;
          input.disabled = noneYet.checked;
          // "None yet" keeps whatever date was typed, for when the box is unticked again.
          if (value !== null) input.value = value;
        };
      }
    }
    box.append(unasked, problem, help);
    return {
      box,
      controls,
      read,
      fill,
      showProblem(html) {
        problem.innerHTML = html || "";
        for (const control of controls) {
          if (html) control.setAttribute("aria-invalid", "true");
          else control.removeAttribute("aria-invalid");
        }
        box.classList.toggle("nmpa-live-invalid", Boolean(html));
      },
      showNotApplicable(note) {
        unasked.textContent = note || "";
        for (const control of controls) {
          if (note) control.setAttribute("aria-disabled", "true");
          else control.removeAttribute("aria-disabled");
        }
        box.classList.toggle("nmpa-live-not-applicable", Boolean(note));
      },
    };
  }

  async function buildForm(container, module) {
    const rule = container.dataset.rule;
    const spec = JSON.parse(await module.form_json(rule));
    const base = "nmpa-live-" + rule.replace(/\W+/g, "-");
    const menu = element(
      "select",
      { id: base + "-example", class: "nmpa-presets-menu" },
      element("option", { value: "" }, spec.own_scenario),
      ...spec.examples.map((example, index) => element("option", { value: String(index) }, example.name))
    );
    const fields = Object.fromEntries(spec.fields.map((field) => [field.name, makeField(field, base + "-" + field.name)]));
    const result = element("div", { class: "nmpa-result", "aria-live": "polite" });
    // On a phone the result can be screens below the input just changed: this line, pinned to
    // the bottom of the screen while the form is in view, shows the outcome where the reader is.
    // Hidden from screen readers, which hear the result panel itself (aria-live).
    const outcome = element("div", { class: "nmpa-live-outcome", "aria-hidden": "true" });
    const form = element(
      "form",
      { class: "nmpa-live-form", novalidate: true, "aria-label": "Calculator" },
      element("div", { class: "nmpa-live-field nmpa-live-menu" }, element("label", { for: menu.id }, "Worked example"), menu),
      ...Object.values(fields).map((field) => field.box),
      outcome,
      result
    );
    form.addEventListener("submit", (event) => event.preventDefault());

    let asked = 0;
    async function refresh() {
      const values = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.read()]));
      const mine = ++asked;
      const answer = JSON.parse(await module.decide_json(rule, JSON.stringify(values)));
      if (mine !== asked) return; // a later edit's answer is on its way: show that one

      for (const [name, field] of Object.entries(fields)) {
        field.showProblem(answer.problems[name]);
        field.showNotApplicable(answer.not_applicable[name]);
      }
      result.innerHTML = answer.html;
      const badge = result.querySelector(".nmpa-outcome");
      outcome.textContent = "Result: " + (badge ? badge.textContent : "none, an input needs correcting (marked ⚠)");
      outcome.className = "nmpa-live-outcome " + (badge ? badge.className.replace("nmpa-outcome ", "") : "nmpa-outcome-negative");
    }

    function showExample(index) {
      const values = spec.examples[index].values;
      for (const [name, field] of Object.entries(fields)) field.fill(values[name]);
      menu.value = String(index);
      return refresh();
    }

    menu.addEventListener("change", () => {
      if (menu.value !== "") showExample(Number(menu.value));
    });
    for (const field of Object.values(fields)) {
      for (const control of field.controls) {
        const edited = () => {
          // The reader has left the worked example: say so, and keep every value they set.
          menu.value = "";
          refresh();
        };
        control.addEventListener(control.type === "text" ? "input" : "change", edited);
      }
    }
    container.append(form);
    await showExample(0);
  }

  async function run(container) {
    const button = container.querySelector(".nmpa-live-start");
    const status = container.querySelector(".nmpa-live-status");
    button.disabled = true;
    status.textContent = "Starting Python in your browser…";
    starting.add(status);
    try {
      startingRuntime = startingRuntime || startRuntime();
      const module = await startingRuntime;
      starting.delete(status);
      const hadFocus = document.activeElement === button;
      await buildForm(container, module);
      button.parentElement.remove();
      // The button the reader pressed is gone: keep the keyboard in the calculator, on its
      // first control, and say that it is ready (the status line is a live region).
      if (hadFocus || document.activeElement === document.body) container.querySelector(".nmpa-presets-menu").focus();
      status.textContent = "The calculator is ready.";
      remember();
    } catch (error) {
      starting.delete(status);
      startingRuntime = null;
      button.disabled = false;
      status.textContent =
        "The calculator could not start (" + error.message + "). The table of worked scenarios below still shows what the rules decide.";
    }
  }

  function setUp(container) {
    const button = container.querySelector(".nmpa-live-start");
    const status = container.querySelector(".nmpa-live-status");
    if (typeof WebAssembly !== "object") {
      button.parentElement.remove();
      status.textContent =
        "This browser cannot run WebAssembly, which the calculator needs. The table of worked scenarios below shows what the rules decide.";
      return;
    }
    button.disabled = false;
    button.addEventListener("click", () => run(container));
    if (remembered()) run(container);
  }

  document.querySelectorAll(".nmpa-live[data-rule]").forEach(setUp);
})();
