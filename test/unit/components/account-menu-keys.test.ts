import { describe, expect, it } from 'vitest';
import { itemStartingWith, menuKey, openingIndex } from '@/components/account-menu-keys';

describe('the account menu’s keys', () => {
  it.each([
    ['ArrowDown', 0, { do: 'focus', index: 1 }],
    ['ArrowDown', 4, { do: 'focus', index: 0 }],
    ['ArrowUp', 0, { do: 'focus', index: 4 }],
    ['ArrowUp', 3, { do: 'focus', index: 2 }],
    ['Home', 3, { do: 'focus', index: 0 }],
    ['End', 1, { do: 'focus', index: 4 }],
    ['Escape', 2, { do: 'close' }],
    ['Tab', 2, { do: 'leave' }],
    ['x', 2, { do: 'nothing' }],
  ] as const)('%s on item %i of five does %o', (key, index, outcome) => {
    expect(menuKey(key, index, 5)).toEqual(outcome);
  });

  it('opens on the first item with ArrowDown and on the last with ArrowUp; Enter and Space click the button', () => {
    expect(openingIndex('ArrowDown', 5)).toBe(0);
    expect(openingIndex('ArrowUp', 5)).toBe(4);
    expect(openingIndex('Enter', 5)).toBeUndefined();
    expect(openingIndex(' ', 5)).toBeUndefined();
  });

  it('jumps to the next item starting with a typed letter, past the current one, and ignores an @', () => {
    const labels = ['Ada Lovelace @ada', 'Grace Hopper @gracehop', 'Add an account', 'Settings', 'Sign out'];
    expect(itemStartingWith('s', 0, labels)).toBe(3);
    expect(itemStartingWith('S', 3, labels)).toBe(4);
    expect(itemStartingWith('a', 0, labels)).toBe(2);
    expect(itemStartingWith('a', 2, labels)).toBe(0);
    expect(itemStartingWith('g', 4, ['@gracehop', 'Sign out'])).toBe(0);
    expect(itemStartingWith('z', 0, labels)).toBeUndefined();
    expect(itemStartingWith(' ', 0, labels)).toBeUndefined();
  });
});
