/**
 * A line diff of two texts (pretty-printed JSON) as a ```diff block shows it: `-` lines only before, `+` lines only
 * after, `  ` lines in both, from the longest common subsequence. Kept statements are short, so O(n·m) is fine.
 */
export function jsonLineDiff(before: string, after: string): string {
  const b = before ? before.split('\n') : [];
  const a = after ? after.split('\n') : [];
  // common[i][j]: length of the longest common subsequence of b[i..] and a[j..].
  const common = Array.from({ length: b.length + 1 }, () => new Array<number>(a.length + 1).fill(0));
  for (let i = b.length - 1; i >= 0; i--) {
    for (let j = a.length - 1; j >= 0; j--) {
      common[i][j] = b[i] === a[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines: string[] = [];
  let [i, j] = [0, 0];
  while (i < b.length || j < a.length) {
    if (i < b.length && j < a.length && b[i] === a[j]) {
      lines.push(`  ${b[i++]}`);
      j++;
    } else if (i < b.length && (j === a.length || common[i + 1][j] >= common[i][j + 1])) {
      lines.push(`- ${b[i++]}`);
    } else {
      lines.push(`+ ${a[j++]}`);
    }
  }
  return lines.join('\n');
}
