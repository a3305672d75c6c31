// The five seed pages and what a reader finds in them, written down by hand from the files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../src/article';
import { type Draft, draftFromLines } from '../../src/normalize/draft';

export const CORPUS = join(__dirname, '..', '..', 'corpus');

export type SeedName = '000' | '001' | '002' | '003' | '004';

export const SEED_FILES: Record<SeedName, string> = {
  '000': '000_beaf62465669dfcc.txt',
  '001': '001_9118d3cca54a3bb2.txt',
  '002': '002_2b1303eb1e3c31b9.txt',
  '003': '003_07d99d7bd6b1b28a.txt',
  '004': '004_6c03e7c7d2b68c03.txt',
};

export const seedPath = (name: SeedName) => join(CORPUS, SEED_FILES[name]);
export const seedText = (name: SeedName) => readFileSync(seedPath(name), 'utf8');

/** Line `n` (1-based, as `cat -n` shows it) of a seed. */
export function seedLine(name: SeedName, n: number): string {
  const line = seedText(name).split('\n')[n - 1];
  if (line === undefined) throw new Error(`seed ${name} has no line ${n}`);
  return line;
}

/** A draft of the given seed lines, for testing one stage on real input. */
export function seedDraft(name: SeedName, lines: number[], fields: Partial<Draft> = {}): Draft {
  return { ...draftFromLines(lines.map((n) => seedLine(name, n))), ...fields };
}

export interface SeedExpectation {
  /** Lines that are the article's text (body, subheadings, captions). */
  articleLines: number[];
  /** Metadata written inside those lines, which leaves the text (dateline, byline, debris). */
  extracted: string[];
  /** Sentences in the article lines, counted by hand (a line without a sentence end is one). */
  sentences: number;
  /** Lines of chrome, metadata or repeats: none may remain in the article's text. */
  chromeLines: number[];
  article: Partial<Article>;
}

