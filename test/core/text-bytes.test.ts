import { describe, expect, it } from 'vitest';
import { decodeTextBytes } from '../../core/text-bytes.ts';

/** '{"a":"é"}' as a file in each encoding, byte by byte. */
const UTF8 = [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0xa9, 0x22, 0x7d];
const UTF16LE = [0x7b, 0, 0x22, 0, 0x61, 0, 0x22, 0, 0x3a, 0, 0x22, 0, 0xe9, 0, 0x22, 0, 0x7d, 0];
const UTF16BE = [0, 0x7b, 0, 0x22, 0, 0x61, 0, 0x22, 0, 0x3a, 0, 0x22, 0, 0xe9, 0, 0x22, 0, 0x7d];

describe('decodeTextBytes', () => {
  it.each([
    ['UTF-8', UTF8],
    ['UTF-8 with a byte-order mark', [0xef, 0xbb, 0xbf, ...UTF8]],
    ['UTF-16LE with a mark (Windows PowerShell 5 Out-File)', [0xff, 0xfe, ...UTF16LE]],
    ['UTF-16BE with a mark', [0xfe, 0xff, ...UTF16BE]],
  ])('reads %s as the same text, without the mark', (_, bytes) => {
    expect(decodeTextBytes(Uint8Array.from(bytes))).toBe('{"a":"é"}');
  });

  it('leaves UTF-16 without a mark as the NULs it decodes to, which the JSON reader refuses', () => {
    expect(decodeTextBytes(Uint8Array.from(UTF16LE))).toContain('\u0000');
  });

  it('reads an empty file as empty text', () => {
    expect(decodeTextBytes(new Uint8Array(0))).toBe('');
  });
});
