import { partitionPoint } from '../../registry/collections';
import type { Stack } from './terraform-json';

/** Where each object key of a stack file starts, and where each line starts: built once per stack. */
interface TextIndex {
  readonly objectKeys: ReadonlyMap<string, number>;
  readonly lineStarts: readonly number[];
}

const textIndexes = new WeakMap<Stack, TextIndex>();

function textIndex(stack: Stack): TextIndex {
  let index = textIndexes.get(stack);
  if (!index) {
    const objectKeys = new Map<string, number>();
    for (const match of stack.text.matchAll(/"([^"\n]+)": \{/g)) {
      if (!objectKeys.has(match[1])) objectKeys.set(match[1], match.index);
    }
    const lineStarts = [0];
    for (let at = stack.text.indexOf('\n'); at >= 0; at = stack.text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    index = { objectKeys, lineStarts };
    textIndexes.set(stack, index);
  }
  return index;
}

/** `file:line:col` of `"key":` inside the resource named `name`; the file's start when not found. */
export function locate(stack: Stack, name: string, key: string): string {
  const { objectKeys, lineStarts } = textIndex(stack);
  const resourceAt = objectKeys.get(name) ?? -1;
  const keyAt = resourceAt < 0 ? -1 : stack.text.indexOf(`"${key}":`, resourceAt);
  const at = Math.max(keyAt < 0 ? resourceAt : keyAt, 0);
  const line = lineIndex(lineStarts, at);
  return `${stack.file}:${line + 1}:${at - lineStarts[line] + 1}`;
}

/** The 0-based line holding offset `at`: the last line start not after it. */
function lineIndex(lineStarts: readonly number[], at: number): number {
  return Math.max(0, partitionPoint(lineStarts.length, (i) => lineStarts[i] <= at) - 1);
}
