/**
 * An identity policy cut down to the Resource entries that can match one request, with the same decision as the
 * whole policy. A node role's consumer policies list hundreds of exact role ARNs, and the simulator turns every
 * entry into regular expressions on every request (half of verify's time at 1000 apps), although only the entry
 * naming the requested role can match it.
 *
 * An entry is dropped only when it is a full ARN without wildcards (`*`, `?`) or policy variables (`${…}`) and
 * differs from the requested resource even ignoring case: the simulator matches such an entry only against that
 * exact ARN. Statements stay where they are (the report names them by Sid or index), NotResource is left alone, and
 * a statement whose entries all drop keeps its first one, which does not match either.
 */
export function sliceForResource(document: unknown, resource: string): unknown {
  if (resource.includes('*') || !isRecord(document) || !Array.isArray(document.Statement)) return document;
  let changed = false;
  const Statement = document.Statement.map((statement: unknown) => {
    if (!isRecord(statement) || !Array.isArray(statement.Resource) || statement.Resource.length < 2) return statement;
    const kept = statement.Resource.filter((entry: unknown) => typeof entry !== 'string' || mayMatch(entry, resource));
    if (kept.length === statement.Resource.length) return statement;
    changed = true;
    return { ...statement, Resource: kept.length ? kept : [statement.Resource[0]] };
  });
  return changed ? { ...document, Statement } : document;
}

/** A full ARN has six colon-separated parts; the simulator pads shorter ones with wildcards. */
const ARN_PARTS = 6;

function mayMatch(entry: string, resource: string): boolean {
  const exact = entry.startsWith('arn:') && entry.split(':').length >= ARN_PARTS && !/[*?$]/.test(entry);
  return !exact || entry.toLowerCase() === resource.toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
