// The search page. Its state lives in the URL (so links, reload, back and forward work);
// each change asks the API and renders results, facets, paging or the article view.
// Titles and fragments come from the API as HTML in which <mark> is the only markup and all
// text is escaped (title_html, fragments); they alone are inserted as HTML, everything else
// goes in as text.
/* global window, document, location, history, fetch, URLSearchParams, AbortController, CSS */

/** Hits per page unless the URL says otherwise (size=1..50, as the API allows). */
const PAGE_SIZE = 10;
/** The engine's result window: page-based paging stops there. */
const RESULT_WINDOW = 10_000;
const OUTPUT_SCRIPTS = ['original', 'simplified', 'traditional'];
const SORTS = ['relevance', 'newest', 'oldest'];
const FACETS = [
  { name: 'source', label: '来源', multiple: true },
  { name: 'place', label: '地点', multiple: true },
  { name: 'year', label: '年份', multiple: false },
];

const byId = (id) => document.getElementById(id);
const form = byId('search');
const input = byId('q');
const main = byId('main');

/** Creates an element; attributes that are null, undefined or false are left out. */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  node.append(...children);
  return node;
}

/** An element holding API-escaped HTML (see the top of this file); never pass other text. */
function withApiHtml(tag, attrs, html) {
  const node = el(tag, attrs);
  node.innerHTML = html;
  return node;
}

function readState() {
  const p = new URLSearchParams(location.search);
  const oneOf = (value, allowed) => (allowed.includes(value) ? value : allowed[0]);
  return {
    q: p.get('q') ?? '',
    source: p.getAll('source'),
    place: p.getAll('place'),
    year: /^\d{4}$/.test(p.get('year') ?? '') ? p.get('year') : '',
    sort: oneOf(p.get('sort'), SORTS),
    page: Math.max(1, Math.floor(Number(p.get('page'))) || 1),
    size: Math.min(50, Math.max(1, Math.floor(Number(p.get('size'))) || PAGE_SIZE)),
    script: oneOf(p.get('script'), OUTPUT_SCRIPTS),
    article: p.get('article') ?? '',
  };
}

/** The page URL of a state (defaults left out, so URLs stay short). */
function pageUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const value of state.source) p.append('source', value);
  for (const value of state.place) p.append('place', value);
  if (state.year) p.set('year', state.year);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.size !== PAGE_SIZE) p.set('size', String(state.size));
  if (state.script !== 'original') p.set('script', state.script);
  if (state.article) p.set('article', state.article);
  const query = p.toString();
  return query ? `?${query}` : location.pathname;
}

function navigate(changes) {
  history.pushState(null, '', pageUrl({ ...readState(), ...changes }));
  return render();
}

/** The API's search parameters for a state. */
function searchParams(state) {
  const p = new URLSearchParams({
    q: state.q,
    page: String(state.page),
    size: String(state.size),
    sort: state.sort,
    output_script: state.script,
  });
  for (const value of state.source) p.append('source', value);
  for (const value of state.place) p.append('place', value);
  if (state.year) {
    p.set('from', `${state.year}-01-01`);
    p.set('to', `${state.year}-12-31`);
  }
  return p;
}

