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
