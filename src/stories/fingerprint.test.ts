import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeText } from '../normalize/normalizer';
import { foldScript } from '../normalize/detect-script';
import {
  BANDS,
  HASHES,
  SIMILARITY_THRESHOLD,
  bandHashes,
  bandKeys,
  containment,
  decodeSketch,
  encodeSketch,
  fingerprint,
  foldForFingerprint,
  sameStory,
  shingleHashes,
  similarity,
} from './fingerprint';

const CORPUS = join(__dirname, '..', '..', 'corpus');
const seed = (prefix: string) => {
  const name = ['000_beaf62465669dfcc', '002_2b1303eb1e3c31b9', '003_07d99d7bd6b1b28a'].find((f) =>
    f.startsWith(prefix),
  )!;
  return normalizeText(readFileSync(join(CORPUS, `${name}.txt`), 'utf8'), name).article;
};

const article = (title: string, body: string[]) => ({ title, subheadings: [], body });

describe('foldForFingerprint', () => {
  it('folds script, width and case and drops punctuation and spaces', () => {
    expect(foldForFingerprint('滎陽：共產黨員 ＡＢＣ，１２３。')).toBe('荥阳共产党员abc123');
  });
});

describe('shingleHashes', () => {
  it('does not depend on the order of paragraphs', () => {
    const a = shingleHashes(['第一段落的内容在这里', '第二段落另有内容']);
    const b = shingleHashes(['第二段落另有内容', '第一段落的内容在这里']);
    expect([...a].sort()).toEqual([...b].sort());
  });

  it('keeps a paragraph shorter than a shingle as one', () => {
    expect(shingleHashes(['短句'])).toHaveProperty('size', 1);
    expect(shingleHashes(['，。'])).toHaveProperty('size', 0);
  });
});

describe('fingerprint', () => {
  const original = seed('000');

  it('gives a Traditional article and its Simplified conversion the same signature', () => {
    const simplified = {
      ...original,
      title: foldScript(original.title),
      // Another outlet's punctuation and spacing, too.
      body: original.body.map((p) => foldScript(p).replace(/，/g, ', ').replace(/。/g, '. ')),
    };
    expect(simplified.body).not.toEqual(original.body);
    expect(fingerprint(simplified).signature).toEqual(fingerprint(original).signature);
  });

  it('keeps a copy with a paragraph dropped and one added in the same story', () => {
    const body = [...original.body];
    body.splice(2, 1);
    body.push('（来源：大河网 责任编辑：张三）欢迎关注本网微信公众号，获取更多本地新闻资讯。');
    const s = similarity(
      fingerprint(original).signature,
      fingerprint({ ...original, body }).signature,
    );
    expect(s).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(s).toBeLessThan(1);
  });

  it('keeps two reports on one subject (seeds 002 and 003) apart', () => {
    const s = similarity(fingerprint(seed('002')).signature, fingerprint(seed('003')).signature);
    expect(s).toBeLessThan(0.1);
    expect(sameStory(fingerprint(seed('002')), fingerprint(seed('003')))).toBe(false);
  });

  it('has no signature and no bands for an article without text', () => {
    expect(fingerprint(article('', ['——'])).signature).toEqual([]);
    expect(fingerprint(article('', [])).bands).toEqual([]);
  });

  it('is the same in a fresh module whatever Math.random gives (stable across runs)', () => {
    const here = fingerprint(original).signature;
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.123);
    let fresh: number[] = [];
    jest.isolateModules(() => {
      const mod = jest.requireActual<typeof import('./fingerprint')>('./fingerprint');
      fresh = mod.fingerprint(original).signature;
    });
    random.mockRestore();
    expect(fresh).toHaveLength(HASHES);
    expect(fresh).toEqual(here);
  });
});

describe('sameStory', () => {
  const original = seed('000');
  // A brief: one paragraph of about 80 characters.
  const lead = { title: '', subheadings: [], body: [original.body[1]!] };

  it("joins a short copy inside another outlet's long header and footer (containment)", () => {
    const padded = {
      ...lead,
      body: [
        '大河网讯（记者 张伟）据大河网消息，以下为转载内容，敬请关注本网后续报道与专题页面更新。',
        ...lead.body,
        '来源：大河网　责任编辑：张伟　【版权声明】转载请注明出处，欢迎关注大河网客户端获取更多资讯。',
      ],
    };
    const [a, b] = [fingerprint(lead), fingerprint(padded)];
    expect(similarity(a.signature, b.signature)).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(containment(a, b)).toBeGreaterThanOrEqual(0.8);
    expect(sameStory(a, b)).toBe(true);
  });

  it('does not join a follow-up that only shares the lead paragraph', () => {
    const followUp = { ...seed('002'), body: [original.body[0]!, ...seed('002').body.slice(1)] };
    expect(sameStory(fingerprint(original), fingerprint(followUp))).toBe(false);
  });
});

describe('bandKeys and the stored signature', () => {
  it('makes one key per band, equal exactly when the band rows are', () => {
    const sig = fingerprint(seed('002')).signature;
    const keys = bandKeys(sig);
    expect(keys).toHaveLength(BANDS);
    const changed = [...sig];
    changed[0] = changed[0]! + 1;
    const other = bandKeys(changed);
    expect(other[0]).not.toBe(keys[0]);
    expect(other.slice(1)).toEqual(keys.slice(1));
  });

  it('gives the same band hashes where the band keys are the same, small integers all', () => {
    const sig = fingerprint(seed('002')).signature;
    const changed = [...sig];
    changed[0] = changed[0]! + 1;
    const [hashes, other] = [bandHashes(sig), bandHashes(changed)];
    expect(hashes).toHaveLength(BANDS);
    expect(other[0]).not.toBe(hashes[0]);
    expect(other.slice(1)).toEqual(hashes.slice(1));
    // Distinct bands, and Smis (below 2^30): no heap numbers in the indexer's maps.
    expect(new Set(hashes).size).toBe(BANDS);
    for (const h of hashes) expect(h >= 0 && h < 2 ** 30 && Number.isInteger(h)).toBe(true);
    expect(bandHashes([])).toEqual([]);
  });

  it('round-trips through base64', () => {
    const { signature, size } = fingerprint(seed('003'));
    expect(decodeSketch(encodeSketch({ signature, size }))).toEqual({ signature, size });
    expect(decodeSketch('AAAA')).toEqual({ signature: [], size: 0 });
  });
});
