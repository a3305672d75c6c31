import type { Article } from '../../src/article';
import { readFileSync } from 'node:fs';
import { PHRASE_VARIANTS_PATH } from '../../src/search/variants';
import { leftOutWords, regionalItem, vocabularyPairs } from './regional';

describe('vocabularyPairs', () => {
  const pairs = vocabularyPairs();

  it('reads the mainland word in Simplified and the region’s word as OpenCC writes it', () => {
    expect(pairs).toContainEqual({ region: 'taiwan', mainland: '软件', regional: '軟體' });
    expect(pairs).toContainEqual({ region: 'hongkong', mainland: '服务器', regional: '伺服器' });
  });

  it('keeps only words of Han characters that differ by more than script', () => {
    const key = (p: { mainland: string; regional: string }) => `${p.mainland}/${p.regional}`;
    expect(pairs.map(key)).not.toContain('B超/超音波');
    for (const p of pairs) {
      expect(p.mainland).toMatch(/^\p{Script=Han}{2,}$/u);
      expect(p.regional).toMatch(/^\p{Script=Han}{2,}$/u);
    }
    const fake = vocabularyPairs((name) =>
      name === 'TWPhrases'
        ? [
            ['軟件', '軟體'],
            ['電腦', '電腦'],
            ['B超', '超音波'],
          ]
        : [],
    );
    expect(fake).toEqual([{ region: 'taiwan', mainland: '软件', regional: '軟體' }]);
  });
});

describe('regionalItem', () => {
  const poem = {
    id: 'poem-1',
    title: '靜夜思',
    body: ['床前明月光，疑是地上霜。', '舉頭望明月，低頭思故鄉。'],
    script: 'traditional',
  } as Article;
  const pair = { region: 'taiwan', mainland: '软件', regional: '軟體' } as const;

  it('writes one word into the poem and asks with the other and a span', () => {
    const item = regionalItem(pair, 'regional', poem, '低頭思故鄉');
    expect(item.article.body[0]).toBe('軟體，床前明月光，疑是地上霜。');
    expect(item.article.body[1]).toBe(poem.body[1]);
    expect(item.query).toBe('软件 低頭思故鄉');
    expect(item.article.id).not.toBe(poem.id);
    const reverse = regionalItem(pair, 'mainland', poem, '低頭思故鄉');
    expect(reverse.article.body[0]).toBe('软件，床前明月光，疑是地上霜。');
    expect(reverse.article.script).toBe('simplified');
    expect(reverse.query).toBe('軟體 低頭思故鄉');
    expect(reverse.article.id).not.toBe(item.article.id);
  });
});

describe('leftOutWords', () => {
  it('reads the words the phrase variants leave out, from the file header', () => {
    const words = leftOutWords(readFileSync(PHRASE_VARIANTS_PATH, 'utf8'));
    expect(words).toEqual(new Set(['文件', '程序', '埠']));
  });
});
