import { i18n } from '#i18n';
import { useEffect, useState } from 'react';
import { storage } from 'wxt/utils/storage';

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

/**
 * Whether the note is still to be shown to this account: undefined until storage answered (nothing is shown
 * meanwhile, so a dismissed note never flashes), live as another Perch screen dismisses it.
 */
function useLinkCostSeen(accountId: string): boolean | undefined {
  const [seen, setSeen] = useState<{ accountId: string; seen: boolean }>();
  useEffect(() => {
    let live = true;
    const set = (value: boolean) => live && setSeen({ accountId, seen: value });
    // Storage that cannot be read shows the note: a price said twice beats a price never said.
    linkCostSeen(accountId).then(set, () => set(false));
    const unwatch = storage.watch<boolean>(itemKey(accountId), (v) => set(v === true));
    return () => {
      live = false;
      unwatch();
    };
  }, [accountId]);
  return seen?.accountId === accountId ? seen.seen : undefined;
}

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
  const seen = useLinkCostSeen(accountId);
  const [dismissed, setDismissed] = useState<string>();
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
