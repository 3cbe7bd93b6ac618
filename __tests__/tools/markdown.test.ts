import { inlineCode, markdownText, tableCell } from '../../src/tools/markdown';

describe('Markdown escaping', () => {
  it('GIVEN a value with a pipe and a newline WHEN put in a table cell THEN the row stays one row of the same columns', () => {
    expect(tableCell('a|b\nc')).toBe('a\\|b<br>c');
  });

  it('GIVEN a value containing backticks WHEN put in inline code THEN the fence is longer than any run inside', () => {
    expect(inlineCode('plain')).toBe('`plain`');
    expect(inlineCode('a `b` c')).toBe('``a `b` c``');
    expect(inlineCode('`edge')).toBe('`` `edge ``');
  });

  it('GIVEN an ARN pattern with a star WHEN used as text THEN it cannot start emphasis', () => {
    expect(markdownText('arn:aws:iam::1:role/keyless/keyless-* and *x*')).toBe('arn:aws:iam::1:role/keyless/keyless-\\* and \\*x\\*');
  });
});
