import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PostMedia } from '@/components/PostMedia';
import { UploadProgress } from '@/components/UploadProgress';
import type { EditablePost } from '@/components/use-draft';

/**
 * A file's name in the composer's own words — "Remove image <name>", its description's label, the upload bar — is
 * isolated on screen by a <bdi>, so a name carrying U+202E (RIGHT-TO-LEFT OVERRIDE) reverses nothing after it; the
 * accessible names (buttons, the description box, the bar) hold the same words with no invisible control characters.
 */

/** A name that tries to reverse the rest of the line. */
const OVERRIDE = 'clip\u202Egpj.png';
const CLEAN = 'clipgpj.png';
const CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const media = (over: Partial<EditablePost['media'][number]>): EditablePost['media'][number] => ({
  id: '1',
  name: OVERRIDE,
  type: 'image/png',
  size: 10,
  ...over,
});

/** Whether every occurrence of the name in the markup's content (attributes aside) is exactly a <bdi>'s content. */
function isolatedEverywhere(html: string, name: string): boolean {
  const content = html.replace(/\s[a-z-]+="[^"]*"/g, '');
  const all = content.split(name).length - 1;
  const inBdi = content.split(`>${name}</bdi>`).length - 1;
  return all > 0 && all === inBdi;
}

/** Each aria-label, and each button's visible words beside it (the <bdi> element gone, its text kept). */
function labelled(html: string): { name: string; visible?: string }[] {
  return [...html.matchAll(/<(button|textarea|progress)[^>]*aria-label="([^"]*)"[^>]*>(?:(.*?)<\/button>)?/g)].map((m) => ({
    name: m[2]!,
    ...(m[1] === 'button' ? { visible: m[3]!.replace(/<[^>]+>/g, '') } : {}),
  }));
}

describe('a file name in the composer’s labels', () => {
  it('is isolated on screen in the media list, and every accessible name naming it is clean', () => {
    const html = renderToStaticMarkup(
      <PostMedia
        media={[media({}), media({ id: '2', alt: 'A cat' }), media({ id: '3', type: 'video/mp4', durationSecs: 5 })]}
        index={0}
        onRemove={() => undefined}
        onAlt={() => undefined}
      />,
    );
    expect(isolatedEverywhere(html, OVERRIDE)).toBe(true);
    expect(html).toContain(`<label for="`);
    expect(html).toMatch(/<label[^>]*>Description of <bdi>clip\u202Egpj\.png<\/bdi><\/label>/);
    const names = labelled(html);
    expect(names.map((n) => n.name)).toEqual([
      `Remove image ${CLEAN}`,
      `Remove image ${CLEAN}`,
      `Description of ${CLEAN}`,
      `Remove video ${CLEAN}`,
    ]);
    for (const { name, visible } of names) {
      expect(name).not.toMatch(CONTROLS);
      // The name starts with the visible label: the same words, less the invisible characters.
      if (visible !== undefined) expect(name).toBe(visible.replace(new RegExp(CONTROLS.source, 'g'), ''));
    }
    // "Add description (clip…)", "Remove description (clip…)": the name said to a screen reader only.
    const hidden = [...html.matchAll(/<span class="visually-hidden">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(hidden).toEqual([` (${CLEAN})`, ` (${CLEAN})`]);
  });

  it('is isolated on the upload bar, whose name and live status hold no control characters', () => {
    const html = renderToStaticMarkup(<UploadProgress progress={{ phase: 'uploading', percent: 40, name: OVERRIDE }} />);
    expect(html).toContain(`<p class="muted">Uploading <bdi>${OVERRIDE}</bdi>… 40%</p>`);
    expect(labelled(html)).toEqual([{ name: `Uploading ${CLEAN}… 40%` }]);
    const status = /<p role="status"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
    expect(status).toBe(`Uploading ${CLEAN}…`);
  });
});
