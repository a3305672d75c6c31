// HTML pages: Readability finds the main text on a jsdom DOM; its blocks become draft lines.
import { Readability } from '@mozilla/readability';
import type * as Jsdom from 'jsdom';
import type { Block, BlockKind } from './draft';
import { paragraph } from './draft';

const BLOCK_TAGS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 ' +
    'HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH TR UL'
  ).split(' '),
);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function kindOf(tag: string): BlockKind {
  if (tag === 'FIGCAPTION') return 'caption';
  if (/^H[2-6]$/.test(tag)) return 'subheading';
  return 'paragraph';
}

/** The text of a DOM subtree as lines, one per block element or <br>, with each line's kind. */
export function domBlocks(root: Node): Block[] {
  const blocks: Block[] = [];
  let line = '';
  let kind: BlockKind = 'paragraph';
  const flush = () => {
    if (line.trim() !== '') blocks.push({ text: line.trim(), kind });
    line = '';
  };
  const walk = (node: Node, inherited: BlockKind) => {
    if (node.nodeType === node.TEXT_NODE) {
      if (line.trim() === '') kind = inherited;
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') return flush();
    const block = BLOCK_TAGS.has(tag);
    const own = block && kindOf(tag) !== 'paragraph' ? kindOf(tag) : inherited;
    if (block) flush();
    node.childNodes.forEach((child) => walk(child, own));
    if (block) flush();
  };
  walk(root, 'paragraph');
  flush();
  return blocks;
}

/**
 * jsdom, loaded on the first HTML page: it adds about 65 MiB to a process, which an indexer
 * reading text and JSON-lines files has no use for.
 */
let loaded: typeof Jsdom | undefined;
function jsdom(): typeof Jsdom {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('jsdom') as typeof Jsdom;
  return loaded;
}

/**
 * The article of an HTML page as lines: its title, then the blocks of the main text that
 * Readability chose (or of the whole body when it finds none).
 */
export function htmlToBlocks(html: string): Block[] {
  const { document } = new (jsdom().JSDOM)(html).window;
  const fallbackTitle = document.title;
  const headings = [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? '');
  const parsed = new Readability<Node>(document.cloneNode(true) as Document, {
    serializer: (node) => node,
    charThreshold: 100,
  }).parse();
  let title = (parsed?.title ?? fallbackTitle ?? '').trim();
  // Page titles carry the site's name ("标题_映象网"); the page's one headline does not.
  const [headline] = headings;
  if (headings.length === 1 && headline && headline !== title && title.includes(headline)) {
    title = headline;
  }
  const content = parsed?.content ?? document.body;
  const blocks = content ? domBlocks(content) : [];
  return title !== '' ? [paragraph(title), ...blocks] : blocks;
}
