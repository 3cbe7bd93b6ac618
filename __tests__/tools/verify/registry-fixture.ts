/**
 * A registry unlike the bundled one: two bucket accounts, a bucket that is neither exclusive nor TLS-only, a network by
 * source IP, a breakGlass pattern, a consumer account root and an external consumer sharing a bucket.
 */
export const ACCOUNTS = `
accounts:
  store:
    id: "111111111111"
    region: eu-west-1
    breakGlass: [arn:aws:iam::111111111111:role/admins/Admin_*]
  store2:
    id: "222222222222"
    region: us-east-1
    deployRole: arn:aws:iam::222222222222:role/deploy
    planRole: arn:aws:iam::222222222222:role/plan
    breakGlass: [arn:aws:iam::222222222222:role/ops-?-admin*]
  work:
    id: "333333333333"
    region: eu-west-1
buckets:
  open:
    account: store
    exclusive: false
    enforceTls: false
  locked:
    account: store2
    network:
      sourceIp: [192.0.2.0/24]
`;

export const APPS = {
  node: `
id: node-app
owner: t
consumer: { account: work, principal: root }
externalId: node-app-external-id-1
sourceIdentity: "*"
access:
  - { bucket: open, permissions: [read, list] }
  - { bucket: locked, permissions: [write] }
`,
  partner: `
id: partner
owner: t
consumer: { accountId: "444444444444", principal: "arn:aws:iam::444444444444:role/sync" }
externalId: partner-external-id-2
access:
  - { bucket: open, permissions: [write] }
`,
};
