import { i18n } from '#i18n';
import type { ActionError, OwnWords } from './action-error';
import { composeWordsOf, type ComposeWords } from './compose-words';
import { ALT_TEXT_MAX, VIDEO_MAX_SECS, VIDEO_MIN_SECS } from './limits';
import { isPlainOwn } from './own-words';
import { unknownActionWords } from './reply-words';
import { numberOf as num } from './reader-locale';
import { isolateBidi } from './text/bidi';

/**
 * "Perch does not know how to “{type}”", naming the type only when it is shaped as one (lib/reply-words.ts): a reply
 * or a stored row from another version may name anything. Here, not in lib/reply-words-text.ts, because the toolbar
 * badge words failed actions in the worker and the screens' wording modules stay out of it.
 */
export function unknownActionText(type: unknown): string {
  const words = unknownActionWords(type);
  return words.type ? i18n.t('action_error_unknown', { type: words.type }) : i18n.t('error_generic');
}

/**
 * The one wording of a failure Perch knows by its kind (X's refusals, lib/x/errors.ts; the outbox's own), in the
 * language i18n speaks when it is called: the screen's, for a failure stored and read later (components/error-text.ts),
 * or the background's at the moment, which is the same browser's. X's own words stay X's: quoted, never translated.
 */

/**
 * Kinds whose wording names X's own reason when X gave one (a 400's `errors[].message`, a 403's `detail`, a 5xx's
 * problem `detail`: what X says of its own trouble, an outage or a status page, is the person's best word on it).
 */
const QUOTES_X = new Set(['invalid-request', 'forbidden', 'unavailable']);

/** Perch's words for a kind of failure; undefined for a kind it has none for. `clock` says X's reset (epoch ms) as a time. */
function kindWords(error: ActionError, clock: (epochMs: number) => string): string | undefined {
  switch (error.kind) {
    case 'signed-out':
      return i18n.t('x_error_signed_out');
    case 'missing-permission':
      return i18n.t('x_error_missing_permission');
    case 'enterprise-only':
      return i18n.t('x_error_enterprise_only');
    case 'app-no-access':
      return i18n.t('x_error_app_no_access');
    case 'usage-capped':
      return i18n.t('x_error_usage_capped');
    case 'not-found':
      return i18n.t('x_error_not_found');
    case 'rate-limited':
      return error.reset ? i18n.t('x_error_rate_limited_until', { time: clock(error.reset * 1000) }) : i18n.t('x_error_rate_limited');
    case 'unavailable':
      return i18n.t('x_error_unavailable');
    case 'offline':
      return i18n.t('x_error_offline');
    case 'malformed':
      // A write X answered 2xx unreadably may be done on X (lib/services/outbox-answer.ts): never "nothing was changed".
      return error.mayBeDone ? i18n.t('x_error_malformed_may_be_done') : i18n.t('x_error_malformed');
    case 'invalid-request':
      return i18n.t('x_error_invalid_request');
    case 'forbidden':
      return i18n.t('x_error_forbidden');
    case 'cancelled':
      return i18n.t('action_error_cancelled');
    case 'unreadable':
      // The outbox could not read the row's parameters (another version's row, a write cut off): never sent.
      return i18n.t('action_error_unreadable');
    case 'unknown-action':
      // The stored type goes through the reply's check: a row from another version or a corrupted store may name
      // anything, and only a type shaped as one is put in the sentence.
      return unknownActionText(error.type);
    default:
      return undefined;
  }
}

/** Perch's own sentence for a failure it caught itself; undefined for one this version does not know. */
export function ownWordsText(own: OwnWords): string | undefined {
  switch (own.kind) {
    case 'not-sent':
      return i18n.t('x_error_not_sent');
    case 'sign-in-unread':
      return i18n.t('x_error_sign_in_unread');
    case 'app-refused':
      return i18n.t('x_error_app_refused');
    case 'sign-in-refused':
      return i18n.t('x_error_sign_in_refused');
    case 'list-create-unsure':
      return i18n.t('x_error_list_create_unsure');
    case 'renewal-limited':
      return i18n.t('x_error_renewal_limited');
    case 'post-no-text':
      return i18n.t('post_edit_no_text');
    default: {
      // A draft's or its media's (lib/compose-words.ts), when it is one this version words.
      const words = composeWordsOf(own);
      return words && composeWordsText(words);
    }
  }
}

