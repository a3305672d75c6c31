// The stories evaluation set: real articles (the seeds, long poems of chinese-poetry) and the
// copies other outlets would run of them, generated from a fixed seed. Pure but for the random
// generator it is handed: the same seed gives the same set.
import * as OpenCC from 'opencc-js';
import type { Article } from '../../src/article';
import { articleId } from '../../src/normalize/to-article';
import { randomInt } from './random';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** What a generated copy changes; `original` is the article as read. */
export const VARIANT_KINDS = [
  'script',
  'chrome',
  'drop',
  'add',
  'reorder',
  'edits',
  'combined',
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export interface EvalArticle {
  article: Article;
  /** The true story: the key of the original this is a copy of (or is). */
  group: string;
  kind: VariantKind | 'original';
}

/** Outlets that run the copies, one per copy so that every copy is its own article. */
export const OUTLETS = [
  '大河网',
  '鲁网',
  '中国新闻网',
  '人民网',
  '新华网',
  '澎湃新闻',
  '中央廣播電臺',
  '香港文匯網',
  '齊魯晚報',
  '東方網',
] as const;

/** Another outlet's header and footer as normalization may leave them: a dateline line and a
 * credits line, in the outlet's own words. */
function chromeOf(outlet: string, random: () => number): { header: string; footer: string } {
  const editors = ['张伟', '李娜', '王芳', '陈静', '刘洋'];
  const editor = editors[randomInt(random, 0, editors.length - 1)]!;
  return {
    header: `${outlet}讯（记者 ${editor}）据${outlet}消息`,
    footer: `来源：${outlet}\u3000责任编辑：${editor}\u3000【版权声明】转载请注明出处，欢迎关注${outlet}客户端。`,
  };
}

const convert = (article: Article, to: 'simplified' | 'traditional'): Article => {
  const c = to === 'simplified' ? toSimplified : toTraditional;
  return {
    ...article,
    title: c(article.title),
    body: article.body.map(c),
    subheadings: article.subheadings.map(c),
    script: to,
  };
};

/** Light edits: about one character in 150 (at least two) replaced, deleted or inserted, as
 * an editor's corrections or a typo would. */
export function lightlyEdit(paragraphs: string[], random: () => number): string[] {
  const out = paragraphs.map((p) => Array.from(p));
  const total = out.reduce((n, p) => n + p.length, 0);
  const edits = Math.max(2, Math.round(total / 150));
  const pool = out.flat();
  for (let e = 0; e < edits; e++) {
    const p = out[randomInt(random, 0, out.length - 1)]!;
    if (p.length < 2) continue;
    const at = randomInt(random, 0, p.length - 1);
    const other = pool[randomInt(random, 0, pool.length - 1)]!;
    const op = randomInt(random, 0, 2);
    if (op === 0) p[at] = other;
    else if (op === 1) p.splice(at, 1);
    else p.splice(at, 0, other);
  }
  return out.map((p) => p.join(''));
}

function withBody(article: Article, body: string[], outlet: string, kind: string): Article {
  const copy: Article = { ...article, body, source: outlet, path: `${article.path}#${kind}` };
  return { ...copy, id: articleId(copy) };
}

/** A copy of `original` by `outlet`; `other` lends a paragraph for 'add'. */
export function makeVariant(
  kind: VariantKind,
  original: Article,
  outlet: string,
  other: Article,
  random: () => number,
): Article {
  const body = [...original.body];
  const pick = () => randomInt(random, 0, body.length - 1);
  switch (kind) {
    case 'script': {
      const to = original.script === 'simplified' ? 'traditional' : 'simplified';
      return withBody(convert(original, to), convert(original, to).body, outlet, kind);
    }
    case 'chrome': {
      const { header, footer } = chromeOf(outlet, random);
      return withBody(original, [header, ...body, footer], outlet, kind);
    }
    case 'drop':
      if (body.length > 2) body.splice(pick(), 1);
      return withBody(original, body, outlet, kind);
    case 'add': {
      const lent = other.body[randomInt(random, 0, other.body.length - 1)]!;
      body.splice(randomInt(random, 0, body.length), 0, lent);
      return withBody(original, body, outlet, kind);
    }
    case 'reorder': {
      const [moved] = body.splice(pick(), 1);
      body.splice(randomInt(random, 0, body.length), 0, moved!);
      if (body.every((p, i) => p === original.body[i]) && body.length > 1) body.reverse();
      return withBody(original, body, outlet, kind);
    }
    case 'edits':
      return withBody(original, lightlyEdit(body, random), outlet, kind);
    case 'combined': {
      // Everything at once: converted, another outlet's chrome, a paragraph dropped, edited.
      const converted = convert(
        original,
        original.script === 'simplified' ? 'traditional' : 'simplified',
      );
      const b = [...converted.body];
      if (b.length > 2) b.splice(randomInt(random, 0, b.length - 1), 1);
      const { header, footer } = chromeOf(outlet, random);
      return withBody(converted, [header, ...lightlyEdit(b, random), footer], outlet, kind);
    }
  }
}

/**
 * A follow-up: a different story that opens with the original's lead paragraph and goes on
 * with the text of `other`, an article in no group. A near miss: it shares a paragraph with
 * the original and must stay apart.
 */
export function followUp(original: Article, other: Article, outlet: string): Article {
  return withBody(
    { ...original, title: other.title },
    [original.body[0]!, ...other.body],
    outlet,
    'follow-up',
  );
}

/** The originals, each with one copy of every kind by a different outlet. */
export function generateSet(originals: Article[], random: () => number): EvalArticle[] {
  const out: EvalArticle[] = [];
  originals.forEach((original, i) => {
    out.push({ article: original, group: original.id, kind: 'original' });
    const other =
      originals[(i + 1 + randomInt(random, 0, originals.length - 2)) % originals.length]!;
    VARIANT_KINDS.forEach((kind, k) => {
      const outlet = OUTLETS[(i + k) % OUTLETS.length]!;
      out.push({
        article: makeVariant(kind, original, outlet, other, random),
        group: original.id,
        kind,
      });
    });
  });
  return out;
}

export interface PairCounts {
  /** Pairs in one true story. */
  truePairs: number;
  /** Pairs given one story id. */
  predictedPairs: number;
  /** Pairs both. */
  bothPairs: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/** Pairwise counts from each article's true group and predicted story. */
export function pairCounts(items: { group: string; story: string }[]): PairCounts {
  const count = (key: (x: { group: string; story: string }) => string) => {
    const sizes = new Map<string, number>();
    for (const item of items) sizes.set(key(item), (sizes.get(key(item)) ?? 0) + 1);
    return [...sizes.values()].reduce((n, s) => n + pairs(s), 0);
  };
  return {
    truePairs: count((x) => x.group),
    predictedPairs: count((x) => x.story),
    bothPairs: count((x) => `${x.group}\n${x.story}`),
  };
}

export function precisionRecall(c: PairCounts): { precision: number; recall: number } {
  return {
    precision: c.predictedPairs === 0 ? 1 : c.bothPairs / c.predictedPairs,
    recall: c.truePairs === 0 ? 1 : c.bothPairs / c.truePairs,
  };
}
