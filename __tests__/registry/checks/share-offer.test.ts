import { ACCOUNTS, problems } from '../fixtures';
import { owner, reader } from '../share-fixtures';

const offer = (lines: string) => lines.split('\n').map((l, i) => (i ? `        ${l}` : `      - ${l}`)).join('\n') + '\n';

describe('shareOffer', () => {
  test('GIVEN write offered with allowWrite: true and taken WHEN validated THEN no problem (compliance)', () => {
    const writable = offer('app: analytics-etl\npermissions: [read, write, delete]\nallowWrite: true');
    expect(problems(ACCOUNTS, { ingest: owner(writable), 'analytics-etl': reader({ permissions: 'read, write, delete' }) })).toEqual([]);
  });

  test('GIVEN a shareWith naming an unknown app WHEN validated THEN the closest app is suggested', () => {
    const typo = offer('app: analytics-elt\npermissions: [read]');
    expect(problems(ACCOUNTS, { ingest: owner(typo), 'analytics-etl': reader({ from: '', prefix: 'analytics-etl/' }) })).toEqual([
      'apps/ingest.yaml:12:14: error: shareWith names "analytics-elt", which is no app of the registry (did you mean "analytics-etl"?); ' +
      'use the id of an app in apps/, or remove this offer',
    ]);
  });

  test('GIVEN a share to the owning app itself WHEN validated THEN it is refused', () => {
    expect(problems(ACCOUNTS, { ingest: owner(offer('app: ingest\npermissions: [read]')) })).toEqual([
      'apps/ingest.yaml:12:14: error: shareWith names this app itself ("ingest"); an app always reaches its own prefix: remove this offer',
    ]);
  });

  test.each(['write', 'delete'])('GIVEN %s offered without allowWrite WHEN validated THEN it is refused: the default is read and list only', (p) => {
    const risky = offer(`app: analytics-etl\npermissions: [read, ${p}]`);
    expect(problems(ACCOUNTS, { ingest: owner(risky), 'analytics-etl': reader({ permissions: `read, ${p}` }) })).toEqual([
      `apps/ingest.yaml:13:22: error: offers ${p} to "analytics-etl", which would let it change this app's objects under s3://shared/events/; ` +
      'add "allowWrite: true" to this offer if that is intended (the review marks it), or offer only read and list',
    ]);
  });

  test('GIVEN allowWrite: false written out with write WHEN validated THEN it is refused like a missing allowWrite', () => {
    const off = offer('app: analytics-etl\npermissions: [write]\nallowWrite: false');
    expect(problems(ACCOUNTS, { ingest: owner(off), 'analytics-etl': reader({ permissions: 'write' }) })).toEqual([
      expect.stringMatching(/^apps\/ingest\.yaml:13:22: error: offers write to "analytics-etl"/),
    ]);
  });

  test('GIVEN allowWrite: true on a read-only offer WHEN validated THEN a warning says it does nothing', () => {
    const idle = offer('app: analytics-etl\npermissions: [read, list]\nallowWrite: true');
    expect(problems(ACCOUNTS, { ingest: owner(idle), 'analytics-etl': reader() })).toEqual([
      'apps/ingest.yaml:14:21: warning: allowWrite: true has no effect: this offer gives neither write nor delete; remove it',
    ]);
  });

  test('GIVEN the same app offered twice on one entry WHEN validated THEN the second offer is refused', () => {
    const twice = offer('app: analytics-etl\npermissions: [read]') + offer('app: analytics-etl\npermissions: [list]');
    expect(problems(ACCOUNTS, { ingest: owner(twice), 'analytics-etl': reader() })).toEqual([
      'apps/ingest.yaml:14:14: error: shareWith names "analytics-etl" a second time on this access entry; merge its permissions into the first offer',
    ]);
  });

  test('GIVEN one entry offered to two different apps, each taking it WHEN validated THEN no problem: only the same app twice is a repeat (compliance)', () => {
    const two = offer('app: analytics-etl\npermissions: [read, list]') + offer('app: billing\npermissions: [read]');
    const billing = reader({ permissions: 'read' }).replace('id: analytics-etl', 'id: billing').replace('analytics-etl-0', 'billing-0');
    expect(problems(ACCOUNTS, { ingest: owner(two), 'analytics-etl': reader(), billing })).toEqual([]);
  });

  test('GIVEN a reader offering on a prefix shared with it WHEN validated THEN re-sharing is refused: only the owner offers', () => {
    const onward = reader() + '    shareWith:\n      - app: ingest\n        permissions: [read]\n';
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': onward })).toEqual([
      'apps/analytics-etl.yaml:13:7: error: shareWith on a prefix shared by "ingest": only the app that owns a prefix can offer it; ' +
      'remove shareWith here and ask the owners of "ingest" to share with those apps directly',
    ]);
  });

  test('GIVEN write and delete offered without allowWrite WHEN validated THEN one error names both', () => {
    const risky = offer('app: analytics-etl\npermissions: [read, write, delete]');
    expect(problems(ACCOUNTS, { ingest: owner(risky), 'analytics-etl': reader({ permissions: 'read' }) })).toEqual([
      'apps/ingest.yaml:13:22: error: offers write, delete to "analytics-etl", which would let it change this app\'s objects under s3://shared/events/; ' +
      'add "allowWrite: true" to this offer if that is intended (the review marks it), or offer only read and list',
    ]);
  });
});
