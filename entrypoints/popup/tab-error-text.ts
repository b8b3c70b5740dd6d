import { replyWordsOf } from '@/lib/reply-words';
import { replyWordsText } from '@/lib/reply-words-text';
import { boundedWords } from '@/lib/text/bounded-words';

/**
 * Why the post or profile in the tab could not be read, in words a person can read: Perch's own words by kind
 * (lib/reply-words.ts, in the reader's language), else the background's message for X's answer when it is a string
 * with something in it and within bounds (isolated when it holds direction controls: lib/text/bounded-words.ts), else
 * `fallback`. The reply's data is not checked on its way (an empty
 * message is how Perch's own refusals come; a stored or corrupted value may be anything), so nothing here is trusted.
 */
export function tabErrorText(error: unknown, fallback: string): string {
  if (!error || typeof error !== 'object') return fallback;
  const { replyWords, message } = error as { replyWords?: unknown; message?: unknown };
  const words = replyWordsOf(replyWords);
  if (words) return replyWordsText(words);
  return boundedWords(message) ?? fallback;
}
