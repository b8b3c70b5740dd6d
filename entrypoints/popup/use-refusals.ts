import { useEffect, useState } from 'react';
import { sendMessage } from '@/lib/messaging';
import { useAccountValue } from '@/components/use-account-value';
import { refusalsOf, watchRefusals, type Refusals } from '@/lib/refusals';

const NONE: Refusals = { quote: false, replies: [] };

/**
 * What X refused of this account that its plan decides (lib/refusals.ts), live: it changes while the popup is open,
 * as the background records X's answer to the quote or reply just posted. Nothing refused until storage answers.
 */
export function useRefusals(accountId: string): Refusals {
  return useAccountValue(accountId, refusalsOf, watchRefusals, NONE) ?? NONE;
}

/**
 * X refused the quote or reply just posted (the popup's composer on this post is open): back to the post, where it is
 * now offered on x.com carrying the words written (the saved draft's), with one note saying why — not the composer's
 * red line as well. `refusedText` is those words for the x.com link of that kind. `setMode` is the panel's (stable).
 */
export function useRefusedComposer(accountId: string, postId: string, mode: string, setMode: (mode: 'actions') => void) {
  const refusals = useRefusals(accountId);
  const replyRefused = refusals.replies.includes(postId);
  const [refused, setRefused] = useState<{ kind: 'quote' | 'reply'; text: string }>();
  useEffect(() => {
    const kind = mode === 'quote' && refusals.quote ? 'quote' : mode === 'reply' && replyRefused ? 'reply' : undefined;
    if (!kind) return;
    setMode('actions');
    setRefused({ kind, text: '' });
    void sendMessage({ type: 'draft.get', accountId, context: `${kind}:${postId}` }).then(
      (draft) => setRefused({ kind, text: draft?.posts.map((q) => q.text).join('\n\n') ?? '' }),
      () => undefined,
    );
  }, [refusals.quote, replyRefused, mode, accountId, postId, setMode]);
  const refusedText = (kind: 'quote' | 'reply') => (refused?.kind === kind ? refused.text : undefined);
  return { refusals, replyRefused, refused, refusedText };
}
