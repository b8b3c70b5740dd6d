import type { FailedLineActions } from '@/components/FailedLine';

/** The popup's failed line's actions, each doing nothing: for tests that only read what the line shows. */
export const noFailedLineActions: FailedLineActions = {
  retry: () => undefined,
  undo: () => undefined,
  dismiss: () => undefined,
  dismissAll: () => undefined,
  activity: () => undefined,
  toggle: () => undefined,
};
