// The generalization set: pages written here on the layouts of real outlets (never copied from
// a site), each with what a reader finds in it. A page file is a header of expectations, a line
// "===", then the page's lines, each marked with what it is:
//   "~ text"   chrome or a metadata line: nothing of it may stay in the article's text;
//   "# text"   the headline line;
//   "@ text"   a photo caption: its text is kept, as a caption;
//   "text"     article text; "{...}" inside marks metadata written into it (a dateline, a
//              byline) that must leave the text.
// Header values are separated by spaces; "-" means the page does not give the field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PAGES_DIR = join(__dirname, 'pages');
export const SPLITS = ['tune', 'held-out'] as const;
export type Split = (typeof SPLITS)[number];

export interface Expected {
  title: string;
  /** YYYY-MM-DD, or '' when the page gives no full date. */
  date: string;
  source: string;
  place: string;
  reporters: string[];
  editors: string[];
}

export interface Page {
  /** "tune/01-xinhua-a". */
  name: string;
  split: Split;
  /** The outlet whose layout the page follows; pages of one outlet share a folder. */
  outlet: string;
  layout: string;
  expected: Expected;
  /** The page as a scraper saves it: the lines without their marks and braces. */
  text: string;
  /** Article lines with the marked metadata taken out. */
  articleLines: string[];
  captionLines: string[];
  /** Chrome lines and the metadata fragments marked inside article lines. */
  chrome: string[];
}

const FIELDS = ['outlet', 'layout', 'title', 'date', 'source', 'place', 'reporters', 'editors'];

export function parsePage(name: string, split: Split, file: string): Page {
  const [head, body] = file.split(/^===$/m);
  if (head === undefined || body === undefined) throw new Error(`${name}: no "===" line`);
  const header = new Map<string, string>();
  for (const line of head.split('\n').filter((l) => l.trim() !== '')) {
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m || !FIELDS.includes(m[1]!)) throw new Error(`${name}: bad header line "${line}"`);
    header.set(m[1]!, m[2]!.trim());
  }
  const field = (key: string) => {
    const v = header.get(key);
    if (v === undefined) throw new Error(`${name}: no "${key}" in the header`);
    return v === '-' ? '' : v;
  };
  const list = (key: string) => field(key).split(/\s+/).filter(Boolean);
  const date = field('date');
  if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`${name}: bad date`);

  const text: string[] = [];
  const articleLines: string[] = [];
  const captionLines: string[] = [];
  const chrome: string[] = [];
  for (const line of body.split('\n').filter((l) => l.trim() !== '')) {
    const mark = /^([~#@]) /.exec(line)?.[1];
    const content = mark ? line.slice(2) : line;
    text.push(content.replace(/[{}]/g, ''));
    if (mark === '~') chrome.push(content);
    else if (mark === '@') captionLines.push(content);
    else if (mark === undefined) {
      for (const m of content.matchAll(/\{([^}]*)\}/g)) chrome.push(m[1]!);
      articleLines.push(content.replace(/\{[^}]*\}/g, '').trim());
    }
  }
  return {
    name: `${split}/${name}`,
    split,
    outlet: field('outlet'),
    layout: field('layout'),
    expected: {
      title: field('title'),
      date,
      source: field('source'),
      place: field('place'),
      reporters: list('reporters'),
      editors: list('editors'),
    },
    text: text.join('\n') + '\n',
    articleLines,
    captionLines,
    chrome,
  };
}

/** Every page of the set, or of one split, in name order. */
export function loadPages(splits: readonly Split[] = SPLITS): Page[] {
  return splits.flatMap((split) =>
    readdirSync(join(PAGES_DIR, split))
      .filter((f) => f.endsWith('.page'))
      .sort()
      .map((f) =>
        parsePage(f.replace(/\.page$/, ''), split, readFileSync(join(PAGES_DIR, split, f), 'utf8')),
      ),
  );
}
