import { PrincipalConsumer } from './model';

const PRINCIPAL_PATTERN = /^(?:arn:aws:iam::(\d{12}):)?(root|(role|user)\/((?:[\w+=,.@-]+\/)*([\w+=,.@-]+)))$/;

/** Reads `role/NAME`, `user/NAME`, `root` or a full IAM ARN of `accountId`; undefined when it is none of them. */
export function parsePrincipal(text: string, accountId: string): Pick<PrincipalConsumer, 'principalArn' | 'principalType' | 'principalName'> | undefined {
  const m = PRINCIPAL_PATTERN.exec(text);
  if (!m || (m[1] && m[1] !== accountId)) return undefined;
  const [, , resource, type, , name] = m;
  const principalArn = `arn:aws:iam::${accountId}:${resource}`;
  if (resource === 'root') return { principalArn, principalType: 'root' };
  return { principalArn, principalType: type as 'role' | 'user', principalName: name };
}
