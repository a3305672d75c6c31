// The search page. Its state lives in the URL (so links, reload, back and forward work);
// each change asks the API and renders results, facets, paging or the article view.
// Titles and fragments come from the API as HTML in which <mark> is the only markup and all
// text is escaped (title_html, fragments); they alone are inserted as HTML, everything else
// goes in as text.
/* global window, document, location, history, fetch, URLSearchParams, AbortController, CSS, setTimeout, clearTimeout */

/** Hits per page unless the URL says otherwise (size=1..50, as the API allows). */
const PAGE_SIZE = 10;
/** The engine's result window: page-based paging stops there. */
const RESULT_WINDOW = 10_000;
const OUTPUT_SCRIPTS = ['original', 'simplified', 'traditional'];
const SORTS = ['relevance', 'newest', 'oldest'];
const FACETS = [
  { name: 'source', label: '来源', multiple: true },
  { name: 'place', label: '地点', multiple: true },
  { name: 'people', label: '人物', multiple: true },
  { name: 'year', label: '年份', multiple: false },
];
const NAME_FACETS = ['source', 'place', 'people'];
/** The query limit of the API (LIMITS.qLength); the box stops there too (maxlength). */
const Q_LIMIT = 500;
/** Wait this long after the last keystroke before asking for suggestions. */
const SUGGEST_DELAY_MS = 120;
const KIND_LABELS = { person: '人物', place: '地点', source: '来源', title: '标题' };

/**
 * The page's own words in Traditional, so that 繁 shows one script on the whole page: the
 * characters of our Simplified UI text that differ (the API converts the articles' text).
 */
const TO_TRADITIONAL = new Map(
  Array.from(
    '来來点點记記讯訊员員编編辑輯关關键鍵词詞条條结結没沒页頁筛篩选選详詳无無标標题題错錯误誤请請试試务務暂暫时時询詢长長个個换換写寫数數汉漢连連删刪链鏈闭閉间間检檢闻聞简簡这這还還为為篇篇过過达達键鍵发發缩縮开開显顯示示处處于於须須语語单單与與区區复複内內称稱别別从從会會实實现現说說该該让讓将將并並体體们們对對样樣经經话話么麼应應报報给給转轉万萬级級',
  ).reduce((pairs, c, i, all) => (i % 2 === 0 ? [...pairs, [c, all[i + 1]]] : pairs), []),
);
let uiScript = 'original';
/** Our UI text in the script the switch chose. */
const t = (text) =>
  uiScript === 'traditional' ? Array.from(text, (c) => TO_TRADITIONAL.get(c) ?? c).join('') : text;

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
    people: p.getAll('people'),
    year: /^\d{4}$/.test(p.get('year') ?? '') ? p.get('year') : '',
    sort: oneOf(p.get('sort'), SORTS),
    page: Math.max(1, Math.floor(Number(p.get('page'))) || 1),
    size: Math.min(50, Math.max(1, Math.floor(Number(p.get('size'))) || PAGE_SIZE)),
    script: oneOf(p.get('script'), OUTPUT_SCRIPTS),
    article: p.get('article') ?? '',
    // One hit per story unless the URL says collapse=false.
    collapse: p.get('collapse') !== 'false',
  };
}

/** The page URL of a state (defaults left out, so URLs stay short). */
function pageUrl(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const value of state.source) p.append('source', value);
  for (const value of state.place) p.append('place', value);
  for (const value of state.people) p.append('people', value);
  if (state.year) p.set('year', state.year);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.page > 1) p.set('page', String(state.page));
  if (state.size !== PAGE_SIZE) p.set('size', String(state.size));
  if (state.script !== 'original') p.set('script', state.script);
  if (state.article) p.set('article', state.article);
  if (!state.collapse) p.set('collapse', 'false');
  const query = p.toString();
  return query ? `?${query}` : location.pathname;
}

