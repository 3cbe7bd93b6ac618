import { KEYLESS_ENTRY, launch } from '../../../src/tools/launch';

/** Starting node with tsx takes about a second. */
const CLI_TIMEOUT_MS = 60_000;

describe('keyless bench', () => {
  it.each([['--apps', 'ten'], ['--runs', '0']])('GIVEN %s %s WHEN run THEN the usage error is printed without a stack trace, nothing is measured, and it exits 1', async (option, value) => {
    const run = await launch(KEYLESS_ENTRY, { args: ['bench', option, value] });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^error: ${option}: "${value}" is not a positive whole number\\nusage: keyless bench `));
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain('bench: ');
  }, CLI_TIMEOUT_MS);
});
