// Versioned physical indices behind one alias: naming them and deciding, from what the
// alias points at now, whether a run updates the live index or builds a new one.

/** `${alias}-<definition hash>-<UTC yyyymmddhhmmssSSS>`: sortable, and tells its definition. */
export function physicalIndexName(alias: string, hash: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:.TZ]/g, '');
  return `${alias}-${hash}-${stamp}`;
}

/** Whether `name` is one of this alias's physical indices (and not another alias's). */
export function isPhysicalIndexOf(alias: string, name: string): boolean {
  if (!name.startsWith(`${alias}-`)) return false;
  return /^[0-9a-f]{12}-\d{17}$/.test(name.slice(alias.length + 1));
}

/** The index behind the alias and the definition hash in its `_meta`. */
export interface LiveIndex {
  index: string;
  definitionHash: string | undefined;
}

export type RunPlan =
  | { mode: 'in-place'; index: string }
  | { mode: 'rebuild'; reason: 'requested' | 'definition-changed' | 'no-index'; previous?: string };

export function planRun(
  live: LiveIndex | undefined,
  definitionHash: string,
  rebuild: boolean,
): RunPlan {
  if (!live) return { mode: 'rebuild', reason: 'no-index' };
  if (rebuild) return { mode: 'rebuild', reason: 'requested', previous: live.index };
  if (live.definitionHash !== definitionHash) {
    return { mode: 'rebuild', reason: 'definition-changed', previous: live.index };
  }
  return { mode: 'in-place', index: live.index };
}
