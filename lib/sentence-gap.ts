import { i18n } from '#i18n';

/**
 * What goes between a sentence and the link or button after it, as the reader's language sets two sentences
 * (`join_sentences`): a space in English, nothing in Japanese, whose sentence ends with 。 and needs no space after it.
 */
export function sentenceGap(): string {
  return i18n.t('join_sentences', { first: '', second: '' });
}
