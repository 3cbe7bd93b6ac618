/**
 * Sids of the bucket policy's Deny statements (src/policy/bucket-policy.ts) that guardrail scenarios expect to decide.
 * A test builds a bucket policy and checks it holds exactly these, so a renamed statement fails there first.
 */
export const GUARDRAIL_SIDS = {
  insecureTransport: 'DenyInsecureTransport',
  principalsOutsideRegistry: 'DenyPrincipalsOutsideRegistry',
  deployRoleBeyondBucketPolicy: 'DenyDeployRoleBeyondBucketPolicy',
  sessionWithoutAppIdTag: 'DenyAppSessionWithoutAppIdTag',
  sessionTaggedForAnotherApp: 'DenyAppSessionTaggedForAnotherApp',
  sessionOutsideNetwork: 'DenyAppSessionOutsideNetwork',
} as const;
