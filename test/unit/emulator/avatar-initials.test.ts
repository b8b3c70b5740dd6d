import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../emulator/server';
import { CROWD_USERS } from '../../emulator/seed';
import { startTestEmulator } from './helpers';

/** The letters drawn on the demo's picture of the (first) seeded account whose display name starts so. */
async function drawnInitials(emu: Emulator, name: string): Promise<string> {
  const user = CROWD_USERS.find((u) => u.name.startsWith(name));
  if (!user) throw new Error(`no seeded account named ${name}`);
  const res = await fetch(`${emu.url}/profile_images/${user.id}/avatar_normal.png`);
  expect(res.status).toBe(200);
  const svg = await res.text();
  return /<text[^>]*>([^<]*)<\/text>/u.exec(svg)?.[1] ?? '';
}

describe('the demo’s account pictures', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  it('draw whole letters beside an emoji, never half of one (Muted and Blocked tabs)', async () => {
    expect(await drawnInitials(emu, 'Hiroshi 🤖 Bot')).toBe('HB');
    // Spam-like names are numbered: "副業で月100万 💴 #6" (the emoji alone is no word, as on Perch's own tile).
    expect(await drawnInitials(emu, '副業で月100万 💴')).toBe('副6');
    expect(await drawnInitials(emu, 'Ngozi Okonkwo 👩🏿‍💻')).toBe('NO');
    expect(await drawnInitials(emu, 'Reply Guy 🙋‍♂️')).toBe('RG');
  });

  it('keep an accented first letter whole', async () => {
    expect(await drawnInitials(emu, 'Émile Zola 📖')).toBe('ÉZ');
    expect(await drawnInitials(emu, 'Björk Guðmundsdóttir')).toBe('BG');
  });

  it('show no "�" on any seeded picture', async () => {
    for (const user of CROWD_USERS) {
      const drawn = await drawnInitials(emu, user.name);
      // Half an emoji is a lone surrogate: it reaches the page as U+FFFD, "�".
      expect(drawn, user.name).not.toContain('\uFFFD');
      expect(drawn, user.name).not.toBe('');
    }
  });
});
