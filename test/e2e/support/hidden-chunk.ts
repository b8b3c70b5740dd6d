import { expect } from '@playwright/test';
import { readdirSync, renameSync } from 'node:fs';
import path from 'node:path';

/**
 * Takes the composer's own file out of a built extension (`build`: CHROME_BUILD or FIREFOX_BUILD), as when Perch is
 * updated under an open popup or the disk fails; the function returned puts it back (once, however often called).
 */
export function hideComposer(build: string): () => void {
  const chunks = path.join(build, 'chunks');
  const [file] = readdirSync(chunks).filter((f) => /^Composer-[\w-]+\.js$/.test(f));
  expect(file, 'the composer’s own file in the build').toBeDefined();
  const from = path.join(chunks, file!);
  renameSync(from, `${from}.hidden`);
  let back = false;
  return () => {
    if (back) return;
    back = true;
    renameSync(`${from}.hidden`, from);
  };
}
