import { articleId } from './to-article';
import { detectScript, foldScript } from './detect-script';
import { seedLine } from '../../tests/fixtures/seeds';

describe('detectScript', () => {
  it('tells Traditional from Simplified lines of the seeds', () => {
    expect(detectScript(seedLine('000', 5))).toBe('traditional');
    expect(detectScript(seedLine('002', 17))).toBe('simplified');
  });

  it("counts seed 001's few Simplified forms (干部, 沖) as Traditional text still", () => {
    expect(
      detectScript(seedLine('001', 16).replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)/g, '')),
    ).toBe('traditional');
  });

  it('calls a text mixed when both scripts have a real share, or when nothing tells', () => {
    expect(detectScript(`${seedLine('000', 5)}\n${seedLine('002', 17)}`)).toBe('mixed');
    expect(detectScript('2022 N95')).toBe('mixed');
  });
});

describe('foldScript', () => {
  it('folds Traditional to Simplified', () => {
    expect(foldScript(seedLine('000', 1))).toBe(seedLine('000', 17));
  });
});

describe('articleId', () => {
  const id = (title: string, body: string[], source?: string, iso?: string) =>
    articleId({
      title,
      body,
      source,
      date: iso ? { iso, month: 1, day: 31 } : undefined,
    });

  it('depends on the content, not on script or spacing', () => {
    const trad = id('滎陽:共產黨員', ['第一段 內容。'], '映象網');
    expect(trad).toMatch(/^[0-9a-f]{24}$/);
    expect(id('荥阳:共产党员', ['第一段内容。'], '映象网')).toBe(trad);
    expect(id('荥阳:共产党员', ['第二段内容。'], '映象网')).not.toBe(trad);
  });

  it("tells outlets and days apart: another outlet's copy is another article", () => {
    const base = id('荥阳:共产党员', ['第一段内容。'], '映象网', '2020-01-31T00:00:00+08:00');
    expect(id('荥阳:共产党员', ['第一段内容。'], '大河网', '2020-01-31T00:00:00+08:00')).not.toBe(
      base,
    );
    expect(id('荥阳:共产党员', ['第一段内容。'], '映象网', '2020-02-01T00:00:00+08:00')).not.toBe(
      base,
    );
    expect(id('荥阳:共产党员', ['第一段内容。'], '映象网', '2020-01-31T09:30:00+08:00')).toBe(base);
  });
});