/**
 * Two sentences one after the other, as the reader's language sets them: a space between them in English, none in
 * Japanese (a sentence there ends with 。 or 」, which needs no space after it).
 */
export function joinSentences(first: string, second: string): string {
  return i18n.t('join_sentences', { first, second });
}

/**
 * X's own words, marked as X's (X said: “…”) and isolated (FSI…PDI) so they cannot rearrange the words around them.
 */
export function xSaidText(words: string): string {
  return i18n.t('x_error_said', { words: isolateBidi(words) });
}

/**
 * Perch's sentence with X's own words (`said`, when X gave any) quoted after it as X's ({@link xSaidText}), joined as
 * the reader's language joins two sentences ({@link joinSentences}): how every refusal that has X's reason says it.
 */
export function withSaid(sentence: string, said: string | undefined): string {
  return said ? joinSentences(sentence, xSaidText(said)) : sentence;
}

/**
 * A failure in words, from its kind and facts: "X’s limit for this is used up. It will work again at 14:05.",
 * "X does not allow this. X said: “You cannot mute yourself.”". A kind without words of its own says something went
 * wrong. `clock` formats X's reset (epoch ms) as a time of day in the reader's locale.
 */
export function errorWords(error: ActionError, clock: (epochMs: number) => string): string {
  const words = failureWords(error, clock);
  // A try before this one had its write answered 2xx unreadably (lib/services/outbox-answer.ts `mayHaveBeenDone`): X may
  // have done it, whatever the later tries met (X not answering, the look for it on X failing). Said after their words,
  // never lost to them; a last answer that was unreadable says it already.
  const saysIt = error.kind === 'malformed' && !error.own;
  return error.mayBeDone && !saysIt ? joinSentences(words, i18n.t('x_error_earlier_may_be_done')) : words;
}

/** A failure's words from its own facts alone: {@link errorWords} but for what an earlier try left. */
function failureWords(error: ActionError, clock: (epochMs: number) => string): string {
  // X's limit on renewing the sign-in names the time X allows a renewal again, when it is known: never a try Perch
  // promises (a failed action, a sync or a popup read is not sent again at that time by itself).
  if (error.own?.kind === 'renewal-limited' && error.reset) {
    return i18n.t('x_error_renewal_limited_until', { time: clock(error.reset * 1000) });
  }
  // Perch's own sentence stands instead of the kind's, with X's words (if any) quoted after it, as XApiError says it.
  const own = error.own && ownWordsText(error.own);
  if (own) return withSaid(own, error.said);
  const words = kindWords(error, clock) ?? i18n.t('error_generic');
  return QUOTES_X.has(error.kind) ? withSaid(words, error.said) : words;
}

/** " (post 2 of the thread)" for a post of a thread, else nothing: where a refusal's post is. */
function whereInThread(post: number | undefined): string {
  return post === undefined ? '' : i18n.t('compose_where_thread', { n: num(post) });
}

/**
 * What is kept once a GIF or video was not posted: the draft with its file, and, for a thread's later post (`post` 2 or
 * more: the posts are sent in order, so the ones before it are on X), which posts are on X.
 */
function mediaKept(post: number | undefined): string {
  if (post === undefined || post < 2) return i18n.t('media_kept');
  return i18n.t('media_kept_thread', post - 1, [num(post - 1)], { n: num(post) });
}

/** A length in seconds as the sentence says it: to a tenth. */
function seconds(secs: number): string {
  return num(Math.round(secs * 10) / 10);
}

