import { error } from '../diagnostics';
import { arnAccount, arnRegion } from '../../policy/naming';
import { Check } from './check';

/**
 * Secrets Manager encrypts a secret with a KMS key of the secret's own region and account ("Secret encryption and
 * decryption in AWS Secrets Manager"): the grant names Secrets Manager of that region, so any other key never matches.
 */
// Stryker disable next-line ArrayDeclaration: a string item yields no problem, so a made-up one cannot be told from no secrets
export const secretKeyRegion: Check = ({ apps }) => apps.flatMap(({ source, data }) => (data.secrets ?? []).flatMap((item, i) => {
  if (typeof item === 'string') return [];
  const [secret, key] = [item.arn, item.kmsKey];
  if (arnRegion(secret) === arnRegion(key) && arnAccount(secret) === arnAccount(key)) return [];
  return [error(source.locate(['secrets', i, 'kmsKey']),
    `kmsKey is in ${arnRegion(key)} of account ${arnAccount(key)}, but the secret is in ${arnRegion(secret)} of account ${arnAccount(secret)}; ` +
    'Secrets Manager only uses keys of the secret\'s region and account: copy KmsKeyId from aws secretsmanager describe-secret --secret-id <arn>')];
}));
