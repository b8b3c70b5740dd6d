import type { STORAGE_WIPE } from './storage-wipe';

/** The names of lib/storage-wipe.ts's policies whose key is kept whoever signs out (`clearOn: 'never'`). */
type KeptKey = {
  [K in keyof typeof STORAGE_WIPE]: (typeof STORAGE_WIPE)[K]['clearOn'] extends 'never' ? K : never;
}[keyof typeof STORAGE_WIPE];

/**
 * Why each stored key that no sign-out wipes is kept, by its policy's name in lib/storage-wipe.ts: every such policy
 * must have its reason here and no other may (the type checks both). Kept apart from the policies because the worker
 * loads those on every cold start and never reads a reason: these sentences are for the people reading the code and
 * the wipe-policy test (263 bytes of background.js gzip).
 */
export const KEPT_BECAUSE = {
  clientId: 'the person’s X app, not an account’s data',
  enterprisePlan: 'the person’s X app plan, not an account’s data',
  legacyClientId:
    'the X app of grants saved before Perch kept each grant’s Client ID, of no one account; removed with the last such grant (lib/auth/token-store.ts)',
  pendingSignIn: 'a sign-in under way belongs to no account yet; each attempt is dropped 15 minutes after it started',
  popupGrants: 'one-time tokens for windows Perch opens, of no account; each expires minutes after (lib/popup-gate.ts)',
  popupOpen: 'which tab the person opened, of no account; removed with its tab (lib/popup-gate.ts)',
  managerTab: 'which manager tab the popup’s link asked the side panel for, of no account (components/manager/open-tab.ts)',
  signedOutSeen: 'the time of the signed-out notice the person dismissed, naming no account (the notice itself is in session.view)',
  testClock: 'test builds only: the emulator’s clock',
} as const satisfies Record<KeptKey, string>;
