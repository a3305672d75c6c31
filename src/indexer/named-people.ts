// People an article names, found by the way Chinese news introduces them: a post or a form of
// address right before the name (科長鄭凱, 市委書記宋書傑, 市長王效光), the name a common
// surname and one or two more characters. Pure. A rule, not a model: it misses people named
// without a title and may cut a name short, but what it finds is a name the text gives.
import { foldKeyword } from '../search/fold';

/** Posts that stand before a name (Simplified: matched on folded text). Only posts: words
 * like 党员 or 村民 are followed by verbs (党员包户) as often as by names. */
const TITLES = [
  '书记',
  '市长',
  '县长',
  '区长',
  '镇长',
  '乡长',
  '村长',
  '省长',
  '州长',
  '主席',
  '总理',
  '部长',
  '厅长',
  '局长',
  '处长',
  '科长',
  '主任',
  '院长',
  '校长',
  '所长',
  '站长',
  '队长',
  '社长',
  '台长',
  '总编',
  '经理',
  '董事长',
  '总裁',
  '负责人',
  '发言人',
  '教授',
];

/** Characters that follow a name and start the rest of the clause (说, 在, 担任, 出席...):
 * they end a name, and given names seldom use them. */
const CLAUSE = '、和与及等在说称表指介强要带率担出是为被将把到从对向给已也都就还';
/** What may follow a name said once: punctuation, or the start of the rest of the clause. */
const AFTER_NAME = new RegExp(`^(?:[^\\p{Script=Han}]|[${CLAUSE}]|$)`, 'u');

/** The commonest surnames (Simplified), about 85% of the population. */
const SURNAMES = new Set(
  Array.from(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
  ),
);

const HAN = /\p{Script=Han}/u;

/** How often `needle` occurs in `text`. */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

/**
 * The people named in `paragraphs`, as written, each once. A name after a title
 * is two or three characters: three when the three always stand together where the two do
 * (王效光), two when the two also stand alone (鄭凱 nine times, 鄭凱駕 once). A name said once
 * must end at a clause boundary (宋書傑,), so a post followed by a verb is not taken for one.
 */
export function namedPeople(paragraphs: readonly string[]): string[] {
  const text = paragraphs.join('\n');
  const folded = foldKeyword(text);
  // Positions line up only when folding kept every character in place.
  if (folded.length !== text.length) return [];
  const found = new Map<string, string>();
  for (const title of TITLES) {
    for (let at = folded.indexOf(title); at !== -1; at = folded.indexOf(title, at + 1)) {
      const start = at + title.length;
      const chars = folded.slice(start, start + 3);
      if (!SURNAMES.has(chars[0] ?? '') || !HAN.test(chars[1] ?? '')) continue;
      if (CLAUSE.includes(chars[1]!)) continue;
      // 主任组长 (任 is a surname too): a post again, not a name.
      if ([...TITLES, '组长'].some((t) => folded.startsWith(t, start + 1))) continue;
      const two = chars.slice(0, 2);
      const three = HAN.test(chars[2] ?? '') && !CLAUSE.includes(chars[2]!) ? chars : undefined;
      const name = three && occurrences(folded, three) === occurrences(folded, two) ? three : two;
      // A name the text repeats, or one that a clause boundary closes.
      const next = folded.slice(start + name.length, start + name.length + 1);
      if (occurrences(folded, name) < 2 && !AFTER_NAME.test(next)) continue;
      if (!found.has(name)) found.set(name, text.slice(start, start + name.length));
    }
  }
  return [...found.values()];
}
