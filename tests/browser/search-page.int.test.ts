// The search page in a real browser: Debian's Chromium driven by playwright-core, against
// the real API app on a free port and the run's Elasticsearch, holding the corpus/ seeds
// indexed by the real indexer. Screenshots go to artifacts/browser/ (git-ignored).
import type { Client } from '@elastic/elasticsearch';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from '../../src/config';
import { runIndexer } from '../../src/indexer/indexer';
import { createApp } from '../../src/server/app';
import { testClient, testIndexName } from '../support/es';

const CHROMIUM = '/usr/bin/chromium';
// From the machine notes: without the background-networking flags Chromium keeps trying
// hosts this closed network refuses.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = join(ROOT, 'artifacts', 'browser');

let client: Client;
let alias: string;
let server: Server;
let base: string;
let profile: string;
let browser: BrowserContext;
let page: Page;
/** Every URL the page requested, to show that nothing comes from outside the machine. */
const requested: string[] = [];

beforeAll(async () => {
  client = testClient();
  alias = testIndexName('browser');
  const report = await runIndexer({ client, alias, paths: [join(ROOT, 'corpus')] });
  expect(report.failures).toEqual([]);
  expect(report.indexed).toBe(5);

  const app = createApp({ client, index: alias });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A fresh profile per run (launchPersistentContext is how playwright takes one).
  profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('request', (req) => requested.push(req.url()));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (client && alias) {
    const indices = Object.keys(await client.indices.getAlias({ name: alias }).catch(() => ({})));
    if (indices.length > 0) await client.indices.delete({ index: indices });
  }
  await client?.close();
});

/** Waits until the page has rendered the answer to its last request. */
async function settled(): Promise<void> {
  await page.waitForSelector('main:not([aria-busy])');
}

async function open(path: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await settled();
}

const hitTitles = () => page.locator('#results .hit h2').allInnerTexts();
const marks = () => page.locator('#results .fragment mark').allInnerTexts();
const fragments = () => page.locator('#results .fragment').allInnerTexts();

test('a query typed from the keyboard shows results with highlighted fragments', async () => {
  await open('/');
  expect(await page.locator('#results .hit').count()).toBe(5);
  await page.locator('#status').click();
  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
  await page.keyboard.type('郑凯');
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=/);
  await settled();

  expect(await hitTitles()).toEqual(['滎陽:共產黨員成為疫情防控主力軍']);
  const highlighted = await marks();
  expect(highlighted.length).toBeGreaterThan(0);
  expect(new Set(highlighted)).toEqual(new Set(['鄭凱']));
  expect(await page.locator('#status').innerText()).toContain('共 1 条结果');
});

test('a facet filter narrows the results', async () => {
  await open('/?q=疫情');
  const before = await hitTitles();
  expect(before.length).toBeGreaterThan(1);
  await page.screenshot({ path: join(SCREENSHOTS, 'search-results.png'), fullPage: true });

  // 映象網 (seed 000) and 映象网 (seed 003) are one source, listed folded to Simplified.
  expect(await page.getByRole('checkbox', { name: /映象網/ }).count()).toBe(0);
  // From the keyboard: focus the checkbox, toggle it with Space.
  const facet = page.getByRole('checkbox', { name: /映象网/ });
  await facet.focus();
  await page.keyboard.press('Space');
  await page.waitForURL(/source=/);
  await settled();

  const after = await hitTitles();
  expect(after).toHaveLength(2);
  expect(after.length).toBeLessThan(before.length);
  const sources = (await page.locator('#results .hit .meta').allInnerTexts()).map(
    (meta) => /映象[網网]/.exec(meta)?.[0],
  );
  expect(new Set(sources)).toEqual(new Set(['映象網', '映象网']));
  // The re-rendered facet keeps its state and the keyboard focus.
  expect(await page.getByRole('checkbox', { name: /映象网/ }).isChecked()).toBe(true);
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
    '映象网',
  );
});

test('facet labels follow the 简/繁 switch, the filter stays the same', async () => {
  await open('/?q=疫情&source=映象网&script=traditional');
  const facet = page.getByRole('checkbox', { name: /映象網/ });
  expect(await facet.isChecked()).toBe(true);
  expect(await facet.getAttribute('value')).toBe('映象网');
  expect(await hitTitles()).toHaveLength(2);
});

test('the 简/繁 switch changes the script of titles and fragments', async () => {
  await open('/?q=郑凯');
  expect(await marks()).toContain('鄭凱');
  expect((await fragments()).join('')).toMatch(/[鄭滎陽]/);

  await page.getByRole('radio', { name: '简' }).check();
  await page.waitForURL(/script=simplified/);
  await settled();
  expect(new Set(await marks())).toEqual(new Set(['郑凯']));
  expect((await fragments()).join('')).not.toMatch(/[鄭滎陽]/);
  expect(await hitTitles()).toEqual(['荥阳:共产党员成为疫情防控主力军']);

  // And the other way: an article written in Simplified, shown in Traditional.
  await open('/?q=阳谷');
  expect((await fragments()).join('')).toContain('阳谷');
  await page.getByRole('radio', { name: '繁' }).check();
  await page.waitForURL(/script=traditional/);
  await settled();
  const traditional = (await fragments()).join('');
  expect(traditional).toContain('陽谷');
  expect(traditional).not.toContain('阳谷');
});

