import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { AttachingNote } from '@/components/Composer';

/**
 * While a video is added the composer says so in a live region. A name carrying U+202E (RIGHT-TO-LEFT OVERRIDE) is
 * isolated on screen by a <bdi>, and what a screen reader reads of the region holds no control characters.
 */

const OVERRIDE = 'clip\u202E4pm.mov';
const CLEAN = 'clip4pm.mov';
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The text assistive technology gets from markup: everything outside aria-hidden subtrees, tags dropped. */
function spoken(html: string): string {
  return html.replace(/<span aria-hidden="true">.*?<\/span>(?=<span)/g, '').replace(/<[^>]+>/g, '');
}

describe('the composer’s "Adding <video>…" line', () => {
  it('shows the name isolated, and reads it out once without its control characters', () => {
    const html = renderToStaticMarkup(<AttachingNote name={OVERRIDE} />);
    expect(html).toMatch(/^<p class="note" role="status">/);
    expect(html).toContain(`<span aria-hidden="true">Adding <bdi>${OVERRIDE}</bdi>… Post waits until it is in.</span>`);
    const said = spoken(html);
    expect(said).toBe(`Adding ${CLEAN}… Post waits until it is in.`);
    expect(said).not.toMatch(CONTROLS);
  });
});
