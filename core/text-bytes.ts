// core is built against ES2023 alone; TextDecoder is the one platform API it needs, and every
// runtime the app runs in (Node, Electron, browsers) has it.
declare const TextDecoder: new (label: string) => { decode(bytes: Uint8Array): string };

/**
 * A text file's bytes as text, in the encoding its byte-order mark names: UTF-8 by default, UTF-16
 * when the file starts with FF FE or FE FF. Windows PowerShell 5's `Out-File` and `>` write
 * UTF-16LE with a mark, so a scenario saved from a script there must open like any other. The
 * mark itself is dropped. Bytes that are not valid in the encoding read as U+FFFD, which the JSON
 * and CSV readers then refuse as binary.
 */
export function decodeTextBytes(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  const encoding =
    b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : 'utf-8';
  // TextDecoder drops the byte-order mark of the encoding it decodes (ignoreBOM defaults to false).
  return new TextDecoder(encoding).decode(bytes);
}