function navigate(changes, historyState = null) {
  history.pushState(historyState, '', pageUrl({ ...readState(), ...changes }));
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
    collapse: String(state.collapse),
  });
  for (const value of state.source) p.append('source', value);
  for (const value of state.place) p.append('place', value);
  for (const value of state.people) p.append('people', value);
  if (state.year) {
    p.set('from', `${state.year}-01-01`);
    p.set('to', `${state.year}-12-31`);
  }
  return p;
}

/** A failed API call: its status and JSON body (error code, issues with codes). */
class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

async function api(path, params, signal) {
  const res = await fetch(`${path}?${params}`, { signal, headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** What went wrong, for a reader: the API's codes in the page's words. */
function describeError(err) {
  if (!(err instanceof ApiError)) return '无法连接检索服务，请检查网络后再试。';
  const issue = err.body?.issues?.[0];
  const byIssue = {
    too_big: issue?.parameter === 'q' ? `查询太长：最多 ${Q_LIMIT} 个字。` : null,
    nothing_searchable:
      '查询里没有可以搜索的文字（汉字、字母或数字），* \\ 和表情符号不能单独搜索。请换个写法。',
    too_many_terms: '查询的词太多：最多 32 个。请删去一些。',
    beyond_window: '页码太大：请缩小范围，或按日期排序后翻页。',
    cursor_expired: '翻页已过期，请重新搜索。',
  };
  if (issue && byIssue[issue.code]) return byIssue[issue.code];
  if (err.status === 404) return '找不到这篇文章：链接可能有误，或文章已从检索库中删除。';
  if (err.status === 429) return '请求太频繁，请稍等片刻再试。';
  if (err.status >= 500) return '检索服务暂时不可用，请稍后再试。';
  return '这个请求无法处理，请检查搜索条件。';
}

/** The lang of shown text: the output script, or with `original` the article's own. */
function langOf(articleScript, outputScript) {
  const script = outputScript === 'original' ? articleScript : outputScript;
  return { simplified: 'zh-Hans', traditional: 'zh-Hant' }[script] ?? 'zh';
}

/** A date as a reader writes it (the same in both scripts); undated articles say so. */
function day(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : t('日期不详');
}

function meta(parts) {
  return el('p', { class: 'meta' }, parts.filter(Boolean).join(' · '));
}

function hitItem(hit, state) {
  const link = withApiHtml(
    'a',
    { href: pageUrl({ ...state, article: hit.id }), 'data-article': hit.id },
    hit.title_html,
  );
  if (!hit.title) {
    link.textContent = t('（无标题）');
    link.classList.add('untitled');
  }
  return el(
    'li',
    { class: 'hit', lang: langOf(hit.script, state.script) },
    el('h2', {}, link),
    meta([hit.source, day(hit.published_at), hit.place]),
    ...hit.fragments.map((html) => withApiHtml('p', { class: 'fragment' }, html)),
    ...(hit.version_count > 1 ? [versionList(hit, state)] : []),
  );
}

/** The other outlets' versions of a story, folded under "另有 N 个版本". */
function versionList(hit, state) {
  const others = hit.version_count - 1;
  const items = hit.versions.map((v) =>
    el(
      'li',
      {},
      el('a', { href: pageUrl({ ...state, article: v.id }), 'data-article': v.id }, v.title),
      ' ',
      el('span', { class: 'meta' }, [v.source, day(v.published_at)].filter(Boolean).join(' · ')),
    ),
  );
  if (others > hit.versions.length) {
    items.push(el('li', { class: 'meta' }, `…… 另有 ${others - hit.versions.length} 个未列出`));
  }
  return el(
    'details',
    { class: 'versions' },
    el('summary', {}, `另有 ${others} 个版本`),
    el('ul', {}, ...items),
  );
}

function facetGroup({ name, label, multiple }, buckets, state) {
  const option = (value, text, count, checked) =>
    el(
      'label',
      {},
      el('input', { type: multiple ? 'checkbox' : 'radio', name, value, checked }),
      ` ${text} `,
      count === null ? '' : el('span', { class: 'count' }, `(${count})`),
    );
  // The API marks the selected entries (a filter in either script ticks its one entry) and
  // lists them even when outside the top values; the label is in the chosen script.
  const options = buckets.map((b) => option(b.value, b.label, b.count, b.selected));
  if (!multiple) options.unshift(option('', t('不限'), null, !state[name]));
  return el('fieldset', { class: 'facet' }, el('legend', {}, t(label)), ...options);
}

const hasFilters = (state) => NAME_FACETS.some((f) => state[f].length > 0) || state.year !== '';

function renderFacets(facets, state) {
  const aside = byId('facets');
  // Re-rendering replaces the inputs: keep the keyboard focus on the same one.
  const focused = aside.contains(document.activeElement) ? document.activeElement : null;
  aside.replaceChildren(
    ...(hasFilters(state)
      ? [el('button', { type: 'button', id: 'clear-filters' }, t('清除全部筛选'))]
      : []),
    ...FACETS.filter((f) => facets[f.name].length > 0).map((f) =>
      facetGroup(f, facets[f.name], state),
    ),
  );
  if (focused) {
    const same = [...aside.querySelectorAll('input')].find(
      (i) => i.name === focused.name && i.value === focused.value,
    );
    (same ?? byId('clear-filters') ?? main).focus();
  }
}

function renderPager(res, state) {
  // Collapsed, the pages are pages of stories.
  const count = res.collapsed ? (res.stories ?? res.total) : res.total;
  const pages = Math.ceil(Math.min(count, RESULT_WINDOW) / state.size);
  const pager = byId('pager');
  if (res.hits.length === 0 && res.total > 0) {
    // A page past the end (an old link, a hand-edited URL): a way back to the results.
    return pager.replaceChildren(
      el('a', { href: pageUrl({ ...state, page: 1 }) }, t('回到第 1 页')),
      el('a', { href: pageUrl({ ...state, page: pages }) }, t(`最后一页（第 ${pages} 页）`)),
    );
  }
  if (pages <= 1) return pager.replaceChildren();
  const link = (page, text, rel) =>
    page < 1 || page > pages
      ? el('span', { class: 'disabled', 'aria-disabled': 'true' }, text)
      : el('a', { href: pageUrl({ ...state, page }), rel }, text);
  pager.replaceChildren(
    link(state.page - 1, t('‹ 上一页'), 'prev'),
    el('span', { 'aria-current': 'page' }, t(`第 ${state.page} / ${pages} 页`)),
    link(state.page + 1, t('下一页 ›'), 'next'),
  );
}

function showView(view) {
  document.body.dataset.view = view;
  for (const id of ['results', 'pager', 'facets', 'status']) byId(id).hidden = view !== 'results';
  byId('article').hidden = view !== 'article';
  byId('error').hidden = view !== 'error';
}

/** The article the reader came back from, to put the focus back on its link. */
let openedArticle = '';

async function showResults(state, signal) {
  const res = await api('api/search', searchParams(state), signal);
  showView('results');
  byId('status').textContent =
    res.total === 0
      ? t('没有找到结果')
      : res.hits.length === 0
        ? t(`共 ${res.total} 条结果，第 ${state.page} 页已超出范围`)
        : // Stories are worth naming only where some were told by more than one outlet.
          res.collapsed && res.stories !== res.total
          ? t(`共 ${res.stories} 个报道，${res.total} 篇文章（${res.took_ms} 毫秒）`)
          : t(`共 ${res.total} 条结果（${res.took_ms} 毫秒）`);
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
  // The query the reader came from, so that its matches are marked.
  if (state.q) params.set('q', state.q);
  const a = await api(`api/articles/${encodeURIComponent(state.article)}`, params, signal);
  const people = (label, names) => (names.length > 0 ? `${t(label)} ${names.join('、')}` : null);
  const view = byId('article');
  view.lang = langOf(a.script, state.script);
  const title = a.title
    ? withApiHtml('h2', {}, a.title_html)
    : el('h2', { class: 'untitled' }, t('（无标题）'));
  view.replaceChildren(
    el('a', { href: pageUrl({ ...state, article: '' }), class: 'back' }, t('← 返回结果')),
    title,
    meta([a.source, day(a.published_at), a.place]),
    meta([
      people('记者', a.reporters),
      people('通讯员', a.correspondents),
      people('编辑', a.editors),
    ]),
    ...a.body_html.map((html) => withApiHtml('p', {}, html)),
    a.keywords.length > 0
      ? el('p', { class: 'keywords' }, `${t('关键词')}：${a.keywords.join('、')}`)
      : '',
  );
  showView('article');
  document.title = `${a.title || t('（无标题）')} - ${t('新闻检索')}`;
  openedArticle = state.article;
  // Focus for keyboard and screen-reader users; the first match in view, else the top.
  view.focus({ preventScroll: true });
  const first = view.querySelector('p mark');
  if (first) first.scrollIntoView({ block: 'center' });
  else window.scrollTo(0, 0);
}

/** Back to the results without a new history step: the step back when the results are the
 * previous entry, else the results replace the article in place. */
function backToResults() {
  if (history.state?.fromResults) return void history.back();
  history.replaceState(null, '', pageUrl({ ...readState(), article: '' }));
  void render();
}

function syncControls(state) {
  if (document.activeElement !== input) input.value = state.q;
  for (const radio of document.getElementsByName('script')) {
    radio.checked = radio.value === state.script;
  }
  byId('sort').value = state.sort;
  if (!state.article) document.title = state.q ? `${state.q} - ${t('新闻检索')}` : t('新闻检索');
  localizeStatic(state.script);
}

/** The page's fixed text (header, labels, options) in the chosen script. */
const originalText = new WeakMap();
function localizeStatic(script) {
  uiScript = script;
  document.documentElement.lang = script === 'traditional' ? 'zh-Hant' : 'zh-Hans';
  const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
  const fixed = [byId('facets'), byId('results'), byId('article'), byId('pager')];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (fixed.some((c) => c.contains(node)) || node.parentElement.id === 'status') continue;
    if (!originalText.has(node)) originalText.set(node, node.nodeValue);
    node.nodeValue = t(originalText.get(node));
  }
  input.placeholder = t('例如：郑凯　“防控工作”　-武汉');
}

/** A failed request leaves nothing of the previous answer on screen: the message, and a way
 * back where there is one. */
function showError(err, state) {
  showView('error');
  for (const id of ['results', 'facets', 'pager', 'article']) byId(id).replaceChildren();
  byId('status').textContent = '';
  const back = state.article
    ? el('a', { href: pageUrl({ ...state, article: '' }), class: 'back' }, t('← 返回结果'))
    : el('a', { href: './', class: 'back' }, t('← 重新开始'));
  byId('error').replaceChildren(el('span', {}, t(describeError(err))), ' ', back);
  byId('error').hidden = false;
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
  } catch (err) {
    if (err.name === 'AbortError') return;
    showError(err, state);
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

byId('facets').addEventListener('click', (event) => {
  if (event.target.id !== 'clear-filters') return;
  void navigate({ source: [], place: [], people: [], year: '', page: 1 });
});

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
  if (link.getAttribute('href').startsWith('#')) {
    // The skip link: move the focus, not only the view.
    return void byId(link.getAttribute('href').slice(1))?.focus();
  }
  if (link.classList.contains('back') && readState().article) return backToResults();
  const fromResults = link.closest('#results') !== null;
  history.pushState(fromResults ? { fromResults: true } : null, '', link.href);
  void render();
});

/** Where a key types text: `/` and Escape belong to the field there. */
const takesText = (target) =>
  target.tagName === 'TEXTAREA' ||
  (target.tagName === 'INPUT' && /^(text|search)$/.test(target.type)) ||
  target.isContentEditable;

document.addEventListener('keydown', (event) => {
  if (takesText(event.target)) return;
  if (event.key === '/') {
    event.preventDefault();
    input.focus();
    input.select();
  } else if (event.key === 'Escape' && readState().article) {
    backToResults();
  }
});

byId('toggle-facets').addEventListener('click', (event) => {
  const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
  event.currentTarget.setAttribute('aria-expanded', String(open));
  document.body.classList.toggle('facets-open', open);
});

// The query limit: the box stops input there (maxlength) and says so.
input.addEventListener('input', () => {
  const full = input.value.length >= Q_LIMIT;
  byId('q-limit').hidden = !full;
  byId('q-limit').textContent = full ? t(`已达 ${Q_LIMIT} 字上限，多出的字输入不进去。`) : '';
});

// Suggestions (ARIA 1.2 combobox): asked for a moment after typing stops, never blocking it;
// arrows move through them, Enter takes one, Escape closes the list.
const list = byId('suggestions');
let suggestTimer = 0;
let suggestInflight = null;
let suggestions = [];
let active = -1;

function closeSuggestions() {
  suggestInflight?.abort();
  clearTimeout(suggestTimer);
  suggestions = [];
  active = -1;
  list.hidden = true;
  list.replaceChildren();
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function showSuggestions(items) {
  suggestions = items;
  active = -1;
  input.removeAttribute('aria-activedescendant');
  if (items.length === 0) return closeSuggestions();
  list.replaceChildren(
    ...items.map((s, i) =>
      el(
        'li',
        { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', 'data-index': i },
        el('span', { class: `kind kind-${s.kind}` }, t(KIND_LABELS[s.kind])),
        ` ${s.label} `,
        s.kind === 'title' ? '' : el('span', { class: 'count' }, t(`${s.count} 篇`)),
      ),
    ),
  );
  list.hidden = false;
  input.setAttribute('aria-expanded', 'true');
}

function moveActive(step) {
  if (suggestions.length === 0) return;
  active = (active + step + suggestions.length + 1) % (suggestions.length + 1);
  if (active === suggestions.length) active = -1;
  for (const option of list.children) {
    option.setAttribute('aria-selected', String(Number(option.dataset.index) === active));
  }
  if (active < 0) input.removeAttribute('aria-activedescendant');
  else input.setAttribute('aria-activedescendant', `suggestion-${active}`);
}

/** A name filters the search by it; a title opens its article. */
function takeSuggestion(s) {
  closeSuggestions();
  if (s.kind === 'title') return void navigate({ article: s.article_id });
  const facet = { person: 'people', place: 'place', source: 'source' }[s.kind];
  const state = readState();
  input.value = '';
  const values = state[facet].includes(s.value) ? state[facet] : [...state[facet], s.value];
  void navigate({ q: '', [facet]: values, page: 1, article: '' });
}

input.addEventListener('input', () => {
  clearTimeout(suggestTimer);
  suggestInflight?.abort();
  const q = input.value.trim();
  if (!/[\p{L}\p{N}]/u.test(q)) return closeSuggestions();
  suggestTimer = setTimeout(async () => {
    const controller = (suggestInflight = new AbortController());
    try {
      const params = new URLSearchParams({ q, size: '4', output_script: readState().script });
      const res = await api('api/suggest', params, controller.signal);
      if (controller === suggestInflight && input.value.trim() === q) {
        showSuggestions(res.suggestions);
      }
    } catch {
      // Suggestions are a help: when they fail, typing and searching go on without them.
      if (controller === suggestInflight) closeSuggestions();
    }
  }, SUGGEST_DELAY_MS);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (list.hidden) return;
    event.preventDefault();
    moveActive(event.key === 'ArrowDown' ? 1 : -1);
  } else if (event.key === 'Enter' && active >= 0) {
    event.preventDefault();
    takeSuggestion(suggestions[active]);
  } else if (event.key === 'Escape' && !list.hidden) {
    // Escape closes the list, and only that (the box keeps its text).
    event.preventDefault();
    closeSuggestions();
  }
});

list.addEventListener('mousedown', (event) => {
  // mousedown, before the box loses focus; preventDefault keeps the focus in the box.
  const option = event.target.closest('[role=option]');
  if (!option) return;
  event.preventDefault();
  takeSuggestion(suggestions[Number(option.dataset.index)]);
});

input.addEventListener('blur', () => closeSuggestions());
form.addEventListener('submit', () => closeSuggestions());

window.addEventListener('popstate', () => void render());

void render();
if (!readState().q && !readState().article) input.focus();
