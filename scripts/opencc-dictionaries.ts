// OpenCC's dictionaries as opencc-js ships them: one module per dictionary under
// node_modules/opencc-js/dist/esm-lib/dict/, each `export default "key value|key value|..."`.
// Read by name, so that a generator says which tables it uses (the presets mix several).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../src/config';

const PACKAGE_DIR = join(ROOT, 'node_modules', 'opencc-js');
const DICT_DIR = join(PACKAGE_DIR, 'dist', 'esm-lib', 'dict');

/** One entry: a key and the value opencc-js keeps for it (it ships one value per key). */
export type Entry = [key: string, value: string];

export function readDictionary(name: string): Entry[] {
  const source = readFileSync(join(DICT_DIR, `${name}.js`), 'utf8');
  const literal = /^export default (".*");?\s*$/su.exec(source)?.[1];
  if (literal === undefined) throw new Error(`${name}.js is not a dictionary module`);
  return (JSON.parse(literal) as string)
    .split('|')
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const [key, value, ...rest] = entry.split(' ');
      if (!key || !value || rest.length > 0) throw new Error(`${name}: odd entry "${entry}"`);
      return [key, value];
    });
}

export function openccVersion(): string {
  const pkg = join(PACKAGE_DIR, 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
