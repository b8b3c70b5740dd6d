import { describe, expect, it } from 'vitest';
import { importLine } from '@/components/manager/bookmarks/use-import';

/** A chosen file the browser can no longer read (moved, changed, no permission) is named in Perch's words. */

describe('importing a file the browser can no longer read', () => {
  it('says so in Perch’s words, not the browser’s DOMException text', async () => {
    const said =
      'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.';
    const file = {
      name: 'perch-bookmarks.json',
      size: 100,
      arrayBuffer: () => Promise.reject(new DOMException(said, 'NotReadableError')),
    } as unknown as File;
    const line = await importLine(file, () => Promise.reject(new Error('not reached')));
    expect(line).toEqual({
      text: 'Could not import the file. Perch could not read perch-bookmarks.json. Choose the file again.',
      error: true,
    });
  });
});
