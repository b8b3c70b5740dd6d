import { MessageError } from '@/lib/messaging';
import { ownSaidText } from '@/lib/error-words';
import { thrownText } from './error-text';

/**
 * The words for a failure of one of the composer's messages (attach, publish). Perch's own words about the draft or
 * its media come from the background as kind and facts and are worded here, in the reader's language, with X's words
 * quoted as X's; any other failure is worded as every screen words it (components/error-text.ts).
 */
export function composeErrorText(e: unknown): string {
  return (e instanceof MessageError && e.own && ownSaidText(e.own, e.said)) || thrownText(e);
}
