import { parseCliArgs } from './cli';

describe('parseCliArgs', () => {
  it('takes paths and the flag in any order', () => {
    expect(parseCliArgs(['corpus/', '--rebuild', 'more/'])).toEqual({
      paths: ['corpus/', 'more/'],
      rebuild: true,
    });
    expect(parseCliArgs(['x'])).toEqual({ paths: ['x'], rebuild: false });
  });

  it('refuses no paths and unknown flags with the usage', () => {
    expect(() => parseCliArgs([])).toThrow(/usage: npm run index/);
    expect(() => parseCliArgs(['corpus/', '--rebiuld'])).toThrow(/usage: npm run index/);
    // Gone: a rebuild that goes to the end is put live whatever failed in it.
    expect(() => parseCliArgs(['corpus/', '--allow-failures'])).toThrow(/usage: npm run index/);
  });

  it('names no flag but --rebuild in the usage', () => {
    expect(() => parseCliArgs([])).toThrow(/\[--rebuild\]$/);
  });
});
