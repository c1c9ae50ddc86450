/* Site search tuning (html_search_scorer in _config.yml). Sphinx inlines this file into
 * language_data.js, which the search page loads right after searchtools.js, so `Search` exists.
 *
 * Ranking. Sphinx gives a page the same score (15) whenever any one query word appears in any
 * of its headings, so for "working days" a dozen pages tie and the order is alphabetical. Here:
 * - a heading or page title that contains the whole query, as a phrase, weighs most
 *   (the chapter about a term has the term in a heading);
 * - a page whose headings hold more of the query words ranks above one that holds fewer, and a
 *   page whose title holds them all a little higher still.
 * Entries of the book's index (the key words of "Questions readers bring") score 50 to 100 in
 * Sphinx; results boosted here stay below 50 so those entries keep their place.
 *
 * Snippets. Sphinx cuts the snippet out of the whole main area, header buttons and "Contents"
 * box included, whitespace and all; on calculator pages that gave runs of blanks and code. The
 * snippet is taken here from the article's prose only: no title, review date, code or outputs.
 */
var Scorer = {
  objNameMatch: 11,
  objPartialMatch: 6,
  objPrio: { 0: 15, 1: 5, 2: -5 },
  objPrioDefault: 0,
  title: 15,
  partialTitle: 7,
  term: 5,
  partialTerm: 2,

  // Set by the wrapper of Search._parseQuery below, before any result is scored.
  query: "",
  stemmedTerms: [],

  score: (result) => {
    const [docName, title, anchor, _descr, score, _filename] = result;
    const index = Search._index;
    const query = Scorer.query;
    if (score >= 50 || !index || !query) return score;
    const file = index.docnames.indexOf(docName);
    const heading = title.includes(" > ") ? title.slice(title.indexOf(" > ") + 3) : title;
    const headingLower = heading.toLowerCase();
    let boosted = score;
    if (headingLower.includes(query) && query.length >= heading.length / 2) boosted += 30;
    if (anchor === "" && Scorer.stemmedTerms.length) {
      const inHeadings = Scorer.stemmedTerms.filter((term) => {
        const files = index.titleterms[term];
        return files !== undefined && (files === file || (files.includes && files.includes(file)));
      }).length;
      boosted += Math.round((10 * inHeadings) / Scorer.stemmedTerms.length);
      const stemmer = new Stemmer();
      const titleStems = splitQuery(index.titles[file] || "").map((w) => stemmer.stemWord(w.toLowerCase()));
      if (Scorer.stemmedTerms.every((term) => titleStems.includes(term))) boosted += 5;
    }
    return Math.min(boosted, 49);
  },
};

if (typeof Search !== "undefined") {
  const parseQuery = Search._parseQuery;
  Search._parseQuery = (query) => {
    const parsed = parseQuery(query);
    Scorer.query = parsed[0].toLowerCase().trim();
    Scorer.stemmedTerms = [...parsed[1]];
    return parsed;
  };

  const dropFromSnippet = [
    ".headerlink", "script", "style", "h1", "nav",
    ".cell_input", ".cell_output", "pre", ".highlight", "form", "button", "input", "select",
    "textarea", ".live-calculator", ".toctree-wrapper",
  ];
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    const article = page.querySelector("article.bd-article") || page.querySelector('[role="main"]');
    if (!article) return "";
    // An index entry's anchor is an empty marker: its snippet comes from the section around it.
    let block = (anchor && article.querySelector(anchor)) || article;
    if (!block.textContent.trim()) block = block.closest("section") || article;
    for (const selector of dropFromSnippet) block.querySelectorAll(selector).forEach((el) => el.remove());
    // The result's link already shows the section's heading.
    const ownHeading = block.querySelector(":scope > h2, :scope > h3, :scope > h4, :scope > h5, :scope > h6");
    if (ownHeading) ownHeading.remove();
    // Every chapter opens with its review date, which says nothing about the page.
    block.querySelectorAll("p").forEach((p) => { if (/^\s*Last reviewed:/.test(p.textContent)) p.remove(); });
    return block.textContent.replace(/\s+/g, " ").trim();
  };
}

if (typeof Search !== "undefined") {
  // Sphinx's own summary, cut at word boundaries instead of mid-word ("...culator applies").
  Search.makeSearchSummary = (htmlText, keywords, anchor) => {
    const text = Search.htmlToText(htmlText, anchor);
    if (text === "") return null;
    const textLower = text.toLowerCase();
    const found = [...keywords].map((k) => textLower.indexOf(k.toLowerCase())).filter((i) => i > -1);
    let start = found.length ? Math.max(found[found.length - 1] - 120, 0) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1;
    let end = Math.min(start + 240, text.length);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), start + 1);
    const summary = document.createElement("p");
    summary.classList.add("context");
    summary.textContent = (start > 0 ? "…" : "") + text.slice(start, end).trim() + (end < text.length ? "…" : "");
    return summary;
  };
}
