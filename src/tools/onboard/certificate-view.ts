import { Registry } from '../../registry/model';
import { findApp, OnboardRole, onboardRoles } from './onboard-view';

/** Where the snippets keep the app's certificate and key on the container host, mounted read-only into its container. */
export function certificateDir(appId: string): string {
  return `/etc/keyless/${appId}`;
}

/** What templates/onboard-certificate.md.hbs receives: a certificate consumer (IAM Roles Anywhere). */
export interface CertificateOnboardView {
  readonly app: { readonly id: string; readonly owner: string; readonly description?: string };
  /** The certificateAuthorities name, and the bundle file holding its public certificate. */
  readonly ca: { readonly name: string; readonly bundle: string };
  /** The AWS CLI / SDK profile name the snippets configure. */
  readonly profileName: string;
  readonly certificateFile: string;
  readonly keyFile: string;
  /** A certificate consumer's roles are all in its CA's account: exactly one. */
  readonly role: OnboardRole;
}

export function certificateOnboardView(registry: Registry, appId: string): CertificateOnboardView {
  const app = findApp(registry, appId);
  if (app.consumer.kind !== 'certificate') throw new Error(`${appId} is a principal consumer: use onboardView`);
  const ca = registry.certificateAuthorities.find((c) => c.name === (app.consumer as { ca: string }).ca)!;
  const dir = certificateDir(app.id);
  return {
    app: { id: app.id, owner: app.owner, description: app.description },
    ca: { name: ca.name, bundle: ca.bundle },
    profileName: `keyless-${app.id}`,
    certificateFile: `${dir}/${app.id}.crt`,
    keyFile: `${dir}/${app.id}.key`,
    role: onboardRoles(registry, app)[0],
  };
}
