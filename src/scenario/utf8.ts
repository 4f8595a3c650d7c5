/**
 * UTF-8, strictly: a file's length in bytes, and bytes decoded to text with invalid
 * ones refused (naming their line, column and JSON path) instead of silently turned
 * into U+FFFD.
 */
import type { Finding } from './findings.ts';
import { lineCol, pathAt } from './jsonScan.ts';

export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export type DecodedText = { ok: true; text: string } | { ok: false; findings: Finding[] };

/**
 * UTF-8 bytes to text, refusing invalid bytes instead of turning them into U+FFFD (which
 * would change a file's meaning without a word). The finding names the byte's line,
 * column and JSON path.
 */
export function decodeUtf8(bytes: Uint8Array, file: string): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const { line, column } = lineCol(before, before.length);
    const at = pathAt(before, before.length);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      findings: [
        {
          severity: 'error',
          file,
          path: at,
          line,
          column,
          message: `the file is not valid UTF-8: byte 0x${byte} cannot start or continue a character here; save the file as UTF-8`,
        },
      ],
    };
  }
}

/** The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const x = b[k];
    return x !== undefined && x >= lo && x <= hi;
  };
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) i += 1;
    else if (c >= 0xc2 && c <= 0xdf && cont(i + 1)) i += 2;
    else if (c === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (c === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (c === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c >= 0xf1 && c <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (c === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return b.length;
}
