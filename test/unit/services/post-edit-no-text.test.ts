import { describe, expect, it, vi } from 'vitest';
import { errorText } from '@/components/error-text';
import { readEditView } from '@/lib/services/post-edit';
import { createXClient } from '@/lib/x/client';
import { XApiError } from '@/lib/x/errors';
import { validateResponse } from '../../openapi/contract';
import { readInJapanese } from '../locales/in-japanese';

/**
 * The edit view's read of the person's own post (getPostsById, GET /2/tweets/:id) answering the post without its
 * `text`. X's description requires no field of a Tweet (openapi.json components.schemas.Tweet has no `required`), so the
 * answer is X's. Before, it was said as "X sent an answer Perch could not read. Nothing was changed.": now Perch says X
 * sent the post without its text, so it cannot be edited here but on X, in the reader's language, and offers nothing
 * of it to edit.
 */

const ADA = '2244994945';
const POST = '1880000000000000001';
// What fails is editing it here, not reading it: the person can edit it on X.
const SAID = 'X sent this post without its text, so Perch cannot edit it here. Edit it on X.';

function xAnswering(body: object) {
  expect(validateResponse({ operationId: 'getPostsById', status: 200, body })).toEqual([]);
  const fetch = vi.fn(() => Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })));
  return createXClient({ baseUrl: 'https://api.x.test', getAccessToken: () => Promise.resolve('t1'), fetch });
}

const textless = {
  data: {
    id: POST,
    author_id: ADA,
    edit_history_tweet_ids: [POST],
    edit_controls: { is_edit_eligible: true, editable_until: '2030-01-15T10:30:00.000Z', edits_remaining: 5 },
  },
};

/** The failure as the screen words it, from what the background answers for it (kind and Perch's words). */
async function failureText(): Promise<string> {
  const error = await readEditView(xAnswering(textless), ADA, POST).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XApiError);
  // As lib/message-contract.ts answers it: Perch's own words as kind and facts, else X's answer as the background says it.
  const { kind, ownWords, message } = error as XApiError;
  return errorText(ownWords ? { kind, message: '', own: ownWords } : { kind, message });
}

describe('editing a post X sends without its text', () => {
  it('says X sent the post without its text, and to edit it on X', async () => {
    expect(await failureText()).toBe(SAID);
  });

  it('says it in Japanese to a Japanese reader', async () => {
    readInJapanese();
    expect(await failureText()).toBe('Xがこのポストを本文なしで送ってきたため、Perchではここで編集できません。Xで編集してください。');
  });
});
