import { describe, expect, it } from 'vitest';
import { accountsToCsv, accountsToJson, accountsToMarkdown } from '@/components/manager/account-export';
import { accountEntries, searchEntries, usernameFrom, type AccountEntry } from '@/components/manager/accounts';
import { profileUrl } from '@/lib/x-url';
import { isPendingList, listFieldProblems, listSections } from '@/components/manager/lists/list-rules';
import type { ListRow, UserRow } from '@/lib/db';
import { FSI, PDI } from '@/lib/text/bidi';
import { looksLikeFormula, readCsv } from '../lib/csv-reader';

const user = (id: string, name: string, username: string): UserRow => ({
  accountId: '1',
  id,
  name,
  username,
  seenAt: '2026-01-01T00:00:00Z',
});
const list = (id: string, name: string, flags: Partial<ListRow> = {}): ListRow => ({
  accountId: '1',
  id,
  name,
  owned: false,
  followed: false,
  pinned: false,
  member: false,
  ...flags,
});

describe('reading an @username', () => {
  it.each([
    ['ewd', 'ewd'],
    ['@ewd', 'ewd'],
    ['  @EWD  ', 'EWD'],
    ['https://x.com/gracehop', 'gracehop'],
    ['x.com/gracehop/', 'gracehop'],
    ['https://twitter.com/@gracehop?s=20', 'gracehop'],
    ['a_b_c_d_e_f_g_h', 'a_b_c_d_e_f_g_h'],
  ])('reads %j as %j', (input, expected) => {
    expect(usernameFrom(input)).toBe(expected);
  });

  it.each([[''], ['@'], ['sixteen_letters_'], ['with space'], ['dash-name'], ['émile'], ['https://x.com/'], ['@@ewd']])(
    'refuses %j',
    (input) => {
      expect(usernameFrom(input)).toBeUndefined();
    },
  );

  it('links to the profile on x.com', () => {
    expect(profileUrl('gracehop')).toBe('https://x.com/gracehop');
  });
});

describe("a list's name and description, as X checks them", () => {
  it.each([
    ['a name of 1 character', 'a', '', []],
    ['a name of exactly 25 characters', 'n'.repeat(25), '', []],
    ['a name of 26 characters', 'n'.repeat(26), '', ['name-too-long']],
    ['an empty name', '', '', ['name-missing']],
    ['a name of spaces only', '   ', '', ['name-missing']],
    ['25 characters once trimmed', `  ${'n'.repeat(25)}  `, '', []],
    ['an emoji counted as 2 (the message contract counts UTF-16 units)', `${'n'.repeat(24)}🛠`, '', ['name-too-long']],
    ['a description of exactly 100 characters', 'List', 'd'.repeat(100), []],
    ['a description of 101 characters', 'List', 'd'.repeat(101), ['description-too-long']],
    ['both wrong', '', 'd'.repeat(101), ['name-missing', 'description-too-long']],
  ])('%s', (_case, name, description, problems) => {
    expect(listFieldProblems({ name, description })).toEqual(problems);
  });
});

