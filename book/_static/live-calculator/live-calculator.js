// The calculators of the book's website, live in the reader's browser.
//
// Pyodide (Python compiled to WebAssembly) runs the project's own nmpa_rules wheel in the page.
// This script decides nothing: it draws the controls that nmpa_rules.browser_form describes,
// sends what the reader typed to it and shows the HTML it returns. Every file comes from this
// site (_static/vendor/live/, put there by `make vendor`), and only after the reader asks.
//
// It speaks English or Chinese: a switch on each calculator, remembered in the browser, set at
// first from the page's language (<html lang="zh-CN"> in the Chinese edition). Its own words come
// from the placeholder's data-words, which the book's build writes from the calculators'
// catalogues; the form's words come from nmpa_rules in the language asked for.
(function () {
  "use strict";

  const RUNTIME = new URL("../vendor/live/", document.currentScript.src);
  const WORKER = new URL("live-calculator-worker.js", document.currentScript.src);
  // Set once the runtime has loaded: on a later visit the files are in the browser's cache,
  // so the calculator starts without asking again.
  const REMEMBERED = "nmpa-live-calculator";
  // The reader's choice of language for every calculator of the site.
  const LANGUAGE = "nmpa-live-language";
  let startingRuntime = null; // the promise of nmpa_rules.browser_form in the worker, shared by every calculator of the page

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; // storage blocked: nothing remembered
    }
  }

  function store(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      // storage blocked: nothing to remember with
    }
  }

  function remembered() {
    return stored(REMEMBERED) === "1";
  }

  function remember() {
    store(REMEMBERED, "1");
  }

  // --- Language -------------------------------------------------------------------------------

  const calculators = []; // every calculator of the page: {container, words, language, redraw}

  function pageLanguage() {
    return document.documentElement.lang.toLowerCase().startsWith("zh") ? "zh" : "en";
  }

  function chosenLanguage(words) {
    const choice = stored(LANGUAGE);
    return choice && words[choice] ? choice : words[pageLanguage()] ? pageLanguage() : "en";
  }

  // A template's {fields} filled with values.
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in (values || {}) ? String(values[name]) : whole));
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]);
  }

  // Every calculator of the page changes language together, and the choice is kept for the next page.
  function chooseLanguage(language) {
    store(LANGUAGE, language);
    for (const calculator of calculators) calculator.setLanguage(language);
  }

  function makeLanguageSwitch(calculator) {
    const names = JSON.parse(calculator.container.dataset.languages);
    const group = element("div", { class: "nmpa-live-language", role: "group" });
    const buttons = Object.entries(names).map(([code, name]) => {
      const button = element("button", { type: "button", lang: code === "zh" ? "zh-CN" : code, "data-language": code }, name);
      button.addEventListener("click", () => chooseLanguage(code));
      return button;
    });
    group.append(...buttons);
    return {
      group,
      show(language, words) {
        group.setAttribute("aria-label", words.language);
        for (const button of buttons) button.setAttribute("aria-pressed", String(button.dataset.language === language));
      },
    };
  }

  // Python runs in a Web Worker (live-calculator-worker.js), so the page stays responsive while
  // it starts; its progress is shown in the status line of every calculator that is starting.
  const starting = new Set();

  function showProgress(progress) {
    for (const calculator of starting) calculator.say(progress.key, progress.values);
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
      form_json: (rule, language) => ask("form_json", rule, language),
      decide_json: (rule, values, language) => ask("decide_json", rule, values, language),
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

  // Text with each ISO date (and the form "YYYY-MM-DD") kept on one line: Chinese text may break between any two characters,
  // a date's hyphens included ("2026-" at a line's end, "12-05" on the next).
  function unbrokenDates(text) {
    const fragment = document.createDocumentFragment();
    String(text).split(/(\d{4}-\d{2}-\d{2}|YYYY-MM-DD)/).forEach((part, index) => {
      if (index % 2) fragment.append(element("span", { class: "nmpa-date" }, part));
      else if (part) fragment.append(part);
    });
    return fragment;
  }

  // One control per input kind. Dates are text in ISO form whatever the browser's locale;
  // numbers are text too, so that whatever the reader typed stays there and nmpa_rules says
  // what is wrong with it.
  function makeField(field, id, words) {
    const problem = element("div", { class: "nmpa-live-problem", id: id + "-problem" });
    const help = element("div", { class: "nmpa-live-help", id: id + "-help" }, unbrokenDates(field.help));
    // Filled when earlier answers make the question one the rule does not ask (its value is kept).
    const unasked = element("small", { class: "nmpa-live-na", id: id + "-na" });
    const describedBy = id + "-na " + id + "-problem " + id + "-help";
    const box = element("div", { class: "nmpa-live-field", "data-field": field.name });
    let controls;
    let read;
    let fill;

    if (field.kind === "bool") {
      const options = [
        [true, words.yes],
        [false, words.no],
      ].map(([value, text]) => ({ text, radio: element("input", { type: "radio", name: id, value: String(value), id: id + "-" + value }) }));
      const group = element(
        "fieldset",
        { class: "nmpa-live-choices", "aria-describedby": describedBy },
        element("legend", {}, unbrokenDates(field.label)),
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
      box.append(element("label", { for: id }, unbrokenDates(field.label)), select);
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
      box.append(element("label", { for: id }, unbrokenDates(field.label + (isDate ? words.date_format : ""))));
      const row = element("div", { class: "nmpa-live-row" }, input);
      box.append(row);
      controls = [input];
      read = () => input.value;
      fill = (value) => (input.value = value === null ? "" : value);
      if (field.kind === "optional_date") {
        const noneYet = element("input", { type: "checkbox", id: id + "-none" });
        row.append(element("label", { for: noneYet.id, class: "nmpa-live-none" }, noneYet, " " + words.none_yet));
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
        unasked.replaceChildren(unbrokenDates(note || ""));
        for (const control of controls) {
          if (note) control.setAttribute("aria-disabled", "true");
          else control.removeAttribute("aria-disabled");
        }
        box.classList.toggle("nmpa-live-not-applicable", Boolean(note));
      },
    };
  }

  // The form in the calculator's language, filled with a worked example or with ``state`` (what
  // the reader had entered before switching language); it is put on the page by the caller.
  async function buildForm(calculator, state) {
    const { container, module, language } = calculator;
    const words = calculator.words[language];
    const rule = container.dataset.rule;
    const spec = JSON.parse(await module.form_json(rule, language));
    const base = "nmpa-live-" + rule.replace(/\W+/g, "-");
    const menu = element(
      "select",
      { id: base + "-example", class: "nmpa-presets-menu" },
      element("option", { value: "" }, spec.own_scenario),
      ...spec.examples.map((example, index) => element("option", { value: String(index) }, example.name))
    );
    const fields = Object.fromEntries(spec.fields.map((field) => [field.name, makeField(field, base + "-" + field.name, words)]));
    const result = element("div", { class: "nmpa-result", "aria-live": "polite" });
    // On a phone the result can be screens below the input just changed: this line, pinned to
    // the bottom of the screen while the form is in view, shows the outcome where the reader is.
    // Hidden from screen readers, which hear the result panel itself (aria-live).
    const outcome = element("div", { class: "nmpa-live-outcome", "aria-hidden": "true" });
    const form = element(
      "form",
      { class: "nmpa-live-form", novalidate: true, "aria-label": words.calculator },
      element("div", { class: "nmpa-live-field nmpa-live-menu" }, element("label", { for: menu.id }, words.worked_example), menu),
      ...Object.values(fields).map((field) => field.box),
      outcome,
      result
    );
    form.addEventListener("submit", (event) => event.preventDefault());

    let asked = 0;
    async function refresh() {
      const values = readValues();
      const mine = ++asked;
      const answer = JSON.parse(await module.decide_json(rule, JSON.stringify(values), language));
      if (mine !== asked) return; // a later edit's answer is on its way: show that one

      for (const [name, field] of Object.entries(fields)) {
        field.showProblem(answer.problems[name]);
        field.showNotApplicable(answer.not_applicable[name]);
      }
      result.innerHTML = answer.html;
      const badge = result.querySelector(".nmpa-outcome");
      outcome.textContent = fill(words.result, { outcome: badge ? badge.textContent : words.no_result });
      outcome.className = "nmpa-live-outcome " + (badge ? badge.className.replace("nmpa-outcome ", "") : "nmpa-outcome-negative");
    }

    function readValues() {
      return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.read()]));
    }

    function showValues(values, example) {
      for (const [name, field] of Object.entries(fields)) field.fill(values[name]);
      menu.value = example;
      return refresh();
    }

    menu.addEventListener("change", () => {
      if (menu.value !== "") showValues(spec.examples[Number(menu.value)].values, menu.value);
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
    if (state) await showValues(state.values, state.example);
    else await showValues(spec.examples[0].values, "0");
    return { element: form, state: () => ({ values: readValues(), example: menu.value }) };
  }

  async function run(calculator) {
    const { container } = calculator;
    const button = container.querySelector(".nmpa-live-start");
    button.disabled = true;
    calculator.say("starting");
    starting.add(calculator);
    try {
      startingRuntime = startingRuntime || startRuntime();
      calculator.module = await startingRuntime;
      starting.delete(calculator);
      const hadFocus = document.activeElement === button;
      await calculator.drawForm();
      button.parentElement.remove();
      // The button the reader pressed is gone: keep the keyboard in the calculator, on its
      // first control, and say that it is ready (the status line is a live region).
      if (hadFocus || document.activeElement === document.body) container.querySelector(".nmpa-presets-menu").focus();
      calculator.say("ready");
      remember();
    } catch (error) {
      starting.delete(calculator);
      startingRuntime = null;
      button.disabled = false;
      calculator.say("failed", { error: error.message });
    }
  }

  function setUp(container) {
    const words = JSON.parse(container.dataset.words);
    const sizes = JSON.parse(container.dataset.sizes);
    const button = container.querySelector(".nmpa-live-start");
    const status = container.querySelector(".nmpa-live-status");
    const intro = container.querySelector(".nmpa-live-intro");
    const routes = container.querySelector(".nmpa-live-routes");
    const voila = routes.querySelector("a").getAttribute("href");
    const calculator = { container, words, language: chosenLanguage(words), module: null, form: null, spoken: null, drawing: 0 };
    const languageSwitch = makeLanguageSwitch(calculator);
    container.prepend(languageSwitch.group);

    // The status line says ``key`` of the words, and says it again after a change of language.
    calculator.say = (key, values) => {
      calculator.spoken = { key, values };
      status.textContent = fill(words[calculator.language][key], values);
    };

    function showWords() {
      const said = words[calculator.language];
      container.setAttribute("lang", calculator.language === "zh" ? "zh-CN" : "en");
      languageSwitch.show(calculator.language, said);
      intro.textContent = said.intro;
      if (button.isConnected) button.textContent = fill(said.start, { size: fill(said.size, sizes) });
      const link = '<a href="' + escapeHtml(voila) + '">' + escapeHtml(said.voila) + "</a>";
      routes.innerHTML = fill(escapeHtml(said.routes), { voila: link });
      if (calculator.spoken) calculator.say(calculator.spoken.key, calculator.spoken.values);
    }

    calculator.drawForm = async () => {
      const mine = ++calculator.drawing;
      const form = await buildForm(calculator, calculator.form && calculator.form.state());
      if (mine !== calculator.drawing) return; // the reader switched language again: that form is on its way
      if (calculator.form) calculator.form.element.replaceWith(form.element);
      else container.append(form.element);
      calculator.form = form;
    };

    calculator.setLanguage = (language) => {
      if (language === calculator.language) return;
      calculator.language = language;
      showWords();
      if (calculator.form) calculator.drawForm();
    };

    calculators.push(calculator);
    showWords();
    if (typeof WebAssembly !== "object") {
      button.parentElement.remove();
      calculator.say("no_webassembly");
      return;
    }
    button.disabled = false;
    button.addEventListener("click", () => run(calculator));
    if (remembered()) run(calculator);
  }

  document.querySelectorAll(".nmpa-live[data-rule]").forEach(setUp);
})();
