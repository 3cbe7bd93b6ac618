/** Decodes a registry file as UTF-8, or says where its first byte that is not UTF-8 is. */
export type Decoded = { readonly text: string } | { readonly invalidAt: { readonly line: number; readonly column: number; readonly byte: number } };

const strict = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
    const lines = before.split('\n');
    return { invalidAt: { line: lines.length, column: [...lines[lines.length - 1]].length + 1, byte: bytes[offset] } };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = sequenceLength(bytes, i);
    if (!length) return i;
    i += length;
  }
  return 0;
}

/** Length of the well-formed sequence at `i` (RFC 3629 table 3-7), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const [length, low, high] =
    b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf] :
    b === 0xe0 ? [3, 0xa0, 0xbf] :
    b === 0xed ? [3, 0x80, 0x9f] :
    b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf] :
    b === 0xf0 ? [4, 0x90, 0xbf] :
    b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf] :
    b === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
  if (!length || bytes[i + 1] < low || bytes[i + 1] > high || i + length > bytes.length) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}
