import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolicyDocument, Statement } from '../src/policy/document';

/** Writes a registry (accounts.yaml + apps/<name>.yaml) into a fresh temp directory and returns its root. */
export function writeRegistry(accountsYaml: string, apps: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'keyless-registry-'));
  writeFileSync(join(root, 'accounts.yaml'), accountsYaml);
  mkdirSync(join(root, 'apps'));
  for (const [name, text] of Object.entries(apps)) writeFileSync(join(root, 'apps', `${name}.yaml`), text);
  return root;
}

export function statement(doc: PolicyDocument, sid: string): Statement {
  const found = doc.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid} in ${JSON.stringify(doc)}`);
  return found;
}

/** Root of a registry fixture under __tests__/fixtures. */
export function fixture(name: string): string {
  return join(__dirname, 'fixtures', name);
}

/** Environment the unseen fixture needs: its ingester app reads its ExternalId from the environment. */
export const UNSEEN_ENV = { KEYLESS_TEST_INGESTER_EXTERNAL_ID: 'ingester-external-id-from-env' };

/** Root of the bundled example registry. */
export const BUNDLED_ROOT = join(__dirname, '..');
