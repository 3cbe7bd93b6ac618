import { readFileSync } from 'node:fs';
import { UserError } from '../user-error';
import { VerifyReport } from '../verify/types';

/** Reads the JSON that `npm run verify -- --json` prints. */
export function readVerifyJson(path: string): VerifyReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read the verify report ${path}: ${(e as Error).message}; write it with \`npx --no-install keyless verify --json > ${path}\``);
  }
  if (!isVerifyReport(data)) {
    throw new UserError(`${path} is not a verify report (expected results, passed, failed and errors); write it with \`npx --no-install keyless verify --json > ${path}\``);
  }
  return data;
}

function isVerifyReport(data: unknown): data is VerifyReport {
  const r = data as Partial<VerifyReport> | null;
  return typeof r === 'object' && r !== null && Array.isArray(r.results) && typeof r.passed === 'number'
    && typeof r.failed === 'number' && Array.isArray(r.errors)
    && r.results.every((s) => typeof s?.scenario === 'string' && typeof s.pass === 'boolean');
}
