import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readVerifyJson } from '../../../src/tools/review/verify-json';
import { UserError } from '../../../src/tools/user-error';
import { VerifyReport } from '../../../src/tools/verify/types';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'keyless-verify-')), 'verify.json');
  writeFileSync(path, text);
  return path;
}

describe('readVerifyJson', () => {
  it('GIVEN the JSON of a verify report WHEN read THEN it is returned as is', () => {
    const report: VerifyReport = {
      results: [{ app: 'a', scenario: 'AssumeRole', expected: 'Allowed', actual: 'Allowed', pass: true }],
      passed: 1,
      failed: 0,
      errors: [],
    };

    expect(readVerifyJson(file(JSON.stringify(report)))).toEqual(report);
  });

  it('GIVEN text that is not JSON, e.g. npm\'s banner WHEN read THEN a UserError says how to write the file', () => {
    expect(() => readVerifyJson(file('> keyless@0.1.0 verify\n{}'))).toThrow(UserError);
    expect(() => readVerifyJson(file('> keyless@0.1.0 verify\n{}'))).toThrow(/npx --no-install keyless verify --json/);
  });

  it('GIVEN JSON of another shape WHEN read THEN a UserError says it is not a verify report', () => {
    expect(() => readVerifyJson(file('{"results": [{"scenario": 1}], "passed": 0, "failed": 0, "errors": []}'))).toThrow(/is not a verify report/);
  });

  it('GIVEN a missing file WHEN read THEN a UserError names it', () => {
    expect(() => readVerifyJson('/nonexistent/verify.json')).toThrow(/cannot read the verify report \/nonexistent\/verify.json/);
  });
});
