/** An action X does not allow this app through the API, offered on x.com instead: a link, no request to X. */
export function OnXLink({ label, href }: { label: string; href: string }) {
  return (
    <div className="quick-action">
      <a className="quick-link" href={href} target="_blank" rel="noreferrer">
        {label}
      </a>
    </div>
  );
}
