/* The search box in every page's header: Pagefind's UI, with results that say their kind of page
   and date (briefingsSearchResult, which the 404 page's own box of nearby pages uses too). A file
   rather than inline in main.html: the browser caches it once, where inline it weighed 2.1 KB on
   each of the site's pages. */
// The ranking of every search box of the site (this one and the 404 page's). Pagefind favours short
// pages by default (0.75): a short briefing naming a word once came before the long article about it
// ("securite", "Kazakhstan"); 0.1 nearly ignores length. An entry's other names (metadata "aussi",
// the "Aussi appelé" line) count as much as a title.
window.briefingsRanking = { pageLength: 0.1, metaWeights: { title: 5, aussi: 5 } };
window.briefingsSearchResult = (result) => {
  const escape = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const readable = (excerpt) => {
    const text = (excerpt || "").trim();
    const words = text.replace(/<[^>]+>/g, "");
    if (!words) return text;
    const start = /^[\p{Lu}\d«"(]/u.test(words) ? "" : "… ";
    const end = /[.!?…»)]$/.test(words) ? "" : " …";
    return start + text + end;
  };
  const meta = result.meta || {};
  const label = [meta.genre, meta.date].filter(Boolean).join(" · ");
  delete meta.genre;
  delete meta.date;
  delete meta.aussi;
  const url = meta.url || result.url;
  const others = (result.sub_results || []).filter((sub) => sub.url !== url && sub.title !== meta.title);
  result.excerpt = (label ? `<span class="briefings-result-kind">${escape(label)}</span>` : "") + readable(result.excerpt);
  // The page itself first: Pagefind then shows the result's excerpt and up to three other sections.
  result.sub_results = [
    { title: meta.title, url, excerpt: result.excerpt, locations: [] },
    ...others.map((sub) => ({ ...sub, excerpt: readable(sub.excerpt) })),
  ];
  return result;
};
new PagefindUI({
  element: "#briefings-search",
  showSubResults: true,
  showImages: false,
  resetStyles: false,
  excerptLength: 30,
  debounceTimeoutMs: 100,  // Pagefind waits 300 ms after each keystroke by default
  translations: { placeholder: "Rechercher" },
  processResult: window.briefingsSearchResult,
  ranking: window.briefingsRanking,
});
// Pagefind names its box only through `title`, which Material draws as a tooltip over the results.
{
  const box = document.querySelector("#briefings-search input");
  box?.setAttribute("aria-label", "Rechercher dans les briefings");
  document.querySelector("#briefings-search form")?.setAttribute("aria-label", "Recherche du site");
  box?.removeAttribute("title");
}
