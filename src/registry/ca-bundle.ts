import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountsFile } from './schema';
import { Parsed } from './yaml-source';

/** One PEM block of a bundle file, with the line its BEGIN marker is on. */
export interface PemBlock {
  /** `CERTIFICATE`, `PRIVATE KEY`, … */
  readonly label: string;
  readonly text: string;
  readonly line: number;
}

/** A CA bundle file as read from the registry: its text, or why it could not be read. */
export type CaBundleFile =
  | { readonly file: string; readonly text: string }
  | { readonly file: string; readonly readError: string };

/** Bundles by certificateAuthorities name; `pem` is the certificate the trust anchor receives once checked. */
export type CaBundles = ReadonlyMap<string, CaBundleFile & { readonly pem?: string }>;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/** Reads every declared bundle, relative to the registry root; a missing or unreadable one is recorded, never thrown. */
export function readCaBundles(root: string, accounts: Parsed<AccountsFile> | undefined): CaBundles {
  const bundles = new Map<string, CaBundleFile & { pem?: string }>();
  for (const [name, ca] of Object.entries(accounts?.data.certificateAuthorities ?? {})) {
    try {
      const text = readFileSync(join(root, ca.bundle), 'utf8');
      const blocks = pemBlocks(text);
      const pem = blocks.length === 1 && blocks[0].label === 'CERTIFICATE' ? `${blocks[0].text}\n` : undefined;
      bundles.set(name, { file: ca.bundle, text, pem });
    } catch (e) {
      bundles.set(name, { file: ca.bundle, readError: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
  return bundles;
}

/** The PEM blocks of a file, in order. */
export function pemBlocks(text: string): PemBlock[] {
  return [...text.matchAll(PEM_BLOCK)].map((m) => ({
    label: m[1],
    text: m[0],
    line: text.slice(0, m.index).split('\n').length,
  }));
}

/** The certificate of a PEM block, or the parser's complaint. */
export function parseCertificate(block: PemBlock): X509Certificate | { readonly error: string } {
  try {
    return new X509Certificate(block.text);
  } catch (e) {
    return { error: (e as Error).message };
  }
}
