import type { ReplyWords } from './reply-words';
import type { ErrorKind } from './views';

/**
 * A refusal the background answers by kind and words (lib/message-contract.ts `toErrorReply` sends `replyWords`,
 * never `message`). Its `message` names the kinds only, for logs and developers.
 */
export class RefusedError extends Error {
  readonly kind: ErrorKind;
  readonly replyWords: ReplyWords;
  constructor(kind: ErrorKind, words: ReplyWords) {
    super(`${kind}: ${words.kind}${words.type ? ` (${words.type})` : ''}`);
    this.name = 'RefusedError';
    this.kind = kind;
    this.replyWords = words;
  }
}
