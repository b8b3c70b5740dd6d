import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ListCard } from '@/components/manager/lists/ListCard';
import { ListDetail } from '@/components/manager/lists/ListDetail';
import type { ListRow } from '@/lib/db';
import { readInJapanese } from '../locales/in-japanese';
import { accessibleName, labelMismatches, visibleText } from '../support/label-in-name';

/**
 * The brief: "every control has a role and a name that starts with its visible label" (WCAG 2.5.3), so a person
 * using voice control can say what they see, in English and in Japanese.
 */

const READING: ListRow = {
  accountId: '1',
  id: '99',
  name: 'Reading list 📚',
  description: 'Long reads',
  private: false,
  memberCount: 4,
  owned: true,
  followed: false,
  pinned: false,
  member: false,
};
const NAVY: ListRow = { ...READING, id: '98', name: 'Navy computing ⚓', owned: false, followed: true, pinned: true };

const act = () => Promise.resolve(true);
const card = (list: ListRow) => renderToStaticMarkup(<ListCard list={list} act={act} onOpen={() => undefined} />);
const page = (list: ListRow) =>
  renderToStaticMarkup(<ListDetail accountId="1" list={list} act={act} onBack={() => undefined} onActed={() => undefined} />);

const inLanguage = (language: 'en' | 'ja') => {
  if (language === 'ja') readInJapanese();
};

describe('a list’s button on the Lists tab', () => {
  it.each(['en', 'ja'] as const)('is named by the list’s name, as shown (%s)', (language) => {
    inLanguage(language);
    const { document } = parseHTML(`<!doctype html><html><body>${card(READING)}</body></html>`);
    const button = document.querySelector('button.mgr-list-name');
    expect(button && visibleText(button)).toBe('Reading list 📚');
    expect(button && accessibleName(button)).toBe('Reading list 📚');
  });
});

describe('every control on a list’s card and page starts its name with the words it shows', () => {
  it.each([
    ['en', 'an owned list', READING],
    ['en', 'a followed, pinned list', NAVY],
    ['ja', 'an owned list', READING],
    ['ja', 'a followed, pinned list', NAVY],
  ] as const)('(%s) on %s', (language, _, list) => {
    inLanguage(language);
    expect(labelMismatches(card(list))).toEqual([]);
    expect(labelMismatches(page(list))).toEqual([]);
  });
});

describe('the label-in-name check (canary)', () => {
  it.each([
    ['a hint before the name', '<button aria-label="Open Reading list">Reading list</button>'],
    ['a hint before the name, in Japanese', '<button aria-label="開く: 読書リスト">読書リスト</button>'],
    ['a link named otherwise', '<a href="https://x.com" aria-label="Profile of @ada">View</a>'],
    ['a name pointed at elsewhere', '<p id="t">Members</p><div role="button" aria-labelledby="t">Load</div>'],
  ])('fires on %s', (_, html) => {
    expect(labelMismatches(html)).toHaveLength(1);
  });

  it.each([
    ['a name that goes on past the words shown', '<button aria-label="Pin Reading list">Pin</button>'],
    ['the same words in another case', '<button aria-label="pin">Pin</button>'],
    ['an icon with a name', '<button aria-label="Remove tag moths"><span aria-hidden="true">×</span></button>'],
    ['a name from the words alone', '<button>Reading list <span class="visually-hidden">(4 members)</span></button>'],
    ['a name with bidi marks the words shown lack', '<button aria-label="Remove image \u2067a.png\u2069">Remove image a.png</button>'],
  ])('passes %s', (_, html) => {
    expect(labelMismatches(html)).toEqual([]);
  });
});
