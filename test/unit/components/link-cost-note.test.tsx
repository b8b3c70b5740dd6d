import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { LinkCostNoteView, linkCostSeen, linkCostSeenKey, markLinkCostSeen } from '@/components/LinkCostNote';
import { policyOf, wipeAccountStorage } from '@/lib/storage-wipe';

const ADA = '1585841080431321088';
const GRACE = '1452871219391512578';

describe('the composer’s note of a link post’s price', () => {
  it('says X’s price for a post with a link and offers “Got it”', () => {
    const html = renderToStaticMarkup(<LinkCostNoteView onDismiss={() => undefined} />);
    expect(html).toContain('A post with a link costs $0.200 on X’s pay-per-use plan, instead of $0.015 without one.');
    expect(html).toMatch(/<button type="button">Got it<\/button>/);
  });

  it('is remembered as read for the account that pressed “Got it”, and only for it', async () => {
    expect(await linkCostSeen(ADA)).toBe(false);
    await markLinkCostSeen(ADA);
    expect(await linkCostSeen(ADA)).toBe(true);
    expect(await linkCostSeen(GRACE)).toBe(false);
  });

  it('shows again after that account signs out, and stays read for the other one', async () => {
    await markLinkCostSeen(ADA);
    await markLinkCostSeen(GRACE);
    await wipeAccountStorage(ADA);
    expect(await linkCostSeen(ADA)).toBe(false);
    expect(await linkCostSeen(GRACE)).toBe(true);
    expect(await browser.storage.local.get(null)).toEqual({ [linkCostSeenKey(GRACE)]: true });
  });

  it('keeps its storage key under a declared wipe policy', () => {
    expect(policyOf('local', linkCostSeenKey(ADA))).toMatchObject({ clearOn: 'sign-out', perAccount: true });
  });
});
