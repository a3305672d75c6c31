// The dateline grammar: how agencies, papers and portals open a story or sign it, in one place.
// Every form names its parts (publisher, place, month, day, reporters); stages decide where to
// look for them (./dateline.ts).

/** Publishers name themselves by what they are: 网, 報, 社, 台, 刊, 客户端, 新闻 ... */
const PUB = String.raw`\p{Script=Han}{0,10}?(?:网|網|报|報|社|台|端|刊|闻|聞)`;
/** The paper itself: no name. */
export const OWN_PAPER = /^本(?:报|報|刊|网|網|台|站)$/;
const MD = String.raw`(?:(\d{1,2})月)?(\d{1,2})日`;
const NAMES = String.raw`\p{Script=Han}{2,4}(?:[、,\uFF0C\s]+\p{Script=Han}{2,4}){0,3}`;
const REPORTER = String.raw`(?:实习|實習|特约|特約|首席|全媒体|全媒體)?(?:记者|記者)`;
const OPEN = String.raw`^[(\uFF08〔【\[]?\s*`;
const CLOSE = String.raw`\s*[)\uFF09〕】\]]?`;

export interface Dateline {
  /** The whole match, removed from the text. */
  raw: string;
  source?: string;
  place?: string;
  month?: number;
  day?: number;
  reporters: string[];
}

type Form = { pattern: RegExp; read: (m: RegExpExecArray) => Omit<Dateline, 'raw'> };

const names = (s: string | undefined) => (s ?? '').split(/[、,\uFF0C\s]+/).filter((n) => n !== '');
const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

const FORMS: Form[] = [
  // 中央社記者王揚宇台北9日電: reporter and place run together; names are mostly three characters.
  {
    pattern: new RegExp(
      `${OPEN}(${PUB})${REPORTER}(\\p{Script=Han}{4,7}?)${MD}[电電]${CLOSE}`,
      'u',
    ),
    read: (m) => {
      const run = m[2]!;
      const cut = run.length >= 5 ? 3 : 2;
      return {
        source: m[1],
        reporters: [run.slice(0, cut)],
        place: run.slice(cut),
        month: num(m[3]),
        day: num(m[4]),
      };
    },
  },
  // 新华社北京1月11日电, 新華網倫敦8月12日奧運專電, 中新网6月9日电, 中央社／ 台北1日電.
  {
    pattern: new RegExp(
      `${OPEN}(${PUB})\\s*[／/]?\\s*(\\p{Script=Han}{2,6}?)?${MD}(?:\\p{Script=Han}{0,3}?[专專])?[电電]${CLOSE}`,
      'u',
    ),
    read: (m) => ({
      source: m[1],
      place: m[2],
      month: num(m[3]),
      day: num(m[4]),
      reporters: [],
    }),
  },
  // 鲁网1月31日讯, 映象網訊, 【大公報訊】記者黃山報道:, 【明報專訊】, 本报讯.
  {
    pattern: new RegExp(
      `${OPEN}(${PUB})(?:(\\d{1,2})月(\\d{1,2})日)?[专專]?[讯訊]${CLOSE}(?:\\s*${REPORTER}\\s*(${NAMES})(?:报道|報道|报导|報導)\\s*[:\uFF1A]?)?`,
      'u',
    ),
    read: (m) => ({
      source: m[1],
      month: num(m[2]),
      day: num(m[3]),
      reporters: names(m[4]),
    }),
  },
  // 記者林哲遠／台北報導, 聯合報／ 記者張世傑／台北即時報導, 中國時報 記者魏喬怡/台北報導.
  {
    pattern: new RegExp(
      `${OPEN}(?:(${PUB})\\s*[／/]?\\s*)?${REPORTER}\\s*(${NAMES})\\s*[／/]\\s*(\\p{Script=Han}{2,4}?)(?:即時|即时|綜合|综合)?(?:报道|報道|报导|報導)${CLOSE}`,
      'u',
    ),
    read: (m) => ({ source: m[1], reporters: names(m[2]), place: m[3] }),
  },
  // 央视网消息(新闻联播):
  {
    pattern: new RegExp(
      `^(${PUB})消息\\s*(?:[(\uFF08][^()\uFF08\uFF09]{1,10}[)\uFF09])?\\s*[:\uFF1A]`,
      'u',
    ),
    read: (m) => ({ source: m[1], reporters: [] }),
  },
];

/** A dateline at the start of `text`, or undefined. */
export function parseDateline(text: string): Dateline | undefined {
  for (const { pattern, read } of FORMS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const d: Dateline = { raw: m[0], ...read(m) };
    if (d.source !== undefined && OWN_PAPER.test(d.source)) delete d.source;
    if (d.place === undefined) delete d.place;
    return d;
  }
  return undefined;
}

/** A credit line of its own: who wrote the story, and for whom. */
export interface Credit {
  source?: string;
  reporters: string[];
}

const CREDIT_FORMS: [RegExp, (m: RegExpExecArray) => Credit][] = [
  // 本报记者 李红梅, 澎湃新闻记者 陈斯斯, 四川日报全媒体记者 吴晓铃, 文/本刊记者 陈晓.
  [
    new RegExp(`^(?:文\\s*[/／]\\s*)?(${PUB})?\\s*${REPORTER}\\s*(${NAMES})$`, 'u'),
    (m) => ({ source: m[1], reporters: names(m[2]) }),
  ],
  // 星島日報報道, 中時新聞網 葉德正.
  [new RegExp(`^(${PUB})\\s*(?:报道|報道)$`, 'u'), (m) => ({ source: m[1], reporters: [] })],
  [
    new RegExp(`^(${PUB})\\s+(\\p{Script=Han}{2,3})$`, 'u'),
    (m) => ({ source: m[1], reporters: [m[2]!] }),
  ],
  // 《 人民日报 》( 2021年06月08日 11 版): the print edition the story ran in.
  [
    new RegExp(
      `^《\\s*(${PUB})\\s*》\\s*[(\uFF08]\\s*(?:\\d{4}年\\d{1,2}月\\d{1,2}日)?\\s*\\S{0,4}\\s*版\\s*[)\uFF09]$`,
      'u',
    ),
    (m) => ({ source: m[1], reporters: [] }),
  ],
  // 人民周刊 2020年13期: a magazine's issue, which names no day.
  [
    new RegExp(`^(${PUB})\\s*(?:19|20)\\d{2}\\s*年\\s*第?\\s*\\d{1,2}\\s*期$`, 'u'),
    (m) => ({ source: m[1], reporters: [] }),
  ],
];

/** A whole line that is a credit, or undefined. */
export function parseCredit(text: string): Credit | undefined {
  for (const [pattern, read] of CREDIT_FORMS) {
    const m = pattern.exec(text.trim());
    if (!m) continue;
    const c = read(m);
    if (c.source !== undefined && OWN_PAPER.test(c.source)) delete c.source;
    if (c.source === undefined) delete c.source;
    return c;
  }
  return undefined;
}