async function api(path, params, signal) {
  const res = await fetch(`${path}?${params}`, { signal, headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.message ?? `HTTP ${res.status}`);
  return body;
}

/** The lang of shown text: the output script, or with `original` the article's own. */
function langOf(articleScript, outputScript) {
  const script = outputScript === 'original' ? articleScript : outputScript;
  return { simplified: 'zh-Hans', traditional: 'zh-Hant' }[script] ?? 'zh';
}

const day = (iso) => iso?.slice(0, 10) ?? null;

function meta(parts) {
  return el('p', { class: 'meta' }, parts.filter(Boolean).join(' · '));
}

function hitItem(hit, state) {
  const link = withApiHtml(
    'a',
    { href: pageUrl({ ...state, article: hit.id }), 'data-article': hit.id },
    hit.title_html,
  );
  if (!hit.title) link.textContent = '（无标题）';
  return el(
    'li',
    { class: 'hit', lang: langOf(hit.script, state.script) },
    el('h2', {}, link),
    meta([hit.source, day(hit.published_at), hit.place]),
    ...hit.fragments.map((html) => withApiHtml('p', { class: 'fragment' }, html)),
  );
}

function facetGroup({ name, label, multiple }, buckets, state) {
  const selected = multiple ? state[name] : state[name] ? [state[name]] : [];
  // Selected values stay listed even when the current results have none of them.
  const values = [...buckets];
  for (const value of selected) {
    if (!values.some((b) => b.value === value)) values.push({ value, label: value, count: 0 });
  }
  const option = (value, text, count) =>
    el(
      'label',
      {},
      el('input', {
        type: multiple ? 'checkbox' : 'radio',
        name,
        value,
        checked: multiple ? selected.includes(value) : (selected[0] ?? '') === value,
      }),
      ` ${text} `,
      count === null ? '' : el('span', { class: 'count' }, `(${count})`),
    );
  // The value goes back to the API as a filter; the label is it in the chosen script.
  const options = values.map((b) => option(b.value, b.label, b.count));
  if (!multiple) options.unshift(option('', '不限', null));
  return el('fieldset', { class: 'facet' }, el('legend', {}, label), ...options);
}

function renderFacets(facets, state) {
  const aside = byId('facets');
  // Re-rendering replaces the inputs: keep the keyboard focus on the same one.
  const focused = aside.contains(document.activeElement) ? document.activeElement : null;
  aside.replaceChildren(
    ...FACETS.filter((f) => facets[f.name].length > 0 || state[f.name].length > 0).map((f) =>
      facetGroup(f, facets[f.name], state),
    ),
  );
  if (focused) {
    const same = [...aside.querySelectorAll('input')].find(
      (i) => i.name === focused.name && i.value === focused.value,
    );
    same?.focus();
  }
}

function renderPager(res, state) {
  const pages = Math.ceil(Math.min(res.total, RESULT_WINDOW) / state.size);
  const pager = byId('pager');
  if (pages <= 1) return pager.replaceChildren();
  const link = (page, text, rel) =>
    page < 1 || page > pages
      ? el('span', { class: 'disabled', 'aria-disabled': 'true' }, text)
      : el('a', { href: pageUrl({ ...state, page }), rel }, text);
  pager.replaceChildren(
    link(state.page - 1, '‹ 上一页', 'prev'),
    el('span', { 'aria-current': 'page' }, `第 ${state.page} / ${pages} 页`),
    link(state.page + 1, '下一页 ›', 'next'),
  );
}

function showView(view) {
  document.body.dataset.view = view;
  for (const id of ['results', 'pager', 'facets', 'status']) byId(id).hidden = view !== 'results';
  byId('article').hidden = view !== 'article';
}

/** The article the reader came back from, to put the focus back on its link. */
let openedArticle = '';

async function showResults(state, signal) {
  const res = await api('api/search', searchParams(state), signal);
  showView('results');
  byId('status').textContent =
    res.total === 0 ? '没有找到结果' : `共 ${res.total} 条结果（${res.took_ms} 毫秒）`;
  byId('results').replaceChildren(...res.hits.map((hit) => hitItem(hit, state)));
  renderFacets(res.facets, state);
  renderPager(res, state);
  if (openedArticle) {
    byId('results')
      .querySelector(`a[data-article="${CSS.escape(openedArticle)}"]`)
      ?.focus();
    openedArticle = '';
  }
}

async function showArticle(state, signal) {
  const params = new URLSearchParams({ output_script: state.script });
  const a = await api(`api/articles/${encodeURIComponent(state.article)}`, params, signal);
  const people = (label, names) => (names.length > 0 ? `${label} ${names.join('、')}` : null);
  const view = byId('article');
  view.lang = langOf(a.script, state.script);
  view.replaceChildren(
    el('a', { href: pageUrl({ ...state, article: '' }), class: 'back' }, '← 返回结果'),
    el('h2', {}, a.title || '（无标题）'),
    meta([a.source, day(a.published_at), a.place]),
    meta([
      people('记者', a.reporters),
      people('通讯员', a.correspondents),
      people('编辑', a.editors),
    ]),
    ...a.body.map((paragraph) => el('p', {}, paragraph)),
    a.keywords.length > 0 ? el('p', { class: 'keywords' }, `关键词：${a.keywords.join('、')}`) : '',
  );
  showView('article');
  openedArticle = state.article;
  // Focus for keyboard and screen-reader users, from the top of the page.
  view.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

function syncControls(state) {
  if (document.activeElement !== input) input.value = state.q;
  for (const radio of document.getElementsByName('script')) {
    radio.checked = radio.value === state.script;
  }
  byId('sort').value = state.sort;
  document.title = state.q ? `${state.q} - 新闻检索` : '新闻检索';
}

let inflight = null;

async function render() {
  inflight?.abort();
  const controller = (inflight = new AbortController());
  const state = readState();
  syncControls(state);
  main.setAttribute('aria-busy', 'true');
  try {
    await (state.article
      ? showArticle(state, controller.signal)
      : showResults(state, controller.signal));
    byId('error').hidden = true;
  } catch (err) {
    if (err.name === 'AbortError') return;
    byId('error').textContent = `出错了：${err.message}`;
    byId('error').hidden = false;
  } finally {
    if (inflight === controller) main.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void navigate({ q: input.value.trim(), page: 1, article: '' });
});

byId('script').addEventListener('change', (event) => void navigate({ script: event.target.value }));
byId('sort').addEventListener(
  'change',
  (event) => void navigate({ sort: event.target.value, page: 1 }),
);

byId('facets').addEventListener('change', (event) => {
  const { name, value, checked, type } = event.target;
  const state = readState();
  if (type === 'radio') return void navigate({ [name]: value, page: 1 });
  const values = checked ? [...state[name], value] : state[name].filter((v) => v !== value);
  void navigate({ [name]: values, page: 1 });
});

// Links within the page (results, paging, back) change the state without a reload.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  const plain =
    event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  if (!link || !plain || link.origin !== location.origin || link.pathname !== location.pathname)
    return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  void render();
});

document.addEventListener('keydown', (event) => {
  const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
  if (event.key === '/' && !typing) {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === 'Escape' && readState().article) {
    void navigate({ article: '' });
  }
});

window.addEventListener('popstate', () => void render());

void render();
if (!readState().q && !readState().article) input.focus();
