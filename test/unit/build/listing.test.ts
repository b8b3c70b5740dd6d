import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import type { UserManifest } from 'wxt';
import { describe, expect, it } from 'vitest';
import config from '../../../wxt.config';
import { readListing, unasked, unjustified } from '../../build/listing';
import { STORE_SOURCES } from '../../demo/screens';

/** The manifest wxt.config.ts writes for a store build of one browser (before WXT adds what entrypoints imply). */
async function storeManifest(browser: 'chrome' | 'firefox'): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts no longer builds its manifest in a function');
  return manifest({ browser, mode: 'production', manifestVersion: 3, command: 'build' });
}

describe('the store listing', () => {
  const listing = readListing();

  it.each(['chrome', 'firefox'] as const)('justifies every permission the %s store build asks for', async (browser) => {
    const manifest = await storeManifest(browser);
    expect(manifest.permissions?.length).toBeGreaterThan(0);
    expect(unjustified(manifest as Parameters<typeof unjustified>[0], listing)).toEqual([]);
  });

  it('finds a permission with no justification (the canary)', async () => {
    const manifest = await storeManifest('chrome');
    const widened = {
      ...(manifest as Parameters<typeof unjustified>[0]),
      permissions: [...(manifest.permissions ?? []), 'tabs'],
      host_permissions: ['<all_urls>'],
    };
    expect(unjustified(widened, listing)).toEqual(['permission tabs', 'host permission <all_urls>']);
    expect(unjustified(widened, { permissions: { ...listing.permissions, tabs: '  ' }, host_permissions: {} })).toContain(
      'permission tabs',
    );
  });

  it('justifies nothing the store builds do not ask for, but the side panel WXT adds for Chrome', async () => {
    const manifests = [await storeManifest('chrome'), await storeManifest('firefox')] as Parameters<typeof unasked>[0];
    expect(unasked(manifests, listing)).toEqual(['sidePanel']);
  });

  it("fits the stores: the extension's own name, a summary of at most 132 characters, three certifications", () => {
    const messages = load(readFileSync('lib/locales/en.yml', 'utf8')) as { extName: string };
    expect(listing.name).toBe(messages.extName);
    expect(listing.short_description.length).toBeLessThanOrEqual(132);
    expect(listing.data_use.certifies).toHaveLength(3);
    for (const shot of listing.screenshots) expect(shot.caption.length).toBeGreaterThan(10);
  });

  it('has a demo screen behind every store screenshot, and no screen for a screenshot it does not list', () => {
    expect(Object.keys(STORE_SOURCES).sort()).toEqual(listing.screenshots.map((s) => s.file).sort());
  });
});
