import { saidOf } from '@/lib/compose-words';
import { ownSaidText, withSaid } from '@/lib/error-words';
import { ownWordsOf } from '@/lib/own-words';
import { replyWordsOf } from '@/lib/reply-words';
import { replyWordsText } from '@/lib/reply-words-text';
import { boundedWords } from '@/lib/text/bounded-words';

/**
 * Why the post or profile in the tab could not be read, in words a person can read: Perch's own words by kind, in the
 * reader's language (lib/reply-words.ts, X's words quoted after them; lib/own-words.ts, a request Perch did not send,
 * X's words quoted after them), else the background's message for X's answer when it is a string with something in it
 * and within bounds (isolated when it holds direction controls: lib/text/bounded-words.ts), else `fallback`. The
 * reply's data is not checked on its way (an empty message is how Perch's own refusals come; a stored or corrupted
 * value may be anything), so nothing here is trusted.
 */
export function tabErrorText(error: unknown, fallback: string): string {
  if (!error || typeof error !== 'object') return fallback;
  const { replyWords, own, said, message } = error as { replyWords?: unknown; own?: unknown; said?: unknown; message?: unknown };
  const words = replyWordsOf(replyWords);
  // X's words (`said`: why X would not show a protected account's post) quoted after Perch's.
  if (words) return withSaid(replyWordsText(words), saidOf(said));
  // A request Perch did not send (not what X takes): Perch's words, X's (if any) quoted after them.
  const ownWords = ownWordsOf(own);
  if (ownWords) return ownSaidText(ownWords, saidOf(said)) ?? fallback;
  return boundedWords(message) ?? fallback;
}
