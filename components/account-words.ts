import { i18n } from '#i18n';

/**
 * How a screen names an account whose stored names may not read (a name that is not text reads as none:
 * lib/db/row-fields.ts): by what is shown, never by its id, which says nothing to a person.
 */

interface Names {
  name: string;
  username: string;
}

/** What a row shows as the account's name: its name, else its @username, else "Unknown account". */
export function shownAccountName({ name, username }: Names): string {
  return name || (username ? `@${username}` : i18n.t('account_unknown'));
}

/**
 * Who a button acts on, as the row shows them: the @username, else the name; undefined when neither reads, and the
 * button takes its "unknown account" words.
 */
export function accountWho({ name, username }: Names): string | undefined {
  return username ? `@${username}` : name || undefined;
}
