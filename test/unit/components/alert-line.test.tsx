import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AlertLine } from '@/components/AlertLine';

describe('a problem line', () => {
  it('says the problem as an alert, so a screen reader reads it out as it appears', () => {
    expect(renderToStaticMarkup(<AlertLine text="X is not answering. Try again in a moment." />)).toBe(
      '<p class="error" role="alert">X is not answering. Try again in a moment.</p>',
    );
  });

  it.each([undefined, ''])('shows nothing when there is no problem (%j)', (text) => {
    expect(renderToStaticMarkup(<AlertLine text={text} />)).toBe('');
  });
});
