import { poemId, poemToArticle, readPoem } from './poems';

describe('readPoem', () => {
  it('reads a shi with its title and a ci with its tune name, trimming lines', () => {
    const shi = readPoem(
      { author: '李白', title: '靜夜思', paragraphs: ['床前明月光，疑是地上霜。', ' '] },
      '全唐诗',
      'quantangshi/poet.tang.0.json',
      3,
    );
    expect(shi).toEqual({
      source: '全唐诗',
      file: 'quantangshi/poet.tang.0.json',
      position: 3,
      title: '靜夜思',
      author: '李白',
      lines: ['床前明月光，疑是地上霜。'],
    });
    const ci = readPoem({ rhythmic: '导引', paragraphs: ['气和玉烛'] }, '全宋词', 'songci/x', 0);
    expect(ci?.title).toBe('导引');
    expect(ci?.author).toBe('');
  });

  it('leaves out a poem with no title or no text', () => {
    expect(readPoem({ paragraphs: ['a'] }, 's', 'f', 0)).toBeUndefined();
    expect(readPoem({ title: 't', paragraphs: ['', ' '] }, 's', 'f', 0)).toBeUndefined();
  });
});

describe('poemToArticle', () => {
  const poem = {
    source: '全唐诗',
    file: 'quantangshi/poet.tang.0.json',
    position: 3,
    title: '靜夜思',
    author: '李白',
    lines: ['床前明月光，疑是地上霜。'],
  };

  it('makes the lines the body and the poet the byline, with no date', () => {
    const article = poemToArticle(poem, 'traditional');
    expect(article).toMatchObject({
      title: '靜夜思',
      body: ['床前明月光，疑是地上霜。'],
      reporters: ['李白'],
      source: '全唐诗',
      script: 'traditional',
      path: 'chinese-poetry/quantangshi/poet.tang.0.json#3',
    });
    expect(article.published_at).toBeUndefined();
    expect(poemToArticle({ ...poem, author: '' }, 'mixed').reporters).toEqual([]);
  });

  it('gives an id that depends on the place in the package only', () => {
    expect(poemId(poem)).toBe(poemToArticle({ ...poem, title: 'other' }, 'mixed').id);
    expect(poemId(poem)).not.toBe(poemId({ ...poem, position: 4 }));
    expect(poemId(poem)).toMatch(/^poem-[0-9a-f]{20}$/);
  });
});
