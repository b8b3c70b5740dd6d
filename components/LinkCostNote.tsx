import { i18n } from '#i18n';
import { useState } from 'react';
import { storage } from 'wxt/utils/storage';
import { useAccountValue } from './use-account-value';

/**
 * The storage key, per account, saying the person pressed "Got it" on the link post's price. Declared in
 * lib/storage-wipe.ts (`linkCostSeen`): wiped when that account signs out.
 */
export const linkCostSeenKey = (accountId: string) => `notes.linkCostSeen.${accountId}`;

const itemKey = (accountId: string) => `local:${linkCostSeenKey(accountId)}` as const;

/** Whether this account already dismissed the link post's price. @throws if storage cannot be read. */
export async function linkCostSeen(accountId: string): Promise<boolean> {
  return (await storage.getItem<boolean>(itemKey(accountId))) === true;
}

/** Remembers, for this account only, that the person read the link post's price. @throws if storage fails. */
export async function markLinkCostSeen(accountId: string): Promise<void> {
  await storage.setItem<boolean>(itemKey(accountId), true);
}

const watchLinkCostSeen = (accountId: string, onChange: (seen: boolean) => void) =>
  storage.watch<boolean>(itemKey(accountId), (v) => onChange(v === true));

/** The note itself: X's price for a post with a link, and "Got it". */
export function LinkCostNoteView({ onDismiss }: { onDismiss: () => void }) {
  return (
    <div className="link-cost-note note row" role="note">
      <p className="note">{i18n.t('composer_link_cost')}</p>
      <button type="button" onClick={onDismiss}>
        {i18n.t('composer_link_cost_got_it')}
      </button>
    </div>
  );
}

/**
 * A post with a link costs more on X's pay-per-use plan (x-api--getting-started--pricing.txt: Content: Create
 * $0.015, with URL $0.200): the composer says so the first time a draft holds a link, once per account, until the
 * person presses "Got it". The whole price list is in the settings' Costs section.
 */
export function LinkCostNote({ accountId, hasLink }: { accountId: string; hasLink: boolean }) {
  // Undefined until storage answered: nothing is shown meanwhile, so a dismissed note never flashes. Storage that
  // cannot be read shows the note: a price said twice beats a price never said.
  const seen = useAccountValue(accountId, linkCostSeen, watchLinkCostSeen, false);
  const [dismissed, setDismissed] = useState<string>();
  // Still asking whether to show it: the popup keeps its links below hidden meanwhile (use-screen-drawn.ts).
  if (hasLink && seen === undefined) return <span hidden data-filling />;
  if (!hasLink || seen !== false || dismissed === accountId) return null;
  return (
    <LinkCostNoteView
      onDismiss={() => {
        setDismissed(accountId);
        void markLinkCostSeen(accountId).catch(() => undefined);
      }}
    />
  );
}