describe('muted and blocked accounts', () => {
  const relations = [
    { userId: '10', position: 1 },
    { userId: '11', position: 3 },
    { userId: '12', position: 2 },
    { userId: '13', position: 4 },
  ];
  const users = [
    user('10', 'Éowyn of Rohan', 'eowyn'),
    user('11', 'Antonín Dvořák 🎻', 'dvorak_a'),
    user('12', '山田 花子', 'hanako_yamada'),
    undefined,
  ];
  const entries = accountEntries(relations, users);

  it('lists them most recent first, keeping accounts Perch knows nothing of', () => {
    expect(entries.map((e) => e.id)).toEqual(['13', '11', '12', '10']);
    expect(entries[0]).toMatchObject({ id: '13', name: '', username: '' });
  });

  it.each([
    ['eowyn', ['10']],
    ['ÉOWYN', ['10']],
    ['dvorak', ['11']],
    ['DVOŘÁK', ['11']],
    ['@dvorak', ['11']],
    ['antonin dvorak', ['11']],
    ['花子', ['12']],
    ['@hanako', ['12']],
    ['rohan eowyn', ['10']],
    ['nobody', []],
  ])('finds %j regardless of case and accents', (query, ids) => {
    expect(searchEntries(entries, query).map((e) => e.id)).toEqual(ids);
  });

  it('keeps everything for an empty query', () => {
    expect(searchEntries(entries, '  ')).toHaveLength(4);
  });

  it('searches 5,000 accounts quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ userId: String(1000 + i), position: i }));
    const people = many.map((r, i) => user(r.userId, `Person ${i} Zoë`, `person_${i}`));
    const started = performance.now();
    const all = accountEntries(many, people);
    const hits = searchEntries(all, 'zoe 4999');
    expect(hits.map((h) => h.username)).toEqual(['person_4999']);
    expect(all[0]!.username).toBe('person_4999');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('the sections of the Lists tab', () => {
  const lists = [
    list('1', 'Zeta', { owned: true, pinned: true, createdAt: '2025-01-01T00:00:00Z' }),
    list('2', 'Alpha', { owned: true, createdAt: '2025-06-01T00:00:00Z' }),
    list('pending-abc', 'New one', { owned: true }),
    list('3', 'Beta', { followed: true, pinned: true }),
    list('4', 'Gamma', { member: true }),
    list('5', 'Delta', { followed: true, member: true }),
  ];
  const sections = listSections(lists);

  it('puts owned lists first being created, then newest, leaving the pinned ones to Pinned', () => {
    expect(sections.owned.map((l) => l.id)).toEqual(['pending-abc', '2']);
  });

  it('sorts the others by name, a pinned List under Pinned only, one followed and joined under Followed only', () => {
    expect(sections.pinned.map((l) => l.name)).toEqual(['Beta', 'Zeta']);
    expect(sections.followed.map((l) => l.name)).toEqual(['Delta']);
    expect(sections.member.map((l) => l.name)).toEqual(['Gamma']);
  });

  it('tells a list still being created by its temporary id', () => {
    expect(isPendingList({ id: 'pending-abc' })).toBe(true);
    expect(isPendingList({ id: '1441162269824405510' })).toBe(false);
  });
});

describe('exports of muted and blocked accounts', () => {
  const entries: AccountEntry[] = [
    { id: '11', name: 'Antonín "Tony" Dvořák', username: 'dvorak_a', position: 2, search: '' },
    { id: '12', name: '=HYPERLINK("evil")', username: 'promo_acct_01', position: 1, search: '' },
    { id: '13', name: '', username: '', position: 0, search: '' },
  ];

  it('writes CSV with a header, quoting, and no spreadsheet formulas', () => {
    expect(accountsToCsv(entries)).toBe(
      '"id","username","name","url"\r\n' +
        '"11","dvorak_a","Antonín ""Tony"" Dvořák","https://x.com/dvorak_a"\r\n' +
        `"12","promo_acct_01","'=HYPERLINK(""evil"")","https://x.com/promo_acct_01"\r\n` +
        '"13","","",""\r\n',
    );
  });

  describe('with hostile names', () => {
    const hostile: AccountEntry[] = [
      ['=1+1', 'a'],
      [' =1+1', 'b'],
      ['\t=1', 'c'],
      ['\0=1', 'd'],
      ['+1', 'e'],
      ['-1', 'f'],
      ['@SUM(A1)', 'g'],
      ['Ada;=1+1', 'h'],
      ['Evil\u202E', 'paypal_support'],
    ].map(([name, username], i) => ({ id: String(i + 1), name: name!, username: username!, position: i, search: '' }));
    const csv = accountsToCsv(hostile);

    it('quotes every text cell and neutralises every formula start, read with ,', () => {
      const rows = readCsv(csv, ',');
      expect(rows.slice(1).map((r) => r[2])).toEqual([
        "'=1+1",
        "' =1+1",
        "'\t=1",
        "'\0=1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        'Ada;=1+1',
        `${FSI}Evil\u202E${PDI}`,
      ]);
      for (const cells of rows) for (const cell of cells) expect(looksLikeFormula(cell), cell).toBe(false);
    });

    it('reads as one cell per line with ;, as a European spreadsheet would, and never as a formula', () => {
      const rows = readCsv(csv, ';');
      expect(rows).toHaveLength(hostile.length + 1);
      for (const cells of rows) {
        expect(cells).toHaveLength(1);
        expect(looksLikeFormula(cells[0]!), cells[0]).toBe(false);
      }
    });

    it('isolates a U+202E name in Markdown and keeps it raw in JSON', () => {
      const evil = hostile.slice(-1);
      expect(accountsToMarkdown(evil, 'Muted')).toBe(
        `# Muted\n\n- **${FSI}Evil\u202E${PDI}** [${FSI}@paypal\\_support${PDI}](https://x.com/paypal_support)\n`,
      );
      const json = JSON.parse(accountsToJson(evil, { collection: 'muted', exportedAt: '2026-03-01T12:00:00.000Z' })) as {
        accounts: { name: string }[];
      };
      expect(json.accounts[0]?.name).toBe('Evil\u202E');
    });
  });

  it('writes JSON with what, when and how many', () => {
    const json = JSON.parse(accountsToJson(entries, { collection: 'muted', exportedAt: '2026-03-01T12:00:00.000Z' })) as {
      collection: string;
      count: number;
      accounts: unknown[];
    };
    expect(json.collection).toBe('muted');
    expect(json.count).toBe(3);
    expect(json.accounts[0]).toEqual({ id: '11', username: 'dvorak_a', name: 'Antonín "Tony" Dvořák', url: 'https://x.com/dvorak_a' });
    expect(json.accounts[2]).toEqual({ id: '13', username: null, name: null, url: null });
  });

  it('writes Markdown with escaped names and profile links', () => {
    expect(accountsToMarkdown(entries.slice(0, 1), 'Muted *accounts*')).toBe(
      `# Muted \\*accounts\\*\n\n- **${FSI}Antonín "Tony" Dvořák${PDI}** [${FSI}@dvorak\\_a${PDI}](https://x.com/dvorak_a)\n`,
    );
  });
});