test('a result opens the article view, and Escape returns to the results', async () => {
  await open('/?q=郑凯');
  await page.locator('#results .hit h2 a').first().click();
  await page.waitForURL(/article=/);
  await settled();

  const article = page.locator('#article');
  expect(await article.isVisible()).toBe(true);
  expect(await page.locator('#results').isVisible()).toBe(false);
  expect(await article.locator('h2').innerText()).toBe('滎陽:共產黨員成為疫情防控主力軍');
  expect(await article.locator('.meta').first().innerText()).toContain('映象網');
  expect(await article.locator('p').allInnerTexts()).toEqual(
    expect.arrayContaining([expect.stringContaining('鄭凱駕車前往防疫服務站')]),
  );
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('article');
  await page.screenshot({ path: join(SCREENSHOTS, 'article.png') });

  await page.keyboard.press('Escape');
  await page.waitForURL((url) => !url.searchParams.has('article'));
  await settled();
  expect(await hitTitles()).toEqual(['滎陽:共產黨員成為疫情防控主力軍']);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-article'))).toEqual(
    expect.any(String),
  );
});

test('paging moves through the results', async () => {
  await open('/?q=疫情&size=2');
  const total = Number(/共 (\d+) 条/.exec(await page.locator('#status').innerText())?.[1]);
  expect(total).toBeGreaterThan(2);
  const pages = Math.ceil(total / 2);
  expect(await page.locator('#pager').innerText()).toContain(`第 1 / ${pages} 页`);
  const first = await hitTitles();

  await page.getByRole('link', { name: /下一页/ }).click();
  await page.waitForURL(/page=2/);
  await settled();
  expect(await page.locator('#pager').innerText()).toContain(`第 2 / ${pages} 页`);
  const second = await hitTitles();
  expect(second).toHaveLength(2);
  expect(second.filter((title) => first.includes(title))).toEqual([]);

  await page.goBack();
  await settled();
  expect(await hitTitles()).toEqual(first);
});

test('the page loads nothing from outside this server', () => {
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.filter((url) => !url.startsWith(base) && !url.startsWith('data:'))).toEqual([]);
});

