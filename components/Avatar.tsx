import { useState } from 'react';
import { xImageUrl } from '@/lib/image-url';

/** The first letter of each of the first two words of a name (or the username's first letter), upper-cased. */
export function initialsOf(name: string, username?: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  const joined = letters.join('') || Array.from(username ?? '')[0] || '?';
  return joined.toLocaleUpperCase();
}

interface Props {
  url: string | undefined;
  name: string;
  username?: string;
  size: number;
  className?: string;
  lazy?: boolean;
}

/**
 * An account's picture, or a tile with its initials when there is none or it does not load (blocked, offline, gone
 * from X's image host, or named on another host: lib/image-url.ts): never the browser's broken-image icon. Decorative
 * either way: the name is said beside it.
 */
export function Avatar({ url: named, name, username, size, className, lazy }: Props) {
  const url = xImageUrl(named);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const classes = className ? `avatar ${className}` : 'avatar';
  if (url && failedUrl !== url) {
    return (
      <img
        className={classes}
        src={url}
        alt=""
        width={size}
        height={size}
        {...(lazy ? { loading: 'lazy' as const, decoding: 'async' as const } : {})}
        onError={() => setFailedUrl(url)}
      />
    );
  }
  return (
    <span
      className={`${classes} avatar-initials`}
      aria-hidden="true"
      style={{ width: size, height: size, fontSize: Math.round(size * 0.4) }}
    >
      {initialsOf(name, username)}
    </span>
  );
}
