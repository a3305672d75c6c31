import { isPhysicalIndexOf, physicalIndexName, planRun } from './lifecycle';

describe('physicalIndexName', () => {
  it('names the alias, the definition hash and the UTC time to the millisecond', () => {
    const name = physicalIndexName(
      'articles',
      'abcdef012345',
      new Date('2026-01-02T03:04:05.678Z'),
    );
    expect(name).toBe('articles-abcdef012345-20260102030405678');
    expect(isPhysicalIndexOf('articles', name)).toBe(true);
  });

  it('does not claim another alias’s indices or stray names', () => {
    const other = physicalIndexName('articles-old', 'abcdef012345', new Date());
    expect(isPhysicalIndexOf('articles', other)).toBe(false);
    expect(isPhysicalIndexOf('articles', 'articles-backup')).toBe(false);
    expect(isPhysicalIndexOf('articles', 'articles')).toBe(false);
  });
});

describe('planRun', () => {
  const live = { index: 'articles-abcdef012345-1', definitionHash: 'abcdef012345' };

  it('updates the live index in place when its definition is current', () => {
    expect(planRun(live, 'abcdef012345', false)).toEqual({ mode: 'in-place', index: live.index });
  });

  it('builds a new index when there is none, the definition changed, or on request', () => {
    expect(planRun(undefined, 'abcdef012345', false)).toEqual({
      mode: 'rebuild',
      reason: 'no-index',
    });
    expect(planRun(live, '0123456789ab', false)).toEqual({
      mode: 'rebuild',
      reason: 'definition-changed',
      previous: live.index,
    });
    expect(planRun({ ...live, definitionHash: undefined }, 'abcdef012345', false).mode).toBe(
      'rebuild',
    );
    expect(planRun(live, 'abcdef012345', true)).toEqual({
      mode: 'rebuild',
      reason: 'requested',
      previous: live.index,
    });
  });
});
