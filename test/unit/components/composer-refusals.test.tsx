import { act, createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Composer } from '@/components/Composer';
import { EditComposer } from '@/components/EditComposer';
import { composeDraft, editableView } from '../support/edit-fixtures';
import { readInJapanese } from '../locales/in-japanese';
import { renderInPage, withComposerStubs, type ReactPage } from '../support/react-page';

// A video's length is read from its metadata by a <video> element, which the test page has none of.
vi.mock('@/components/video-length', () => ({ readVideoLength: () => Promise.resolve(5) }));

/**
 * The composers word the background's refusals themselves (components/compose-error-text.ts): the background answers
 * a kind with its facts (`own`) and X's words (`said`), and the person reads Perch's sentence in the screen's language,
 * with X's words quoted as X's, whether they published, added an image or a video, or updated an edit.
 */

const ACCOUNT = '1585841080431321088';
const draft = composeDraft();
const edit = editableView({ editsRemaining: 4, text: 'Hello from Perch' });

withComposerStubs();

/** A background that refuses `refused` (a message type) with `error`, and answers everything else with nothing. */
function backgroundRefusing(refused: string, error: Record<string, unknown>): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    if (message.type === refused) return Promise.resolve({ ok: false, error });
    if (message.type === 'draft.get') return Promise.resolve({ ok: true, data: draft });
    return Promise.resolve({ ok: true, data: null });
  }) as never);
}

/** Lets the background's answers and React settle. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

/** Presses the button whose text is `name`. */
async function press(page: ReactPage, name: string): Promise<void> {
  const button = [...page.document.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button “${name}”`);
  await act(async () => {
    button.dispatchEvent(new page.window.Event('click', { bubbles: true }));
  });
  await settle();
}

/** Chooses `file` in the file input labelled `label`. */
async function choose(page: ReactPage, label: string, file: File): Promise<void> {
  const input = page.document.querySelector(`input[aria-label="${label}"]`);
  if (!input) throw new Error(`no input “${label}”`);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new page.window.Event('change', { bubbles: true }));
  });
  for (let i = 0; i < 5; i++) await settle();
}

/** The words of the page's alerts. */
function alerts(page: ReactPage): string[] {
  return [...page.document.querySelectorAll('[role="alert"]')].map((a) => a.textContent ?? '');
}

/** Renders `element`, lets its draft load, does `act`, and returns the alerts then shown. */
async function alertsAfter(element: Parameters<typeof renderInPage>[0], run: (page: ReactPage) => Promise<void>): Promise<string[]> {
  const page = await renderInPage(element, { settleMs: 20 });
  try {
    for (let i = 0; i < 3; i++) await settle();
    await run(page);
    return alerts(page);
  } finally {
    await page.leave();
  }
}

const composer = () => createElement(Composer, { accountId: ACCOUNT, context: 'compose', username: 'ada' });
/** The composer's alerts once `file` is chosen in its file input labelled `input`. */
const alertsOnChoosing = (input: string, file: File) => alertsAfter(composer(), (page) => choose(page, input, file));
const editComposer = () => createElement(EditComposer, { accountId: ACCOUNT, username: 'ada', edit });

describe('the composer, when the background refuses', () => {
  const tooLong = { kind: 'invalid-post', message: '', own: { kind: 'too-long', count: 3 } };
  const bigImage = { kind: 'invalid-image', message: '', own: { kind: 'image-too-big', name: 'cat.png' } };
  const notWhole = { kind: 'invalid-image', message: '', own: { kind: 'not-whole', name: 'clip.mp4' } };
  const png = () => new File([new Uint8Array(8)], 'cat.png', { type: 'image/png' });
  const mp4 = () => new File([new Uint8Array(8)], 'clip.mp4', { type: 'video/mp4' });

  it('says why a post cannot go out, worded on the screen', async () => {
    backgroundRefusing('post.publish', tooLong);
    expect(await alertsAfter(composer(), (page) => press(page, 'Post'))).toContain('The post is 3 characters too long.');
  });

  it('says why a post cannot go out in Japanese on a Japanese screen', async () => {
    readInJapanese();
    backgroundRefusing('post.publish', tooLong);
    expect(await alertsAfter(composer(), (page) => press(page, 'ポストする'))).toContain('ポストが3文字長すぎます。');
  });

  it('says why an image was refused, its name isolated, in either language', async () => {
    backgroundRefusing('draft.attachImage', bigImage);
    expect(await alertsOnChoosing('Choose images', png())).toContain('“\u2068cat.png\u2069” is larger than X’s 5 MB limit for images.');
    readInJapanese();
    expect(await alertsOnChoosing('画像を選択', png())).toContain('「\u2068cat.png\u2069」はXの画像の上限（5MB）を超えています。');
  });

  it('says why a video was refused, in either language', async () => {
    backgroundRefusing('draft.attachVideo', notWhole);
    expect(await alertsOnChoosing('Choose a video', mp4())).toContain('“\u2068clip.mp4\u2069” did not arrive whole. Add it again.');
    readInJapanese();
    expect(await alertsOnChoosing('動画を選択', mp4())).toContain(
      '「\u2068clip.mp4\u2069」が最後まで届きませんでした。もう一度追加してください。',
    );
  });
});

describe('the edit composer, when X would not take the edit', () => {
  const refused = { kind: 'invalid-post', message: '', own: { kind: 'edit-refused' }, said: 'The edit window is over.' };

  it('says so with X’s words quoted as X’s', async () => {
    backgroundRefusing('post.publish', refused);
    expect(await alertsAfter(editComposer(), (page) => press(page, 'Update'))).toContain(
      'X would not edit your post. Your text is kept as a draft. X said: “\u2068The edit window is over.\u2069”',
    );
  });

  it('says so in Japanese, X’s words left as X wrote them', async () => {
    readInJapanese();
    backgroundRefusing('post.publish', refused);
    expect(await alertsAfter(editComposer(), (page) => press(page, '更新'))).toContain(
      'Xはポストを編集しませんでした。テキストは下書きとして保存されています。Xのメッセージ:「\u2068The edit window is over.\u2069」',
    );
  });
});
