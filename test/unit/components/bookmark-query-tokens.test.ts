import { describe, expect, it } from 'vitest';
import { hasToken, tagsIn, toggleToken } from '@/components/manager/bookmarks/query-tokens';

describe('the Bookmarks tab’s filter chips edit the search box', () => {
  it('adds a tag filter at the end of what was typed, and takes it out again', () => {
    const on = toggleToken('rust from:ada', 'tag:read-later');
    expect(on).toBe('rust from:ada tag:read-later');
    expect(toggleToken(on, 'tag:read-later')).toBe('rust from:ada');
  });

  it('takes an operator out wherever it was typed, whatever its case', () => {
    expect(toggleToken('IS:UNREAD rust', 'is:unread')).toBe('rust');
    expect(hasToken('rust Tag:Rust', 'tag:rust')).toBe(true);
  });

  it('leaves quoted phrases whole, and does not light a chip for an operator inside one', () => {
    expect(hasToken('"tag:rust is here"', 'tag:rust')).toBe(false);
    expect(toggleToken('"two words" rust', 'tag:x')).toBe('"two words" rust tag:x');
  });

  it('does not take a longer tag for a shorter one', () => {
    expect(hasToken('tag:rust-lang', 'tag:rust')).toBe(false);
    expect(toggleToken('tag:rust-lang', 'tag:rust')).toBe('tag:rust-lang tag:rust');
  });

  it('lists the tags a query asks for', () => {
    expect(tagsIn('tag:a words TAG:B tag:')).toEqual(['a', 'b']);
  });
});
