import { i18n } from '#i18n';
import { Phrases } from '@/components/Phrases';
import type { ActionBrief } from '@/lib/messaging';
import { profileUrl } from '@/lib/x-links';

/** Stands for a link inside a message, where the message is split to put the link in. */
const LINK = '\uE000';

/** X lets only Enterprise apps block: say so, and where the person can do it themselves. */
export function EnterpriseNote({ actions, username }: { actions: readonly ActionBrief[]; username: string | undefined }) {
  const refused = actions.find((a) => a.state === 'failed' && a.error?.kind === 'enterprise-only');
  if (!refused || !username) return null;
  const [before, after] = i18n.t(refused.type === 'unblock' ? 'popup_enterprise_unblock' : 'popup_enterprise_block', [LINK]).split(LINK);
  return (
    <p className="notice">
      <Phrases text={before} />
      <a href={profileUrl(username)} target="_blank" rel="noreferrer">
        {i18n.t('popup_enterprise_link', [username])}
      </a>
      <Phrases text={after} />
    </p>
  );
}
