import type { UserManifest } from 'wxt';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';

/** The manifest wxt.config.ts writes for one browser and mode (before WXT adds what entrypoints imply). */
async function manifestOf(browser: 'chrome' | 'firefox', mode: string): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts no longer builds its manifest in a function');
  return manifest({ browser, mode, manifestVersion: 3, command: 'build' });
}

/** The sources one directive of the extension pages' policy allows. */
async function sources(browser: 'chrome' | 'firefox', mode: string, directive: string): Promise<string[]> {
  const csp = (await manifestOf(browser, mode)).content_security_policy;
  const policy = csp && typeof csp === 'object' ? (csp as { extension_pages?: string }).extension_pages : undefined;
  const found = (policy ?? '')
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === directive);
  if (!found) throw new Error(`no ${directive} in the extension pages' policy`);
  return found.slice(1);
}

describe("the extension pages' Content Security Policy", () => {
  // X's pictures live on its image hosts (data dictionary: profile_image_url, media url and preview_image_url are
  // pbs.twimg.com; default avatars abs.twimg.com). An address on api.x.com in an answer would load with the person's
  // x.com cookies: the store build's pages load no image from the API's origin. Nor a data: address, which no page of
  // Perch's makes and which would show, as someone's picture, whatever an answer carried.
  it.each(['chrome', 'firefox'] as const)("loads images in the %s store build from X's image hosts only", async (browser) => {
    expect(await sources(browser, 'production', 'img-src')).toEqual(["'self'", 'blob:', 'https://pbs.twimg.com', 'https://abs.twimg.com']);
  });

  it.each(['chrome', 'firefox'] as const)('connects in the %s store build to the API origin only', async (browser) => {
    expect(await sources(browser, 'production', 'connect-src')).toEqual(["'self'", 'https://api.x.com']);
  });

  it('keeps the emulator, which serves its own pictures, for the test build', async () => {
    expect(await sources('chrome', 'test', 'img-src')).toContain('http://127.0.0.1:8787');
  });

  it.each(['chrome', 'firefox'] as const)(
    'lets no page of the %s store build be framed, nor run inline or remote script',
    async (browser) => {
      expect(await sources(browser, 'production', 'frame-ancestors')).toEqual(["'none'"]);
      expect(await sources(browser, 'production', 'script-src')).toEqual(["'self'"]);
    },
  );
});

describe('who may reach the worker from outside Perch', () => {
  // Perch listens to no other extension and no web page (test/unit/background/main.test.ts). Chrome still lets every
  // other extension open a channel to an extension that does not declare externally_connectable; declared with no
  // ids and no matches, none can (developer.chrome.com, manifest key externally_connectable).
  it.each(['production', 'test'])('lets no other extension nor web page connect to the Chrome %s build', async (mode) => {
    expect((await manifestOf('chrome', mode)).externally_connectable).toEqual({ ids: [] });
  });

  // Firefox has no such key (MDN: not supported, bug 1319168); web-ext would warn about it in the Firefox build.
  it('leaves the key out of the Firefox store build', async () => {
    expect((await manifestOf('firefox', 'production')).externally_connectable).toBeUndefined();
  });
});
