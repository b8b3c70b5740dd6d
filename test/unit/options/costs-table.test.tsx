import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Costs } from '@/entrypoints/options/Costs';
import { readInJapanese } from '../locales/in-japanese';

/**
 * The settings' price list names what X bills for every write Perch sends: a description given to an image goes to X as
 * its own request, POST /2/media/metadata (createMediaMetadata), which X bills as Media Metadata, $0.005 a request
 * (x-api--getting-started--pricing).
 */

/** The rows of the table captioned `caption`, as "what | price". */
function rowsOf(html: string, caption: string): string[] {
  const table = html.split('<table').find((t) => t.includes(`<caption>${caption}</caption>`)) ?? '';
  return [...table.matchAll(/<tr><th scope="row">(.*?)<\/th><td>(.*?)<\/td><\/tr>/g)].map((m) => `${m[1]} | ${m[2]}`);
}

describe('the Costs section', () => {
  it('prices an image description, which Perch sends to X as a request of its own', () => {
    expect(rowsOf(renderToStaticMarkup(<Costs />), 'Acting on X: charged per request')).toContain(
      'Describe an image for people who cannot see it (alt text), each description | $0.005 (X’s Media Metadata)',
    );
  });

  it('says so in Japanese on a Japanese screen', () => {
    readInJapanese();
    // The test's Japanese messages keep the locale file's `$$` (a literal dollar), which the browser shows as `$`.
    expect(rowsOf(renderToStaticMarkup(<Costs />), 'Xでの操作: リクエストごとに課金').map((r) => r.replace('$$', '$'))).toContain(
      '画像の説明（代替テキスト）、説明1件ごと | $0.005（XのMedia Metadata）',
    );
  });
});
