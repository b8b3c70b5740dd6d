import { expect, type Perch } from './fixtures';

/** Grace, whose profile the popup specs open, and the popup's size on it. */
export const GRACE = { id: '1452871219391512578', username: 'gracehop' };
export const PROFILE = `https://x.com/${GRACE.username}`;
export const POPUP = { viewport: { width: 360, height: 600 } };

/** Ticks "My X app is on the Enterprise plan" in Perch's settings: Block goes through Perch. */
export async function sayEnterprisePlan(perch: Perch): Promise<void> {
  const options = await perch.open('options');
  await options.getByRole('checkbox', { name: 'My X app is on the Enterprise plan' }).check();
  await expect(options.getByText('Perch now replies, quotes and blocks through your app.')).toBeVisible();
  await options.close();
}
