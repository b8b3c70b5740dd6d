import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { pageScripts } from '../support/page-scripts';
import { CHROME_BUILD, FIREFOX_BUILD } from '../support/paths';

/**
 * What the built pages load, read from the test builds of both browsers (lib/page-chunks.ts): the popup's first
 * screen in a few files, and what loads on use still loaded on use.
 */

/** A lazy chunk by its name (the bundler names a chunk after its module). */
const named = (files: string[], name: string) => files.filter((f) => new RegExp(`(^|/)${name}-[\\w-]+\\.js$`).test(f));

/**
 * Words only the manager says of past actions (components/manager/action-state.ts: the Activity tab, status lines):
 * the popup's buttons say an action's phase with components/action-phase.ts alone.
 */
const MANAGER_WORDS = ['activity_done', 'activity_undoing', 'action_phase_undo_failed'];
const codeOf = (build: string, files: string[]) => files.map((f) => readFileSync(path.join(build, f), 'utf8')).join('\n');

/** What the popup loads only when used: the composers, the list picker, the sign-out dialog; and the manager. */
const POPUP_LATER = ['Composer', 'EditComposer', 'ListPicker', 'SignOutDialog'];

for (const [browser, build] of [
  ['chromium', CHROME_BUILD],
  ['firefox', FIREFOX_BUILD],
] as const) {
  test(`${browser}: the popup's first screen loads 4 scripts at most, none of what loads when used`, () => {
    const first = pageScripts(build, 'popup', { dynamic: false });
    // The head script, the popup's own chunk, the shared chunk (React and the code other pages use too), the runtime.
    expect(first.length, first.join(', ')).toBeLessThanOrEqual(4);
    expect(named(first, 'shared'), first.join(', ')).toHaveLength(1);
    for (const later of [...POPUP_LATER, 'Manager']) expect(named(first, later), later).toEqual([]);
  });

  test(`${browser}: canary: what the popup loads when used is seen, in chunks of its own`, () => {
    const all = pageScripts(build, 'popup', { dynamic: true });
    for (const later of POPUP_LATER) expect(named(all, later), later).toHaveLength(1);
  });

  test(`${browser}: the popup's first screen carries none of the manager's words for past actions`, () => {
    const first = codeOf(build, pageScripts(build, 'popup', { dynamic: false }));
    for (const key of MANAGER_WORDS) expect(first, key).not.toContain(key);
    // Canary: the manager's own code has them.
    const manager = codeOf(build, pageScripts(build, 'manager', { dynamic: true }));
    for (const key of MANAGER_WORDS) expect(manager, key).toContain(key);
  });

  test(`${browser}: the other pages keep loading the sign-out dialog when it is chosen`, () => {
    for (const page of ['manager', 'options']) {
      expect(named(pageScripts(build, page, { dynamic: false }), 'SignOutDialog'), page).toEqual([]);
      expect(named(pageScripts(build, page, { dynamic: true }), 'SignOutDialog'), page).toHaveLength(1);
    }
  });
}