describe('as a journalist uses it', () => {
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');

  test('typing 郑 offers 郑凯 (named in a Traditional article), by keyboard', async () => {
    await open('/');
    await page.locator('#q').focus();
    await page.keyboard.type('郑');
    const option = page.getByRole('option', { name: /郑凯/ });
    await option.waitFor();
    expect(await page.locator('#q').getAttribute('aria-expanded')).toBe('true');
    expect(await option.innerText()).toContain('人物');
    await page.screenshot({ path: join(SCREENSHOTS, 'suggestions-zheng.png') });
    // Arrows move through the list; Enter filters by the person.
    const options = await page.getByRole('option').allInnerTexts();
    const index = options.findIndex((o) => o.includes('郑凯'));
    for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#q').getAttribute('aria-activedescendant')).toBe(
      `suggestion-${index}`,
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/people=/);
    await settled();
    expect(await hitTitles()).toEqual(['滎陽:共產黨員成為疫情防控主力軍']);
    expect(await page.getByRole('checkbox', { name: /郑凯/ }).isChecked()).toBe(true);
  });

  test('two sources ticked combine, the others stay listed, and clear all removes them', async () => {
    await open('/?q=疫情');
    await page.getByRole('checkbox', { name: /映象网/ }).check();
    await page.waitForURL(/source=/);
    await settled();
    await page.getByRole('checkbox', { name: /鲁网/ }).check();
    await page.waitForURL((url) => url.searchParams.getAll('source').length === 2);
    await settled();
    expect(await hitTitles()).toHaveLength(3);
    // Every other source is still there to add.
    expect(await page.locator('#facets fieldset').first().locator('input').count()).toBe(4);
    expect(await page.getByRole('checkbox', { name: /河南日报客户端/ }).isChecked()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'two-sources.png'), fullPage: true });
    await page.getByRole('button', { name: '清除全部筛选' }).click();
    await page.waitForURL((url) => !url.searchParams.has('source'));
    await settled();
    expect(await hitTitles()).toHaveLength(5);
  });

  test('the article view marks the query, takes the title, scrolls to it; back adds no step', async () => {
    await open('/');
    await open('/?q=郑凯');
    await page.locator('#results .hit h2 a').first().click();
    await page.waitForURL(/article=/);
    await settled();
    const marks = page.locator('#article p mark');
    expect(await marks.allInnerTexts()).toEqual(Array(9).fill('鄭凱'));
    expect(await page.title()).toBe('滎陽:共產黨員成為疫情防控主力軍 - 新闻检索');
    expect(await marks.first().isVisible()).toBe(true);
    const box = await marks.first().boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await page.screenshot({ path: join(SCREENSHOTS, 'article-marks.png') });

    // In Simplified the marks follow the conversion.
    await page.getByRole('radio', { name: '简' }).check();
    await page.waitForURL(/script=simplified/);
    await settled();
    expect(new Set(await marks.allInnerTexts())).toEqual(new Set(['郑凯']));
    await page.goBack();
    await settled();

    const before = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: /返回结果/ }).click();
    await page.waitForURL((url) => !url.searchParams.has('article'));
    await settled();
    expect(await page.evaluate(() => history.length)).toBe(before);
    // Back from the results goes to the page before the search, not to the article again.
    await page.goBack();
    await settled();
    expect(new URL(page.url()).searchParams.has('article')).toBe(false);
  });

  test('on a phone (390 px) the first result is in view after a search; filters behind a button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open('/');
      await page.locator('#q').fill('疫情');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=/);
      await settled();
      const first = await page.locator('#results .hit').first().boundingBox();
      expect(first!.y + 40).toBeLessThan(844);
      expect(await page.locator('#facets').isVisible()).toBe(false);
      await page.screenshot({ path: join(SCREENSHOTS, 'phone-after-search.png') });
      const toggle = page.getByRole('button', { name: '筛选' });
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await page.locator('#facets').isVisible()).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  test('a failed request clears the old results and says why in Chinese, with a way back', async () => {
    await open('/?q=郑凯');
    expect(await hitTitles()).toHaveLength(1);
    await page.locator('#q').fill('*');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=\*/);
    await settled();
    const error = page.locator('#error');
    expect(await error.isVisible()).toBe(true);
    expect(await error.innerText()).toContain('没有可以搜索的文字');
    expect(await page.locator('#results .hit').count()).toBe(0);
    expect(await page.locator('#status').innerText()).toBe('');
    await page.screenshot({ path: join(SCREENSHOTS, 'error-state.png') });

    await open('/?article=no-such-article');
    expect(await error.innerText()).toContain('找不到这篇文章');
    expect(await error.getByRole('link', { name: /返回结果/ }).count()).toBe(1);

    await open('/?q=疫情&page=99');
    expect(await page.getByRole('link', { name: '回到第 1 页' }).count()).toBe(1);
  });

  test('the box stops at the query limit and says so', async () => {
    await open('/');
    await page.locator('#q').fill('疫'.repeat(600));
    expect((await page.locator('#q').inputValue()).length).toBe(500);
    await page.locator('#q').press('End');
    await page.keyboard.type('情');
    expect(await page.locator('#q-limit').innerText()).toContain('500');
  });

  test('Chinese keyboard input: full-width minus excludes, lower-case or combines', async () => {
    await open(`/?q=${encodeURIComponent('疫 －漯河')}`);
    expect(await hitTitles()).toHaveLength(4);
    await open(`/?q=${encodeURIComponent('漣源 or 阳谷')}`);
    expect(await hitTitles()).toHaveLength(2);
  });

  test('繁 covers names, bylines, facet labels and the page text; undated and untitled marked', async () => {
    await open('/?q=阳谷&script=traditional');
    expect(await page.locator('#results .hit .meta').first().innerText()).toContain('魯網');
    expect(await page.locator('#facets legend').allInnerTexts()).toEqual(
      expect.arrayContaining(['來源', '地點']),
    );
    expect(await page.locator('#status').innerText()).toContain('條結果');
    await open('/?q=疫&sort=newest');
    expect(await page.locator('#results').innerText()).toContain('日期不详');
    expect(await page.locator('#results a.untitled').count()).toBe(1);
    expect(await page.locator('#sort option[value=newest]').innerText()).toContain('无日期');
  });

  test('keyboard: the skip link moves focus, / works from a filter, Escape does one thing', async () => {
    await open('/?q=疫情');
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip');
    await page.keyboard.press('Enter');
    expect(await activeId()).toBe('main');

    await page.getByRole('checkbox', { name: /映象网/ }).focus();
    await page.keyboard.press('/');
    expect(await activeId()).toBe('q');
    await page.getByRole('radio', { name: '繁' }).focus();
    await page.keyboard.press('/');
    expect(await activeId()).toBe('q');

    // In the article view, Escape in the search box is the box's; elsewhere it goes back.
    await page.locator('#results .hit h2 a').first().click();
    await page.waitForURL(/article=/);
    await settled();
    await page.locator('#q').focus();
    await page.keyboard.press('Escape');
    expect(new URL(page.url()).searchParams.has('article')).toBe(true);
    await page.locator('#article').focus();
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('article'));
  });
});
