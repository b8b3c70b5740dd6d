import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HeaderProblem } from '@/components/AccountHeader';

describe('the account header’s problem line', () => {
  it('says a cancelled sign-in in a neutral note, not as a red alert', () => {
    const html = renderToStaticMarkup(
      <HeaderProblem error={{ kind: 'cancelled', message: 'Sign-in was cancelled. Nothing was changed.' }} />,
    );
    expect(html).toContain('Sign-in was cancelled. Nothing was changed.');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('class="error"');
  });

  it('still shows a failed sign-in as an error', () => {
    const html = renderToStaticMarkup(<HeaderProblem error={{ kind: 'network', message: 'X could not be reached.' }} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('class="error"');
  });
});
