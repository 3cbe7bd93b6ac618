import { ACCOUNTS, app, problems } from '../fixtures';

describe('emptyFile', () => {
  test('GIVEN an app file with content WHEN validated THEN it is not empty (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a') })).toEqual([]);
  });

  test('GIVEN an empty app file WHEN validated THEN what to write is said, or to delete it', () => {
    expect(problems(ACCOUNTS, { a: '' })).toEqual([
      'apps/a.yaml:1:1: error: the file is empty; declare the app (id, owner, consumer, externalId or a certificate consumer, access) or delete the file',
    ]);
  });

  test('GIVEN an accounts.yaml of comments only WHEN validated THEN it is empty', () => {
    expect(problems('# yaml-language-server: $schema=./schema/accounts.schema.json\n\n', {})).toEqual([
      'accounts.yaml:1:1: error: the file is empty; declare "accounts:" and "buckets:" (see schema/accounts.schema.json)',
    ]);
  });
});
