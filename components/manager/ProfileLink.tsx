import { i18n } from '#i18n';
import { profileUrl } from '@/lib/x-url';

/**
 * An account's profile on x.com, opened in a new tab, on a row of Muted, Blocked or a List's members: shown "Profile",
 * named by the @username ("Profile of @alan on X") so a screen reader and voice control tell the rows apart.
 */
export function ProfileLink({ username }: { username: string }) {
  return (
    <a
      className="mgr-profile-link"
      href={profileUrl(username)}
      target="_blank"
      rel="noreferrer"
      aria-label={i18n.t('relation_profile', { username })}
    >
      {i18n.t('relation_profile_short')}
    </a>
  );
}
