import { useState } from 'react';
import { xImageUrl } from '@/lib/image-url';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** A word's first whole character (grapheme) that is a letter or a digit: never half an emoji, a flag or an accent. */
function initialOf(word: string): string | undefined {
  for (const { segment } of graphemes.segment(word)) if (LETTER_OR_DIGIT.test(segment)) return segment;
  return undefined;
}

/** The initials of a name's first two words that have a letter or digit (an emoji alone is no word), or its username's. */
export function initialsOf(name: string, username?: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.flatMap((w) => initialOf(w) ?? []).slice(0, 2);
  const joined = letters.join('') || initialOf(username ?? '') || '?';
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
