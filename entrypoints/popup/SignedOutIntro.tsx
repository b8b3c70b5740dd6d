import { i18n } from '#i18n';
import type { SessionView } from '@/lib/storage';

/**
 * Why a signed-out popup offers only "Sign in with X": what Perch does, and that it needs the person's X sign-in. When X
 * signed the person out, the header already says why (its signed-out notice), and this says nothing more.
 */
export function SignedOutIntro({ session }: { session: SessionView | undefined }) {
  if (!session || session.accounts.length > 0 || session.notice) return null;
  return <p className="muted signed-out-intro">{i18n.t('popup_signed_out_intro')}</p>;
}
