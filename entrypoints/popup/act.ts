import { MessageError, sendMessage, type ActionBrief, type ActionRequest } from '@/lib/messaging';

/** Sends one action through the outbox; returns an error message for the popup, or undefined. */
export async function act(accountId: string, action: ActionRequest): Promise<string | undefined> {
  try {
    await sendMessage({ type: 'action.do', accountId, action });
    return undefined;
  } catch (e) {
    return e instanceof MessageError ? e.message : String(e);
  }
}

/** The latest action of one of these types, from the tab context. */
export function latest(actions: ActionBrief[], ...types: string[]): ActionBrief | undefined {
  return actions.find((a) => types.includes(a.type));
}