export const SEEDS: Record<SeedName, SeedExpectation> = {
  '000': {
    articleLines: [
      3, 5, 7, 9, 11, 13, 15, 19, 21, 23, 25, 27, 29, 31, 33, 37, 39, 41, 43, 45, 47, 49, 51, 55,
      57, 59, 61,
    ],
    extracted: ['映象網訊(記者 王文凱 通訊員 蔣士勳)'],
    sentences: 46,
    chromeLines: [17, 35, 53, 63, 66, 69],
    article: {
      title: '滎陽:共產黨員成為疫情防控主力軍',
      source: '映象網',
      reporters: ['王文凱'],
      correspondents: ['蔣士勳'],
      editors: [],
      place: '滎陽',
      keywords: [],
      script: 'traditional',
      subheadings: [
        '黨員幹部帶頭織密群防群治網',
        '基層黨組織築起疫情防控“紅色堤壩”',
        '黨員志願者成為防控一線亮麗的風景線',
      ],
      captions: [
        '滎陽在各路段重要出入口設置防疫服務站',
        '劉河鎮全體黨員幹部在請戰書上摁下一個個鮮紅的手印',
        '志願者代表李海霞',
      ],
    },
  },
  '001': {
    articleLines: Array.from({ length: 21 }, (_, i) => i + 1),
    extracted: ['中國新報(bào)訊(通訊員 廖鶴松)'],
    sentences: 57,
    chromeLines: [22, 23, 24],
    article: {
      // The page has no headline: its first line is already the lead paragraph.
      title: '',
      source: '中國新報',
      reporters: [],
      correspondents: ['廖鶴松'],
      editors: [],
      keywords: [],
      script: 'traditional',
      subheadings: [
        '靠前指揮,以身作則,確保防控科學有效',
        '黨員干部,沖鋒在前,戰斗堡壘作用突顯',
        '群眾響應,群防群治,打好防控人民戰爭',
      ],
      captions: [
        '漣源市委書記謝學龍(右二)在七星街鎮七星社區督查指導新型冠狀病毒感染的肺炎疫情防控工作。',
        '1月30日,廣東漣源經促會易洪波、李作平、楊國峰向漣源市紅十字會捐贈醫用口罩共計25000只,漣源市委副書記、市長劉杰(右二)向愛心企業和個人頒發了捐贈證書。',
        '石馬山鎮川門村退休老校長、老黨員聶如良同志在家用紅紙書寫疫情防控宣傳標語,在全村張貼,并用自備小喇叭,在村里宣傳防疫知識。',
      ],
    },
  },
  '002': {
    articleLines: [17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41],
    extracted: ['(河南日报客户端记者 卢松 通讯员 赵君明 陆梦娇)'],
    sentences: 43,
    chromeLines: [1, 3, 5, 6, 7, 9, 13, 14, 15, 43, 44, 45, 46],
    article: {
      title: '同心战"疫" 漯河静谧街道流动着亮眼"党旗红"',
      published_at: '2022-04-20T14:06:00+08:00',
      source: '河南日报客户端',
      reporters: ['卢松'],
      correspondents: ['赵君明', '陆梦娇'],
      editors: ['李新贺'],
      keywords: [],
      script: 'simplified',
      subheadings: ['冲在前,组成党员先锋队', '做在前,化身志愿服务红', '走在前,建强防控小网格'],
      captions: [],
    },
  },
  '003': {
    articleLines: Array.from({ length: 19 }, (_, i) => 7 + 2 * i),
    extracted: ['(陆建斌 \u00a0李修朝 \u00a0武海鸣)'],
    sentences: 51,
    chromeLines: [1, 5, 45, 47, 49, 51, 53, 55, 57, 59, 61, 63, 65],
    article: {
      title: '新乡市平原示范区:汇聚群防能量 筑牢群控屏障',
      published_at: '2022-04-22T14:36:26+08:00',
      source: '映象网',
      reporters: ['陆建斌', '李修朝', '武海鸣'],
      correspondents: [],
      editors: ['高御'],
      place: '新乡市平原示范区',
      keywords: ['新乡', '疫情防控', '党员'],
      script: 'simplified',
      // Its section leads are full sentences ("一处卡点就是一道屏障...。"): body text.
      subheadings: [],
      captions: [],
    },
  },
  '004': {
    articleLines: Array.from({ length: 20 }, (_, i) => i + 2),
    extracted: ['鲁网1月31日讯(记者 连峰 通讯员 商贺)', '?!?/span>'],
    sentences: 44,
    chromeLines: [22, 23, 24, 25, 26, 27, 28, 29, 30, 31],
    article: {
      title: '这就是山东|阳谷:逆风飞扬党旗飘 众志成城“战”疫情',
      published_at: '2020-01-31T00:00:00+08:00',
      source: '鲁网',
      reporters: ['连峰'],
      correspondents: ['商贺'],
      editors: [],
      place: '阳谷',
      keywords: [],
      script: 'simplified',
      subheadings: [
        '出征号角吹响,冲锋战鼓擂起',
        '疫情就是军情,落实就是铁纪',
        '榜样带头领跑,群众不甘其后',
      ],
      captions: [],
    },
  },
};

export const SEED_NAMES = Object.keys(SEEDS) as SeedName[];

const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g;

/** Spacing folded, so "陆建斌  李修朝" and "陆建斌 李修朝" compare equal. */
export const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** The article's sentences, split after sentence ends (and the quotes closing them). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。!?!?…])(?![。!?!?…”’」』])|(?<=[。!?!?…][”’」』])/)
    .map(squash)
    .filter(Boolean);
}

/** The sentences a reader finds in a seed's article lines, metadata and pinyin taken out. */
export function expectedSentences(name: SeedName): string[] {
  const { articleLines, extracted } = SEEDS[name];
  return articleLines.flatMap((n) => {
    let line = seedLine(name, n);
    for (const e of extracted) line = line.replace(e, '');
    return sentences(line.replace(PINYIN, ''));
  });
}

/** Everything of the article a search would see. */
export function articleText(a: Article): string {
  return squash([a.title, ...a.body, ...a.subheadings, ...a.captions].join('\n'));
}
