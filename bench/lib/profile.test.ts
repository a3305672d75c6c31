import { shortFile, summarizeProfile, type CpuProfile } from './profile';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });

describe('shortFile', () => {
  it('cuts node_modules and the root, and names V8 entries', () => {
    expect(shortFile(frame('f', 'file:///r/node_modules/zod/index.js'), '/r')).toBe('zod/index.js');
    expect(shortFile(frame('f', '/r/src/a.ts'), '/r')).toBe('src/a.ts');
    expect(shortFile(frame('(idle)', ''), '/r')).toBe('(idle)');
    expect(shortFile(frame('writev', ''), '/r')).toBe('(native) writev');
  });
});

describe('summarizeProfile', () => {
  // root -> main (src) -> parse (node_modules); samples: 2 in parse, 1 in main, 1 idle.
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
      { id: 2, callFrame: frame('main', '/r/src/main.ts'), children: [3] },
      { id: 3, callFrame: frame('parse', '/r/node_modules/zod/index.js') },
      { id: 4, callFrame: frame('(idle)', '') },
    ],
    samples: [3, 3, 2, 4],
    timeDeltas: [1000, 1000, 1000, 1000],
  };
  const summary = summarizeProfile(profile, '/r');

  it('adds up self time per file and finds the idle time', () => {
    expect(summary.totalMs).toBe(4);
    expect(summary.idleMs).toBe(1);
    expect(summary.selfByFile[0]).toEqual({ name: 'zod/index.js', ms: 2, share: 50 });
  });

  it('gives our code the time of everything it called', () => {
    expect(summary.inclusiveOwnCode).toEqual([{ name: 'main src/main.ts', ms: 3, share: 75 }]);
  });
});
