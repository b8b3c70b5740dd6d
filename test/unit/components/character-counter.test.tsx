import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CharacterCounter } from '@/components/CharacterCounter';
import { parsePost } from '@/lib/text/parse-post';

/** The counter's live region: what a screen reader hears as the person types. */
const spoken = (text: string) => /role="status">([^<]*)</.exec(renderToStaticMarkup(<CharacterCounter parsed={parsePost(text)} />))?.[1];

describe('the character counter', () => {
  it('says by how much a post is over X’s limit, in a live region', () => {
    expect(spoken('a'.repeat(282))).toBe('2 characters over the limit');
    expect(spoken('a'.repeat(281))).toBe('1 character over the limit');
  });

  it('says nothing while the post is within the limit, so typing is not interrupted', () => {
    expect(spoken('a'.repeat(280))).toBe('');
    expect(spoken('')).toBe('');
  });
});
