import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';

/**
 * Where keyless's own files are, whether it runs from its TypeScript sources (`src/tools/x.ts`) or compiled
 * (`dist/src/tools/x.js`, what an installed package runs).
 */

/** The root of the compiled or source tree: `dist/` when compiled, the project root when run from sources. */
export const TREE_ROOT = resolve(__dirname, '../..');
/** `.js` when running compiled, `.ts` from sources (tsx, jest): the extension of sibling entry files. */
export const ENTRY_EXT = extname(__filename) === '.ts' ? '.ts' : '.js';
/** The package root: package.json, templates/, schema/ and .github/workflows/ are there. */
export const PACKAGE_ROOT = findPackageRoot(TREE_ROOT);

export interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
  readonly engines?: Readonly<Record<string, string>>;
}

/** keyless's own package.json. */
export function ownPackageJson(): PackageJson {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as PackageJson;
}

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
