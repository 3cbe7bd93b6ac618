import { ACCOUNTS, app, problems } from '../fixtures';

describe('yamlSyntax', () => {
  test('GIVEN well-formed YAML WHEN validated THEN there is no syntax problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a') })).toEqual([]);
  });

  test('GIVEN an unclosed flow list WHEN validated THEN the parser\'s cause is located', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('[read, write]', '[read, write') })).toEqual([
      'apps/a.yaml:11:1: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  test('GIVEN a line indented by mistake WHEN validated THEN only the first error is shown, not the cascade after it', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('owner:', '  owner:') })).toEqual([
      'apps/a.yaml:1:5: error: invalid YAML: Nested mappings are not allowed in compact mappings',
    ]);
  });

  test('GIVEN two fields each written twice WHEN validated THEN both are named', () => {
    expect(problems(ACCOUNTS, { a: `${app('a')}owner: team-b
id: b
` })).toEqual([
      'apps/a.yaml:11:1: error: field "owner" appears twice in the same mapping; keep one of them',
      'apps/a.yaml:12:1: error: field "id" appears twice in the same mapping; keep one of them',
    ]);
  });

  test('GIVEN a field written twice WHEN validated THEN the second one is named', () => {
    expect(problems(ACCOUNTS, { a: `${app('a')}owner: team-b\n` })).toEqual([
      'apps/a.yaml:11:1: error: field "owner" appears twice in the same mapping; keep one of them',
    ]);
  });

  test('GIVEN a key written twice with spaces before its colon WHEN validated THEN the field is named without them', () => {
    expect(problems(ACCOUNTS, { a: `${app('a')}owner  : team-b\n` })).toEqual([
      'apps/a.yaml:11:1: error: field "owner" appears twice in the same mapping; keep one of them',
    ]);
  });

  test('GIVEN a quoted key with a quote inside written twice WHEN validated THEN only the enclosing quotes are dropped', () => {
    expect(problems(ACCOUNTS, { a: `${app('a')}"it's": 1\n"it's": 2\n` })).toEqual([
      'apps/a.yaml:12:1: error: field "it\'s" appears twice in the same mapping; keep one of them',
    ]);
  });

  test('GIVEN the empty key written twice WHEN validated THEN "a key" is reported, not an empty name', () => {
    expect(problems(ACCOUNTS, { a: `${app('a')}"": 1\n"": 2\n` })).toEqual([
      'apps/a.yaml:12:1: error: a key appears twice in the same mapping; keep one of them',
    ]);
  });

  test('GIVEN a complex key before a duplicate key WHEN validated THEN both are reported in file order', () => {
    // The parser reports the duplicate key; keyless finds the complex key after it: the first problem in the file leads.
    expect(problems(ACCOUNTS, { a: `? [x, y]\n: z\n${app('a')}owner: team-b\n` })).toEqual([
      'apps/a.yaml:1:3: error: a key is a list or a mapping, often a stray "?" or a value moved left of its colon; keys are plain names such as "bucket"',
      'apps/a.yaml:13:1: error: field "owner" appears twice in the same mapping; keep one of them',
    ]);
  });

  test('GIVEN a tab indenting a field WHEN validated THEN spaces are asked for', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('  account: swarm', '\taccount: swarm') })).toEqual([
      'apps/a.yaml:4:1: error: a tab is used for indentation; YAML indents with spaces only',
    ]);
  });

  test('GIVEN two YAML documents in one file WHEN validated THEN one document per file is asked for', () => {
    expect(problems(ACCOUNTS, { a: `${app('a')}---\n${app('b')}` })).toEqual([
      'apps/a.yaml:11:1: error: the file holds more than one YAML document (a second "---" line); keep one document per file',
    ]);
  });

  test('GIVEN an alias without anchor WHEN validated THEN it is reported instead of thrown', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('owner: team-a', 'owner: *team') })).toEqual([
      'apps/a.yaml:1:1: error: invalid YAML: Unresolved alias (the anchor must be set before the alias): team',
    ]);
  });

  test('GIVEN aliases that expand exponentially WHEN validated THEN it is reported instead of exhausting memory', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    expect(problems(ACCOUNTS, { a: `${levels.join('\n')}\n` })).toEqual([
      'apps/a.yaml:1:1: error: invalid YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
  });

  test('GIVEN a list used as a key WHEN validated THEN it is reported without a warning on stderr', () => {
    const warn = jest.spyOn(process, 'emitWarning');
    expect(problems(ACCOUNTS, { a: `${app('a')}? [x, y]\n: z\n` })).toEqual([
      'apps/a.yaml:11:3: error: a key is a list or a mapping, often a stray "?" or a value moved left of its colon; keys are plain names such as "bucket"',
    ]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
