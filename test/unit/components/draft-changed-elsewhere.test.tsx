import 'fake-indexeddb/auto';
import { i18n } from '#i18n';
import { act, createElement, Fragment } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/Composer';
import { getDraft } from '@/lib/services/compose';
import { freshDb } from '../services/support';
import { answerDrafts } from '../support/draft-background';
import { composeDraft } from '../support/edit-fixtures';
import { withFocus } from '../support/focus-standin';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';
import { until } from '../support/until';

// The side panel's and the popup's composers hold the same 'compose' draft, each numbering its saves from the seq it
// read on opening. saveDraft keeps nothing from a save numbered below the stored one and answers { saved: false }: the
// screen so refused saves what it shows again, past the stored one, and says the other window's version is replaced.
const ACCOUNT = '1585841080431321088';
withFocus();
withComposerStubs();

type BoxProps = { value: string; onChange: (e: { target: { value: string } }) => void };

function boxProps(page: ReactPage, index: number): BoxProps {
  const textarea = page.document.querySelectorAll('textarea')[index]!;
  const key = Object.keys(textarea).find((k) => k.startsWith('__reactProps'))!;
  return (textarea as unknown as Record<string, BoxProps>)[key]!;
}

function typeIn(page: ReactPage, index: number, text: string) {
  const props = boxProps(page, index);
  return act(async () => props.onChange({ target: { value: text } }));
}

const alerts = (page: ReactPage) => [...page.document.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '').join('');

describe('one draft written in two screens', () => {
  it('keeps what is typed last, and says the other version was replaced', async () => {
    await freshDb();
    answerDrafts();
    const screens = createElement(
      Fragment,
      null,
      createElement(Composer, { key: 'panel', accountId: ACCOUNT, context: 'compose', username: 'ada' }),
      createElement(Composer, { key: 'popup', accountId: ACCOUNT, context: 'compose', username: 'ada' }),
    );
    const page = await renderInPage(screens, { settleMs: 50 });
    try {
      await until(() => expect(page.document.querySelectorAll('textarea')).toHaveLength(2));
      for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) await typeIn(page, 1, text);
      await vi.waitFor(async () => expect((await getDraft(ACCOUNT, 'compose'))?.posts[0]?.text).toBe('Hello'));
      await typeIn(page, 0, 'Owls');
      await vi.waitFor(async () => expect((await getDraft(ACCOUNT, 'compose'))?.posts[0]?.text).toBe('Owls'));
      await until(() => expect(alerts(page)).toContain(i18n.t('composer_draft_changed_elsewhere')));
    } finally {
      await page.leave();
    }
  });
});

describe('a draft save the background did not keep', () => {
  it('is said, not passed over', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
      if (message.type === 'draft.get') return Promise.resolve({ ok: true, data: composeDraft('Hello') });
      if (message.type === 'draft.save') return Promise.resolve({ ok: true, data: { saved: false } });
      return Promise.resolve({ ok: true, data: null });
    }) as never);
    const page = await renderInPage(createElement(Composer, { accountId: ACCOUNT, context: 'compose', username: 'ada' }), {
      settleMs: 20,
    });
    try {
      await until(() => expect(boxProps(page, 0).value).toBe('Hello'));
      await typeIn(page, 0, 'Hello, world');
      await until(() => expect(alerts(page)).toContain(i18n.t('composer_draft_changed_elsewhere')));
    } finally {
      await page.leave();
    }
  });
});
