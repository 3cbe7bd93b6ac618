import { ACCOUNTS, problems } from '../fixtures';

/** The fixture registry with `lines` as the services of bucket "shared" (line 12 onwards; first entry at 12:7). */
const withServices = (lines: string) => ACCOUNTS.replace('    account: data\n', `    account: data\n    services:\n${lines}`);

describe('serviceSourceCondition', () => {
  test('GIVEN CloudFront held to its distribution and S3 logging held to its source bucket WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withServices(
      '      - { service: cloudfront.amazonaws.com, prefix: public/, permissions: [read], sourceArn: "arn:aws:cloudfront::111111111111:distribution/E2QWRUHEXAMPLE" }\n' +
      '      - { service: logging.s3.amazonaws.com, prefix: logs/, permissions: [write], sourceArn: "arn:aws:s3:::source" }\n'), {})).toEqual([]);
  });

  test('GIVEN CloudFront without sourceArn WHEN validated THEN an error names the confused deputy and the ARN to add', () => {
    expect(problems(withServices('      - { service: cloudfront.amazonaws.com, prefix: public/, permissions: [read], sourceAccount: "111111111111" }\n'), {})).toEqual([
      'accounts.yaml:13:9: error: service grant of cloudfront.amazonaws.com on s3://shared/public/ has no sourceArn, but the service sends aws:SourceArn ' +
      '(https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html): without it the service would act ' +
      'on this bucket for any resource of any account that names it (confused deputy); add sourceArn: arn:aws:cloudfront::111111111111:distribution/E2QWRUHEXAMPLE, ' +
      'the ARN of your resource',
    ]);
  });

  test('GIVEN S3 logging with only the default sourceAccount WHEN validated THEN sourceArn is still required, since the service sends it', () => {
    expect(problems(withServices('      - { service: logging.s3.amazonaws.com, prefix: logs/, permissions: [write] }\n'), {})[0])
      .toMatch(/^accounts\.yaml:13:9: error: service grant of logging\.s3\.amazonaws\.com on s3:\/\/shared\/logs\/ has no sourceArn, .* add sourceArn: arn:aws:s3:::my-source-bucket, the ARN of your resource$/);
  });

  test('GIVEN a service keyless does not know, without any source condition WHEN validated THEN an error asks for one', () => {
    expect(problems(withServices('      - { service: logdelivery.elasticloadbalancing.amazonaws.com, prefix: alb/, permissions: [write] }\n'), {})).toEqual([
      'accounts.yaml:13:9: error: service grant of logdelivery.elasticloadbalancing.amazonaws.com on s3://shared/alb/ has neither sourceArn nor sourceAccount: ' +
      'without a confused-deputy condition the service would act on this bucket for any resource of any account that names it; add sourceArn (the ARN of ' +
      'your resource) and/or sourceAccount (your account id), whichever the service sends as aws:SourceArn/aws:SourceAccount per its documentation',
    ]);
  });

  test('GIVEN a service keyless does not know, with a source condition WHEN validated THEN a warning says to check which keys it sends', () => {
    expect(problems(withServices('      - { service: logdelivery.elasticloadbalancing.amazonaws.com, prefix: alb/, permissions: [write], sourceAccount: "111111111111" }\n'), {})).toEqual([
      'accounts.yaml:13:9: warning: keyless does not know which of aws:SourceArn and aws:SourceAccount logdelivery.elasticloadbalancing.amazonaws.com sends ' +
      '(it knows cloudfront.amazonaws.com, logging.s3.amazonaws.com, delivery.logs.amazonaws.com); check the service\'s documentation: a condition on a key it ' +
      'does not send denies all its requests, a key it sends but you leave out widens the grant',
    ]);
  });

  test('GIVEN a CloudFront sourceArn that is no distribution WHEN validated THEN an error shows the form the service sends', () => {
    expect(problems(withServices('      - { service: cloudfront.amazonaws.com, prefix: public/, permissions: [read], sourceArn: "arn:aws:s3:::shared" }\n'), {})).toEqual([
      'accounts.yaml:13:9: error: sourceArn arn:aws:s3:::shared is not what cloudfront.amazonaws.com sends as aws:SourceArn, so the grant would never match; ' +
      'write it like arn:aws:cloudfront::111111111111:distribution/E2QWRUHEXAMPLE',
    ]);
  });

  test('GIVEN a service that is not a service principal, or a whole-bucket prefix WHEN validated THEN the schema says what to write', () => {
    expect(problems(withServices(
      '      - { service: arn:aws:iam::111111111111:role/x, prefix: public/, permissions: [read], sourceAccount: "111111111111" }\n' +
      '      - { service: cloudfront.amazonaws.com, prefix: /, permissions: [read], sourceArn: "arn:aws:cloudfront::111111111111:distribution/E1" }\n'), {})).toEqual([
      'accounts.yaml:13:20: error: "buckets.shared.services[0].service" must be an AWS service principal such as cloudfront.amazonaws.com or logging.s3.amazonaws.com (found "arn:aws:iam::111111111111:role/x")',
      'accounts.yaml:14:54: error: "buckets.shared.services[1].prefix" must not be "" or "/" (the whole bucket): a service gets a prefix, like an app, e.g. "myapp-123/"; name the prefix the service reads or writes (found "/")',
    ]);
  });

  test('GIVEN S3 logging held to its source bucket and account WHEN validated THEN no problem: the service sends both keys (compliance)', () => {
    expect(problems(withServices(
      '      - { service: logging.s3.amazonaws.com, prefix: logs/, permissions: [write], sourceArn: "arn:aws:s3:::source", sourceAccount: "111111111111" }\n'), {})).toEqual([]);
  });

  test('GIVEN CloudFront held to a sourceAccount too WHEN validated THEN a warning says it is not documented to send it', () => {
    expect(problems(withServices(
      '      - { service: cloudfront.amazonaws.com, prefix: public/, permissions: [read], sourceArn: "arn:aws:cloudfront::111111111111:distribution/E1", sourceAccount: "111111111111" }\n'), {})).toEqual([
      'accounts.yaml:13:9: warning: cloudfront.amazonaws.com is not documented to send aws:SourceAccount ' +
      '(https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html): if it does not, the condition ' +
      'denies all its requests; remove sourceAccount unless you have seen the service send it',
    ]);
  });

  test('GIVEN a service keyless does not know, held to a sourceArn only WHEN validated THEN a warning, not an error: it has a condition', () => {
    expect(problems(withServices(
      '      - { service: logdelivery.elasticloadbalancing.amazonaws.com, prefix: alb/, permissions: [write], sourceArn: "arn:aws:elasticloadbalancing:eu-central-1:111111111111:loadbalancer/app/web/1" }\n'), {})).toEqual([
      expect.stringMatching(/^accounts\.yaml:13:9: warning: keyless does not know which of aws:SourceArn and aws:SourceAccount logdelivery\.elasticloadbalancing\.amazonaws\.com sends /),
    ]);
  });
});
