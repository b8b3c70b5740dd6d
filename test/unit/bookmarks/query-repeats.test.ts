import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/bookmarks/query';

/**
 * A search that gives a word or an operator again asks nothing more (every list of a query is all-of or none-of), so
 * each is kept once: a search repeating one word (a paste gone wrong, 100,000 characters of it) is checked against
 * each bookmark once, not once a repeat, which took over a second on 800 bookmarks.
 */

describe('a search repeating itself', () => {
  it('keeps a word given again, in any case or accent, once', () => {
    expect(parseQuery('rust Rust RÚST "rust"').include).toEqual(['rust']);
  });

  it('keeps one word repeated 50,000 times once', () => {
    expect(parseQuery('a '.repeat(50_000)).include).toEqual(['a']);
  });

  it('keeps each operator given again once, in the order first given', () => {
    expect(
      parseQuery(
        'go -nope -Nope from:ada from:@Ada -from:bob -from:bob tag:go tag:#Go -tag:old -tag:old folder:"My Folder" folder:"my folder" go',
      ),
    ).toEqual({
      include: ['go'],
      exclude: ['nope'],
      from: ['ada'],
      notFrom: ['bob'],
      tags: ['go'],
      notTags: ['old'],
      folders: ['my folder'],
    });
  });

  it('keeps different words each', () => {
    expect(parseQuery('rust go rust zig').include).toEqual(['rust', 'go', 'zig']);
  });
});