/**
 * Perch's sentence about a draft or its media (lib/compose-words.ts), in the language i18n speaks when it is called:
 * the screen's. The file's name is isolated (FSI…PDI); X's words, when X gave any (`said`), are quoted as X's.
 */
export function composeWordsText(words: ComposeWords, said?: string): string {
  const name = isolateBidi(words.name ?? '');
  const where = whereInThread(words.post);
  const count = words.count ?? 0;
  const quoted = (sentence: string) => withSaid(sentence, said);
  // What happened to the file first, X's reason right after it, then what is kept and what to do.
  const notPosted = (sentence: string) => joinSentences(quoted(sentence), mediaKept(words.post));
  switch (words.kind) {
    case 'image-type':
      return i18n.t('media_image_type', { name });
    case 'image-too-big':
      return i18n.t('media_image_too_big', { name });
    case 'gif-too-big':
      return i18n.t('media_gif_too_big', { name });
    case 'video-type':
      return i18n.t('media_video_type', { name });
    case 'video-too-big':
      return i18n.t('media_video_too_big', { name });
    case 'video-length':
      return i18n.t('media_video_length', { name, secs: seconds(count), min: num(VIDEO_MIN_SECS), max: num(VIDEO_MAX_SECS) });
    case 'media-empty':
      return i18n.t('media_empty', { name });
    case 'not-whole':
      return i18n.t('media_not_whole', { name });
    case 'processing-timeout':
      return notPosted(i18n.t('media_processing_timeout', { name, secs: num(count), where }));
    case 'processing-wait-long':
      return notPosted(i18n.t('media_processing_wait_long', { name, secs: num(count), where }));
    case 'processing-failed':
      return notPosted(i18n.t('media_processing_failed', { name, where }));
    case 'processing-failed-no-reason':
      return notPosted(i18n.t('media_processing_failed_no_reason', { name, where }));
    case 'nothing-to-post':
      return i18n.t('compose_nothing_to_post', { where });
    case 'too-long':
      return i18n.t('compose_too_long', count, [num(count)], { where });
    case 'bad-character':
      return i18n.t('compose_bad_character', { where });
    case 'video-alone':
      return i18n.t('compose_video_alone', { where });
    case 'gif-alone':
      return i18n.t('compose_gif_alone', { where });
    case 'quote-media':
      return i18n.t('compose_quote_media', { where });
    case 'alt-empty':
      return i18n.t('compose_alt_empty', { name, where });
    case 'alt-over':
      return i18n.t('compose_alt_over', { name, over: num(count), max: num(ALT_TEXT_MAX), where });
    case 'alt-refused':
      return quoted(i18n.t('compose_alt_refused', { name }));
    case 'reply-refused': {
      // `post` is the refused one; the ones before it are on X.
      const n = words.post ?? 2;
      return joinSentences(
        quoted(i18n.t('compose_reply_refused', { n: num(n), prev: num(n - 1) })),
        i18n.t('compose_reply_kept', n - 1, [num(n - 1)], { n: num(n) }),
      );
    }
    case 'edit-refused':
      return quoted(i18n.t('compose_edit_refused'));
    case 'outcome-unknown':
      return words.post === undefined
        ? i18n.t('compose_outcome_unknown')
        : i18n.t('compose_outcome_unknown_thread', { n: num(words.post) });
    case 'no-draft':
      return i18n.t('compose_no_draft');
    case 'edit-one-post':
      return i18n.t('compose_edit_one_post');
    case 'media-gone':
      return i18n.t('compose_media_gone');
    case 'edit-unknown':
      return i18n.t('post_edit_unknown');
  }
}

/**
 * Perch's own sentence with X's words (`said`, when X gave any) quoted as X's where that sentence puts them: what a
 * screen shows for a failure the background answered by kind. Undefined for a kind this version does not word.
 */
export function ownSaidText(own: OwnWords, said?: string): string | undefined {
  const words = isPlainOwn(own.kind) ? undefined : composeWordsOf(own);
  if (words) return composeWordsText(words, said);
  const text = ownWordsText(own);
  return text && withSaid(text, said);
}
