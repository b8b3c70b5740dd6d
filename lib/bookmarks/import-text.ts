/**
 * The text of a file chosen for import, as the person's editor saved it: a Perch export re-saved as UTF-16 (Windows'
 * Notepad "Unicode") or as UTF-8 with a byte order mark is read as readily as Perch's own UTF-8. Without a mark, UTF-8;
 * bytes that are no text decode to replacement characters, which the import then refuses as no Perch export.
 */
export async function importText(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return new TextDecoder(encodingOf(bytes)).decode(bytes);
}

/** The encoding a byte order mark names (the decoder drops the mark itself); UTF-8 without one. */
function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}
