import type { MessageListener } from '@/lib/message-contract';

/** How long a worker woken by something other than a message (an alarm, the browser's start) waits for its chores. */
export const CHORES_WAIT_MS = 500;

/**
 * A worker (re)start's chores (the outbox's recovery, the badge painted again) put after its first answer: a woken
 * worker is most often woken by a screen's question, and the chores (opening the store among them) would only delay
 * it. When no answer comes first (an alarm, the browser's start, a message from a sender Perch does not answer), they
 * run after `waitMs`. They run once.
 */
export function startUpChores(chores: () => void, waitMs = CHORES_WAIT_MS) {
  let ran = false;
  const run = () => {
    if (ran) return;
    ran = true;
    clearTimeout(timer);
    chores();
  };
  const timer = setTimeout(run, waitMs);
  return {
    /** The listener, whose answers run the chores once the first of them is sent. */
    afterAnswer(listener: MessageListener): MessageListener {
      return (message, sender, sendResponse) =>
        listener(message, sender, (reply) => {
          sendResponse(reply);
          run();
        });
    },
  };
}
