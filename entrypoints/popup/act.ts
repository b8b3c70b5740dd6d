import { sendMessage, type ActionBrief, type ActionRequest } from '@/lib/messaging';
import { thrownText } from '@/components/error-text';
import { noteSentHere } from '@/lib/failed-actions';

/**
 * Sends one action through the outbox and has the panel follow it (`track`, from useTabContext); returns an error
 * message for the popup, or undefined.
 */
export async function act(
  accountId: string,
  action: ActionRequest,
  track?: (seq: number, type: string) => void,
): Promise<string | undefined> {
  try {
    const { seq } = await sendMessage({ type: 'action.do', accountId, action });
    // Its outcome shows on the button clicked: a failure met while the popup is open needs no badge later.
    noteSentHere(seq);
    track?.(seq, action.type);
    return undefined;
  } catch (e) {
    return thrownText(e);
  }
}

/** The latest action of one of these types, from the tab context. */
export function latest(actions: ActionBrief[], ...types: string[]): ActionBrief | undefined {
  return actions.find((a) => types.includes(a.type));
}

/**
 * Whether X refused this action as Enterprise-only (x-api--users--blocks--introduction): from then on the popup
 * offers it on x.com, with the one note that says why (EnterpriseNote), not a button that would fail again.
 */
export function refusedAsEnterpriseOnly(action: ActionBrief | undefined): boolean {
  return action?.state === 'failed' && action.error?.kind === 'enterprise-only';
}
