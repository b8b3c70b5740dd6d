import { DOMParser as PageParser, parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotView } from '@/entrypoints/popup/snapshot-html';

// The popup paints its last screen on a post from HTML kept in storage.session (entrypoints/popup/snapshot.ts). Only
// Perch's pages can write there, but whatever is kept is painted before React runs: HTML that is not what React drew
// (changed by another party, or a fault) must paint nothing that runs, loads, navigates or leaves the popup.
const ORIGIN = 'chrome-extension://perchperchperchperchperchperchpe';

const g = globalThis as Record<string, unknown>;
let saved: Record<string, unknown>;

beforeEach(() => {
  saved = { document: g.document, DOMParser: g.DOMParser, location: g.location };
  const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  // The browser's parser takes a fragment as the body of a document; the test page's wants the document around it.
  class FragmentParser {
    parseFromString(html: string, type: string) {
      return new PageParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, type as 'text/html');
    }
  }
  Object.assign(g, { document, DOMParser: FragmentParser, location: new URL(`${ORIGIN}/popup.html`) });
});

afterEach(() => {
  Object.assign(g, saved);
});

const KEPT = [
  '<section class="post-panel"><div class="quick-actions">',
  '<button type="button" class="quick-action" onclick="alert(1)" onfocus="alert(2)"><span class="quick-label">Bookmark</span></button>',
  '<a class="quick-link" href="javascript:alert(3)">Open on X</a>',
  '<a class="quick-link" href="https://x.com/gracehop/status/1">On X</a>',
  `<a class="quick-link" href="${ORIGIN}/manager.html#bookmarks">Bookmarks</a>`,
  '<a class="quick-link" href="http://tracker.example/">Plain</a>',
  '</div>',
  '<meta http-equiv="refresh" content="0;url=https://tracker.example/">',
  '<base href="https://tracker.example/">',
  '<link rel="stylesheet" href="https://tracker.example/a.css">',
  '<style>body{background:url(https://tracker.example/b.png)}</style>',
  '<script>alert(4)</script>',
  '<iframe src="https://tracker.example/"></iframe>',
  '<object data="https://tracker.example/c.swf"></object><embed src="https://tracker.example/d.swf">',
  '<form action="https://tracker.example/"><button formaction="https://tracker.example/">Send</button></form>',
  '<img src="https://tracker.example/pixel.png" alt="">',
  '<img src="https://pbs.twimg.com/profile_images/1/a_normal.jpg" alt="">',
  '<svg aria-hidden="true"><script>alert(5)</script><use href="https://tracker.example/i.svg#x"></use><path d="M0 0"></path></svg>',
  '<p>Tom &amp; Jerry &lt;3</p>',
  '</section>',
].join('');

describe('a kept popup screen painted before React', () => {
  it('paints nothing that runs, loads or navigates', () => {
    const view = snapshotView(KEPT);
    const html = view.innerHTML;
    expect(view.querySelectorAll('meta, base, link, style, script, iframe, object, embed, form')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('tracker.example');
  });

  it('keeps what React draws: its buttons and words, links to x.com and to Perch’s own pages, X’s pictures', () => {
    const view = snapshotView(KEPT);
    expect([...view.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Bookmark']);
    const hrefs = [...view.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://x.com/gracehop/status/1', `${ORIGIN}/manager.html#bookmarks`]);
    expect([...view.querySelectorAll('img[src]')].map((i) => i.getAttribute('src'))).toEqual([
      'https://pbs.twimg.com/profile_images/1/a_normal.jpg',
    ]);
    expect(view.querySelector('svg path')).not.toBeNull();
    expect(view.querySelector('p')?.textContent).toBe('Tom & Jerry <3');
  });

  it('paints no SVG animation that could set a link again, and no style that loads a picture', () => {
    const view = snapshotView(
      [
        '<svg aria-hidden="true"><a href="https://x.com/gracehop">',
        '<set attributeName="href" to="javascript:alert(6)"></set>',
        '<animate attributeName="href" values="javascript:alert(7)"></animate>',
        '<animateMotion path="M0 0"></animateMotion><animateTransform attributeName="transform"></animateTransform>',
        '<text>Grace</text></a></svg>',
        '<div style="background:url(https://tracker.example/e.png)">A</div>',
        '<div data-perch-style="background-image: U\\RL(https://tracker.example/f.png)">B</div>',
        '<div data-perch-style="background-image: image-set(&quot;https://tracker.example/g.png&quot; 1x)">C</div>',
        '<button type="button" data-perch-style="width: 80px;">Bookmark</button>',
      ].join(''),
    );
    const names = [...view.querySelectorAll('*')].map((el) => el.localName.toLowerCase());
    expect(names).not.toEqual(expect.arrayContaining(['set']));
    expect(names.filter((n) => n.startsWith('animate'))).toEqual([]);
    expect(view.innerHTML).not.toContain('javascript:');
    expect(view.innerHTML).not.toContain('tracker.example');
    // What React draws stays: the SVG link and its words, a button's measured width.
    expect(view.querySelector('a')?.getAttribute('href')).toBe('https://x.com/gracehop');
    expect(view.querySelector('a')?.textContent).toBe('Grace');
    expect(view.querySelector('button')?.style.width).toBe('80px');
  });
});
