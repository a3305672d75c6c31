// All five seeds through the whole pipeline: metadata, chrome gone, every sentence kept.
import type { Article } from '../article';
import { normalizeFile, normalizeText } from './normalizer';
import {
  SEED_EXPECTATIONS,
  SEED_NAMES,
  type SeedName,
  articleText,
  expectedSentences,
  seedLine,
  seedPath,
  seedText,
  squash,
} from '../../tests/fixtures/seeds';

const articles = new Map<SeedName, Article>();

beforeAll(async () => {
  for (const name of SEED_NAMES) {
    const result = await normalizeFile(seedPath(name));
    expect(result.error).toBeUndefined();
    expect(result.articles).toHaveLength(1);
    articles.set(name, result.articles[0]!);
  }
});

const article = (name: SeedName) => articles.get(name)!;

describe.each(SEED_NAMES)('seed %s', (name) => {
  const expected = SEED_EXPECTATIONS[name];

  it('has the title, date, source, people, place, keywords and script a reader finds', () => {
    const a = article(name);
    for (const [field, value] of Object.entries(expected.article)) {
      expect([field, a[field as keyof Article]]).toEqual([field, value]);
    }
    if (!('published_at' in expected.article)) expect(a.published_at).toBeUndefined();
    if (!('place' in expected.article)) expect(a.place).toBeUndefined();
  });

  it(`keeps all ${expected.sentences} sentences of the article`, () => {
    const want = expectedSentences(name);
    expect(want).toHaveLength(expected.sentences);
    const text = articleText(article(name));
    const lost = want.filter((s) => !text.includes(s));
    expect(lost).toEqual([]);
  });

  it('keeps no chrome, metadata line or repeated headline in the text', () => {
    const a = article(name);
    const text = [...a.body, ...a.subheadings, ...a.captions].map(squash).join('\n');
    for (const n of expected.chromeLines) {
      const line = squash(seedLine(name, n).replace(/^\s*[•-]\s+/, ''));
      expect([n, text.includes(line)]).toEqual([n, false]);
    }
  });

  it('keeps no pinyin annotation, e-mail placeholder, tag or entity', () => {
    const text = articleText(article(name));
    expect(text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/);
    expect(text).not.toMatch(/\[email|protected\]/);
    expect(text).not.toMatch(/<\/?[a-z]|\/span>|&[a-z]+;|\ufffd/);
  });

  it('records what it removed, by stage', () => {
    const a = article(name);
    expect(a.removed.length).toBeGreaterThan(0);
    for (const r of a.removed) {
      expect(r.stage).toMatch(/^[a-z][A-Za-z]+$/);
      expect(r.text.trim()).not.toBe('');
    }
  });

  it('starts the body with the lead, its dateline and byline taken out', () => {
    const first = article(name).body[0]!;
    expect(first).not.toMatch(/^[((]|[讯訊][((]/);
  });
});

describe('full-width punctuation', () => {
  // The seeds print ASCII , : ( ) ! ? ; where most pages print their full-width forms.
  const ascii = ',:()!?;';
  const full = '\uFF0C\uFF1A\uFF08\uFF09\uFF01\uFF1F\uFF1B';
  const swap = (s: string, from: string, to: string) =>
    [...s].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)]! : ch)).join('');

  it.each(SEED_NAMES)('gives seed %s the same article', (name) => {
    // Mojibake stays ASCII: it is what a lossy conversion wrote (seed 004's ?!?/span>).
    const text = swap(seedText(name), ascii, full).replace(swap('?!?/', ascii, full), '?!?/');
    const result = normalizeText(text, seedPath(name));
    const back = JSON.parse(swap(JSON.stringify(result.article), full, ascii)) as Article;
    // The id and the removal log follow the text, punctuation included; the rest must not.
    const comparable = (a: Article) => ({ ...a, id: '', removed: [] });
    expect(comparable(back)).toEqual(comparable(article(name)));
  });
});

describe('dates', () => {
  it('reads the explicit date and time of 002 and 003', () => {
    expect(article('002').date).toEqual({
      iso: '2022-04-20T14:06:00+08:00',
      year: 2022,
      month: 4,
      day: 20,
      evidence: 'explicit',
      raw: '2022年04月20日 14:06',
    });
    expect(article('003').date?.raw).toBe('2022-04-22 14:36:26');
  });

  it('takes the year of 004 from the one year its text names, and says so', () => {
    expect(article('004').date).toEqual({
      iso: '2020-01-31T00:00:00+08:00',
      year: 2020,
      month: 1,
      day: 31,
      evidence: 'inferred-year',
      raw: '鲁网1月31日讯',
      year_raw: '2020年春节',
    });
  });

  it('invents no date for 000 and 001, whose pages give none', () => {
    expect(article('000').date).toBeUndefined();
    expect(article('001').date).toBeUndefined();
  });
});

describe('ids', () => {
  it('are distinct, and the same on a second run', async () => {
    const ids = SEED_NAMES.map((n) => article(n).id);
    expect(new Set(ids).size).toBe(5);
    const again = await normalizeFile(seedPath('000'));
    expect(again.articles[0]!.id).toBe(article('000').id);
  });
});
