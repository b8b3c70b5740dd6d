import { ActionIcon } from './icons';

/** An action X does not allow this app through the API, offered on x.com instead: a link, no request to X. */
export function OnXLink({ label, href }: { label: string; href: string }) {
  return (
    <a className="quick-link" href={href} target="_blank" rel="noreferrer">
      <ActionIcon name="onX" />
      <span className="quick-label">{label}</span>
    </a>
  );
}
