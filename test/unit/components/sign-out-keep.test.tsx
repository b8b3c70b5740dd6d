import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SignOutDialog } from '@/components/SignOutDialog';

const account = { id: '1', username: 'ada', name: 'Ada', profileImageUrl: '' } as Parameters<typeof SignOutDialog>[0]['account'];

describe('the sign-out dialog', () => {
  it('offers to keep the bookmark tags and notes, checked by default', () => {
    const html = renderToStaticMarkup(<SignOutDialog account={account} loss={{ queued: 0, drafts: 0 }} onClose={() => undefined} />);
    const box = /<input id="([^"]+)" type="checkbox" checked=""/.exec(html);
    expect(box).not.toBeNull();
    expect(html).toContain(`<label for="${box![1]}">Keep my bookmark tags and notes</label>`);
  });
});

describe('the sign-out dialog and drafts', () => {
  it('offers to keep the drafts, unticked by default', () => {
    const html = renderToStaticMarkup(<SignOutDialog account={account} loss={{ queued: 0, drafts: 2 }} onClose={() => undefined} />);
    const box = /<input id="([^"]+)" type="checkbox"\/><label for="([^"]+)">Keep my drafts<\/label>/.exec(html);
    expect(box).not.toBeNull();
    expect(box![1]).toBe(box![2]);
    expect(html).toContain('2 drafts, with their images');
  });
});
