/** Escaping for values placed into GitHub-flavoured Markdown by the templates. */

/** A table cell: a `|` would end the cell and a newline the row. */
export function tableCell(value: unknown): string {
  return String(value ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** An inline code span that survives backticks inside the value (CommonMark: a longer fence). */
export function inlineCode(value: unknown): string {
  const text = String(value ?? '');
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Plain text in a paragraph or list item: characters that would start emphasis, links, HTML or code are escaped. */
export function markdownText(value: unknown): string {
  return String(value ?? '').replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/\r?\n/g, ' ');
}
