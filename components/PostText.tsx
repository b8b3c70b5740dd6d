import { useMemo } from 'react';
import { displaySegments, type DisplayUrl } from './post-text';

/**
 * A post's text with its links as X shows them (display URLs leading to the full address, in a new tab); the link to
 * the post's own media left out where its thumbnails show (`dropMedia`).
 */
export function PostText({
  text,
  urls,
  className,
  dropMedia = false,
}: {
  text: string;
  urls: readonly DisplayUrl[] | undefined;
  className?: string;
  dropMedia?: boolean;
}) {
  const segments = useMemo(() => displaySegments(text, urls ?? [], { dropMedia }), [text, urls, dropMedia]);
  return (
    <p className={className}>
      {segments.map((s, i) =>
        s.href ? (
          <a key={i} href={s.href} target="_blank" rel="noreferrer">
            {s.text}
          </a>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </p>
  );
}
