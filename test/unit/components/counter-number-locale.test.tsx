import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CharacterCounter } from '@/components/CharacterCounter';
import { parsePost } from '@/lib/text/parse-post';

// The ring's visible number is written through Intl in the reader's locale, as its label is.
describe('the counter of a long post far over its limit', () => {
  it('shows its number as the reader’s locale writes numbers, as its label does', () => {
    const html = renderToStaticMarkup(<CharacterCounter parsed={parsePost('a'.repeat(26_234), 25_000)} limit={25_000} />);
    expect(html).toContain('aria-label="1,234 characters over the limit"');
    expect(/class="counter-number">([^<]*)</.exec(html)?.[1]).toBe('-1,234');
  });
});
