import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { inlineCode, markdownText, tableCell } from './markdown';
import { PACKAGE_ROOT } from './package';

/** The project's templates/ folder; teams restyle review comments and onboarding snippets there. */
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');

/** Values for code: a double-quoted string literal is valid Python, JavaScript and TypeScript alike. */
const quote = (value: unknown) => JSON.stringify(String(value ?? ''));
/** A single-quoted shell word: nothing inside is expanded. */
const shellWord = (value: unknown) => `'${String(value ?? '').replace(/'/g, `'\\''`)}'`;

/**
 * Renders `<dir>/<name>.hbs` with the partials in `<dir>/<name>/*.hbs` (named by file name up to the first dot).
 * Output is Markdown and code, not HTML, so nothing is HTML-escaped: templates escape with the helpers
 * `cell`, `code`, `text`, `quote` and `shell`.
 */
export function renderTemplate(name: string, view: object, dir: string = TEMPLATES_DIR): string {
  const hbs = Handlebars.create();
  hbs.registerHelper({
    cell: tableCell,
    code: inlineCode,
    text: markdownText,
    quote,
    shell: shellWord,
    eq: (a: unknown, b: unknown) => a === b,
    concat: (...args: unknown[]) => args.slice(0, -1).map(String).join(''),
    dirname: (path: unknown) => String(path ?? '').replace(/\/[^/]*$/, ''),
    join: (items: unknown, separator: unknown) => (Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : ''),
  });
  const partialsDir = join(dir, name);
  if (existsSync(partialsDir)) {
    for (const file of readdirSync(partialsDir).filter((f) => f.endsWith('.hbs'))) {
      hbs.registerPartial(basename(file).split('.')[0], readFileSync(join(partialsDir, file), 'utf8'));
    }
  }
  const template = hbs.compile(readFileSync(join(dir, `${name}.md.hbs`), 'utf8'), { noEscape: true });
  return template(view);
}
