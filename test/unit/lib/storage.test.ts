import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { managerTabRequest } from '@/components/manager/open-tab';
import { EMPTY_SESSION, isSessionView, readSessionView, sessionView } from '@/lib/storage';

const ada = { id: '1585841080431321088', name: 'Ada Perch', username: 'adaperch' };

describe('the public session view', () => {
  it.each([
    ['signed out', EMPTY_SESSION, true],
    ['one account', { accounts: [ada], activeAccountId: ada.id, notice: null }, true],
    [
      'a notice by kind and X’s facts',
      {
        accounts: [],
        activeAccountId: null,
        notice: { why: { kind: 'grant-gone', code: 'invalid_grant', said: 'Revoked.' }, at: '2026-11-23T00:00:00Z', username: 'adaperch' },
      },
      true,
    ],
    [
      'a notice stored before issue 13, as a sentence',
      { accounts: [], activeAccountId: null, notice: { reason: 'Revoked.', at: '2026-11-23T00:00:00Z', username: 'adaperch' } },
      true,
    ],
    ['a numeric id', { accounts: [{ ...ada, id: 1585841080431321088 }], activeAccountId: null, notice: null }, false],
    ['an id with letters', { accounts: [{ ...ada, id: '12a' }], activeAccountId: null, notice: null }, false],
    ['accounts missing', { activeAccountId: null, notice: null }, false],
    ['a notice without a reason', { accounts: [], activeAccountId: null, notice: { at: 'x' } }, false],
    ['a string', 'signed in', false],
  ])('accepts %s: %s', (_name, value, ok) => {
    expect(isSessionView(value)).toBe(ok);
  });

  it('reads a malformed notice as no notice, keeping the accounts signed in beside it', async () => {
    await sessionView.setValue({ accounts: [ada], activeAccountId: ada.id, notice: { at: 'x', why: { kind: 'teapot' } } } as never);
    expect(await readSessionView()).toEqual({ accounts: [ada], activeAccountId: ada.id, notice: null });
  });

  it('keeps the accounts signed in beside one whose entry is malformed, the active one among them', async () => {
    const grace = { id: '1452871219391512578', name: 'Grace', username: 'gracehop' };
    await sessionView.setValue({ accounts: [ada, { ...ada, id: 'x', name: 5 }, grace], activeAccountId: grace.id, notice: null } as never);
    expect(await readSessionView()).toEqual({ accounts: [ada, grace], activeAccountId: grace.id, notice: null });
  });

  it('makes the first sound account the active one when the active one’s entry is malformed', async () => {
    await sessionView.setValue({ accounts: [{ id: '7', name: 'Broken' }, ada], activeAccountId: '7', notice: null } as never);
    expect(await readSessionView()).toEqual({ accounts: [ada], activeAccountId: ada.id, notice: null });
  });

  it('reads a malformed stored value as signed out instead of trusting it', async () => {
    await sessionView.setValue({ accounts: 'all of them' } as never);
    expect(await readSessionView()).toEqual(EMPTY_SESSION);
  });
});

describe('an item in storage.session', () => {
  it("hands the popup's request to the side panel in the session area, and a request taken reads as none", async () => {
    const request = { tab: 'lists', at: 1_700_000_000_000, listId: '1146654567674912769' };
    const seen: unknown[] = [];
    const unwatch = managerTabRequest.watch((next) => seen.push(next));
    await managerTabRequest.setValue(request);
    // In memory only (storage.session), never on disk: the panel reads it there.
    expect(await browser.storage.session.get('manager.open')).toEqual({ 'manager.open': request });
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(await managerTabRequest.getValue()).toEqual(request);
    await managerTabRequest.setValue(null);
    expect(await browser.storage.session.get(null)).toEqual({});
    expect(await managerTabRequest.getValue()).toBeNull();
    unwatch();
    expect(seen).toEqual([request, null]);
  });
});
