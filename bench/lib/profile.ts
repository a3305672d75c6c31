// Where a process spent its time, from a V8 CPU profile (node --cpu-prof): self time per
// file and per function, and inclusive time of our own code. Pure.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  /** Microseconds between samples. */
  timeDeltas: number[];
}

export interface Entry {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Waiting for I/O: time the process could have used but had nothing to do. */
  idleMs: number;
  selfByFile: Entry[];
  selfByFunction: Entry[];
  /** Functions of src/, bench/ and dist/ with everything they called. */
  inclusiveOwnCode: Entry[];
}

/** Our code: src/ and bench/, and the build in dist/ (this checkout's or another's: bench:search
 * --before-api), which is what the API runs. */
const OWN_CODE = /(^|\/)(src|bench|dist)\//;

/** A file name short enough to read: node_modules and the repo root cut off. */
export function shortFile(frame: CallFrame, root: string): string {
  const url = frame.url.replace(/^file:\/\//, '');
  // V8's own entries ((idle), (garbage collector), (program)) and native functions.
  if (url === '') {
    return frame.functionName.startsWith('(')
      ? frame.functionName
      : `(native) ${frame.functionName}`;
  }
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules !== -1) return url.slice(inModules + 'node_modules/'.length);
  return url.startsWith(`${root}/`) ? url.slice(root.length + 1) : url;
}

function top(map: Map<string, number>, total: number, count: number): Entry[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({
      name,
      ms: Math.round(ms),
      share: Math.round((ms / total) * 1000) / 10,
    }));
}

export function summarizeProfile(profile: CpuProfile, root: string, count = 20): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);

  const selfMs = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });

  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let idleMs = 0;
  const add = (map: Map<string, number>, key: string, ms: number) =>
    map.set(key, (map.get(key) ?? 0) + ms);
  for (const [id, ms] of selfMs) {
    const frame = nodes.get(id)!.callFrame;
    if (frame.functionName === '(idle)') idleMs += ms;
    const file = shortFile(frame, root);
    add(byFile, file, ms);
    add(byFunction, `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`, ms);
    // Each function once per sample, however deep its recursion.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const caller = nodes.get(at)!.callFrame;
      const callerFile = shortFile(caller, root);
      if (!OWN_CODE.test(callerFile)) continue;
      const key = `${caller.functionName || '(anonymous)'} ${callerFile}`;
      if (!seen.has(key)) add(inclusive, key, ms);
      seen.add(key);
    }
  }
  return {
    totalMs: Math.round(totalMs),
    idleMs: Math.round(idleMs),
    selfByFile: top(byFile, totalMs, count),
    selfByFunction: top(byFunction, totalMs, count),
    inclusiveOwnCode: top(inclusive, totalMs, count),
  };
}
