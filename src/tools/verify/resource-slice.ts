/**
 * A policy cut down to the Resource and NotResource entries that can match one request, with the same decision as
 * the whole policy. A node role's consumer policies list hundreds of exact role ARNs, and the organization's RCP
 * lists every keyless bucket; the simulator turns every entry into regular expressions on every request (half of
 * verify's time), although only the entries of the requested role or bucket can match it.
 *
 * An entry is dropped only when it is a full ARN without policy variables (`${…}`) whose literal start (up to the
 * first wildcard or regular-expression character) is not, even ignoring case, the start of the requested resource.
 * The simulator (iam-simulate `singleResourceMatchesRequest`) matches partition, service, region and account as
 * anchored, case-insensitive patterns and the resource part from its start, so such an entry cannot match; for
 * NotResource, every reason it gives such an entry for not matching is "invertible", i.e. counts as the request
 * lying outside the entry, exactly as a dropped entry does. Statements stay where they are (the report names them
 * by Sid or index), and a statement whose entries all drop keeps its first one, which does not match either.
 */
export function sliceForResource(document: unknown, resource: string): unknown {
  if (resource.includes('*') || !isRecord(document) || !Array.isArray(document.Statement)) return document;
  const lowerResource = resource.toLowerCase();
  let changed = false;
  const Statement = document.Statement.map((statement: unknown) => {
    if (!isRecord(statement)) return statement;
    const key = Array.isArray(statement.Resource) ? 'Resource' : Array.isArray(statement.NotResource) ? 'NotResource' : undefined;
    const entries = key && (statement[key] as unknown[]);
    if (!key || !entries || entries.length < 2) return statement;
    const kept = entries.filter((entry) => typeof entry !== 'string' || mayMatch(entry, lowerResource));
    if (kept.length === entries.length) return statement;
    changed = true;
    return { ...statement, [key]: kept.length ? kept : [entries[0]] };
  });
  return changed ? { ...document, Statement } : document;
}

/** A full ARN has six colon-separated parts; the simulator pads shorter ones with wildcards or rejects them. */
const ARN_PARTS = 6;
/** IAM wildcards (and `$`, which may open a variable) end an entry's literal start. */
const WILDCARD = /[*?$]/;
/** The simulator puts partition, service, region and account into a RegExp unescaped: these end it there too. */
const REGEXP_SPECIAL = /[.+^()[\]{}|\\]/;

function mayMatch(entry: string, lowerResource: string): boolean {
  const parts = entry.split(':');
  if (!entry.startsWith('arn:') || parts.length < ARN_PARTS || entry.includes('${')) return true;
  const head = parts.slice(0, ARN_PARTS - 1).join(':');
  const cuts = [entry.search(WILDCARD), head.search(REGEXP_SPECIAL)].filter((i) => i !== -1);
  if (!cuts.length) return entry.toLowerCase() === lowerResource;
  return lowerResource.startsWith(entry.slice(0, Math.min(...cuts)).toLowerCase());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
