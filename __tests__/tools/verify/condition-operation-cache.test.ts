import { dirname, join } from 'node:path';
import { installConditionOperationCache, uninstallConditionOperationCache } from '../../../src/tools/verify/condition-operation-cache';

interface Operation {
  baseOperator(): string;
  isIfExists(): boolean;
  setOperator(): string | undefined;
}

/** ConditionOperationImpl as iam-simulate resolves it: the class whose instances the simulator asks. */
function operationClass(): new (op: string) => Operation {
  const policy = require.resolve('@cloud-copilot/iam-policy', { paths: [dirname(require.resolve('@cloud-copilot/iam-simulate'))] });
  return (require(join(dirname(policy), 'conditions', 'conditionOperation.js')) as { ConditionOperationImpl: new (op: string) => Operation }).ConditionOperationImpl;
}

const OPERATORS = ['StringEquals', 'ArnNotLikeIfExists', 'stringlikeifexists', 'ForAnyValue:StringLike', 'forallvalues:ArnEqualsIfExists', 'Bool'];

function answers(): unknown[] {
  const Impl = operationClass();
  return OPERATORS.map((op) => {
    const operation = new Impl(op);
    return [operation.baseOperator(), operation.isIfExists(), operation.setOperator()];
  });
}

afterAll(() => installConditionOperationCache());

describe('installConditionOperationCache', () => {
  it('GIVEN the pinned iam-policy WHEN installed THEN the operator methods are the memos (false means the layout changed upstream: update or drop the layer)', () => {
    uninstallConditionOperationCache();
    const plain = operationClass().prototype.baseOperator;

    expect(installConditionOperationCache()).toBe(true);
    expect(operationClass().prototype.baseOperator).not.toBe(plain);
  });

  it('GIVEN the memos WHEN each operator is asked twice THEN they answer as the plain methods, whatever the case', () => {
    uninstallConditionOperationCache();
    const expected = answers();
    installConditionOperationCache();

    expect(answers()).toEqual(expected);
    expect(answers()).toEqual(expected);
    expect(expected).toEqual([
      ['StringEquals', false, undefined],
      ['ArnNotLike', true, undefined],
      ['stringlike', true, undefined],
      ['StringLike', false, 'ForAnyValue'],
      ['ArnEquals', true, 'ForAllValues'],
      ['Bool', false, undefined],
    ]);
  });

  it('GIVEN the memos WHEN an unknown set operator is asked twice THEN it throws each time, as the plain method does', () => {
    installConditionOperationCache();
    const operation = new (operationClass())('SomeValues:StringEquals');

    expect(() => operation.setOperator()).toThrow('Unknown set operator: SomeValues');
    expect(() => operation.setOperator()).toThrow('Unknown set operator: SomeValues');
  });

  it('GIVEN the memos WHEN uninstalled THEN the operator has its own methods again', () => {
    installConditionOperationCache();
    const cached = operationClass().prototype.isIfExists;

    uninstallConditionOperationCache();

    expect(operationClass().prototype.isIfExists).not.toBe(cached);
  });
});
