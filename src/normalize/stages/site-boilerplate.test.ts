import { lineKey } from '../boilerplate';
import { draftFromLines } from '../draft';
import { dropSiteBoilerplate } from './site-boilerplate';

const page = [
  '新安县人民政府门户网站',
  '城关镇召开推进会',
  '来源:新安县人民政府',
  '4月1日下午,城关镇召开农村人居环境整治推进会。',
  '镇党委书记要求各村逐项整改,确保实效。',
  '主办:新安县人民政府办公室',
];

describe('dropSiteBoilerplate', () => {
  it('drops repeated lines at the edges of the story, never its metadata', () => {
    const repeated = new Set(
      ['新安县人民政府门户网站', '来源:新安县人民政府', '主办:新安县人民政府办公室'].map(lineKey),
    );
    const d = dropSiteBoilerplate.run({ ...draftFromLines(page), repeatedLines: repeated });
    expect(d.blocks.map((b) => b.text)).toEqual(page.slice(1, 5));
  });

  it('judges nothing on a page with no sentence of its own (a copy of another page)', () => {
    const d = draftFromLines(page);
    const all = { ...d, repeatedLines: new Set(page.map(lineKey)) };
    expect(dropSiteBoilerplate.run(all)).toBe(all);
  });
});
