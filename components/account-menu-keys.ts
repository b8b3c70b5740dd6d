/**
 * What a key does in the account menu (WAI-ARIA menu button pattern): which item gets the focus, or whether the
 * menu closes. Kept apart from the component so the rules can be read, and tested, on their own.
 */
export type MenuKeyOutcome =
  | { do: 'focus'; index: number }
  /** Escape: close, and give the focus back to the menu button. */
  | { do: 'close' }
  /** Tab or Shift+Tab: close, and let the focus move on from the menu button. */
  | { do: 'leave' }
  | { do: 'nothing' };

/** The outcome of `key` pressed on item `index` of a menu of `count` items (arrow keys wrap round). */
export function menuKey(key: string, index: number, count: number): MenuKeyOutcome {
  if (count === 0) return key === 'Escape' ? { do: 'close' } : key === 'Tab' ? { do: 'leave' } : { do: 'nothing' };
  switch (key) {
    case 'ArrowDown':
      return { do: 'focus', index: (index + 1) % count };
    case 'ArrowUp':
      return { do: 'focus', index: (index - 1 + count) % count };
    case 'Home':
    case 'PageUp':
      return { do: 'focus', index: 0 };
    case 'End':
    case 'PageDown':
      return { do: 'focus', index: count - 1 };
    case 'Escape':
      return { do: 'close' };
    case 'Tab':
      return { do: 'leave' };
    default:
      return { do: 'nothing' };
  }
}

/** The item a key on the closed menu button opens the menu on: ArrowUp the last, Enter, Space and ArrowDown the first. */
export function openingIndex(key: string, count: number): number | undefined {
  if (key === 'ArrowDown') return 0;
  if (key === 'ArrowUp') return Math.max(0, count - 1);
  return undefined;
}

/**
 * Type-ahead: the next item after `index` whose label starts with the typed character (case-insensitive), or
 * undefined when none does.
 */
export function itemStartingWith(char: string, index: number, labels: readonly string[]): number | undefined {
  if (char.length !== 1 || !/\S/u.test(char)) return undefined;
  const wanted = char.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const i = (index + step) % labels.length;
    const label = labels[i]?.trim().replace(/^@/u, '');
    if (label?.toLocaleLowerCase().startsWith(wanted)) return i;
  }
  return undefined;
}
