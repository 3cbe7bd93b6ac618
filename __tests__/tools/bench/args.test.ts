import { DEFAULT_RUNS, parseBenchArgs } from '../../../src/tools/bench/args';
import { UserError } from '../../../src/tools/user-error';

describe('parseBenchArgs', () => {
  it('GIVEN no arguments WHEN parsed THEN 10, 100 and 1000 apps are measured as a table', () => {
    expect(parseBenchArgs([])).toEqual({ apps: [10, 100, 1000], runs: DEFAULT_RUNS, json: false });
  });

  it('GIVEN --apps, --runs and --json WHEN parsed THEN they are taken', () => {
    expect(parseBenchArgs(['--apps', '10,100', '--runs', '5', '--json'])).toEqual({ apps: [10, 100], runs: 5, json: true });
  });

  it.each([['--apps', '10,ten'], ['--apps', '0'], ['--runs', '1.5']])('GIVEN %s %s WHEN parsed THEN a usage error names the option', (option, value) => {
    expect(() => parseBenchArgs([option, value])).toThrow(UserError);
    expect(() => parseBenchArgs([option, value])).toThrow(option);
  });

  it('GIVEN an unknown option WHEN parsed THEN a usage error shows the usage', () => {
    expect(() => parseBenchArgs(['--app', '10'])).toThrow(/usage: keyless bench/);
  });
});
