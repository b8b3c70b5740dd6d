import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UploadProgress, uploadPhaseWords } from '@/components/UploadProgress';

/** The live status's words and the visible words of the composer's upload bar, as rendered. */
function rendered(progress: Parameters<typeof UploadProgress>[0]['progress']) {
  const html = renderToStaticMarkup(<UploadProgress progress={progress} />);
  const status = /<p role="status"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
  const shown = /<p class="muted">(.*?)<\/p>/.exec(html)?.[1]?.replace(/<\/?bdi>/g, '');
  const name = /<progress[^>]*aria-label="([^"]*)"/.exec(html)?.[1];
  return { html, status, shown, name };
}

describe('the composer’s upload bar', () => {
  it('shows each percent but announces the upload’s phase only', () => {
    const at10 = rendered({ phase: 'uploading', percent: 10, name: 'clip.mp4' });
    const at40 = rendered({ phase: 'uploading', percent: 40, name: 'clip.mp4' });
    expect(at10.shown).toBe('Uploading clip.mp4… 10%');
    expect(at40.shown).toBe('Uploading clip.mp4… 40%');
    // The live region's words do not change with the percent, so a screen reader is not read every step.
    expect(at10.status).toBe('Uploading clip.mp4…');
    expect(at40.status).toBe(at10.status);
  });

  it('announces X processing the file as a new phase', () => {
    const processing = rendered({ phase: 'processing', percent: 80, name: 'clip.mp4' });
    expect(processing.shown).toBe('X is processing clip.mp4… 80%');
    expect(processing.status).toBe('X is processing clip.mp4…');
    expect(uploadPhaseWords({ phase: 'processing', name: 'clip.mp4' })).toBe(processing.status);
  });

  it('names the bar by its visible words, percent included', () => {
    const { html, shown, name } = rendered({ phase: 'uploading', percent: 40, name: 'clip.mp4' });
    expect(name).toBe(shown);
    expect(html).toMatch(/<progress max="100" value="40"/);
  });
});
