import { error } from '../diagnostics';
import { matchesPattern } from '../../policy/arn-pattern';
import { Check } from './check';

/**
 * The deploy role, the plan role and breakGlass are kept apart: the bucket policy limits the deploy role to the
 * bucket policy and the plan role to reading it, so a breakGlass entry or a plan role that is also the deploy role
 * is limited too and locked out of what it was listed for.
 */
export const ciRoleDistinct: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.accounts).flatMap(([alias, account]) => {
    const { deployRole, planRole } = account;
    if (!deployRole) return [];
    // Stryker disable next-line ArrayDeclaration: a made-up entry without wildcards would have to equal the deployRole, which the schema holds to a role ARN: no input yields a problem from it
    const problems = (account.breakGlass ?? []).flatMap((entry, i) => (matchesPattern(entry, deployRole)
      ? [error(accounts.source.locate(['accounts', alias, 'breakGlass', i]),
        `breakGlass entry ${entry === deployRole ? 'is' : 'matches'} the deployRole ${deployRole}, which exclusive buckets limit to their bucket policy, ` +
        'so it would be locked out of them as breakGlass; list a separate administrator role in breakGlass, or narrow the pattern')]
      : []));
    if (planRole === deployRole) {
      problems.push(error(accounts.source.locate(['accounts', alias, 'planRole']),
        `planRole is the deployRole ${deployRole}: exclusive buckets let the plan role only read their bucket policy, so the deploy role could ` +
        'no longer apply it; use a separate read-only role for pull-request plans, or remove planRole'));
    }
    return problems;
  });
};
