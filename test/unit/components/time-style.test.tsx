import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { dateTimeOf, pastTime } from '@/components/manager/format';
import { When } from '@/components/manager/When';

/**
 * One time style per screen (issue 12 item 18). components/manager/format.ts is the one module that turns an instant
 * into words; the manager shows every past moment through <When> ("5 minutes ago", the exact time on hover), and
 * keeps clock times ("until 14:32", `timeOf`) for waits in the future.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FORMAT = 'components/manager/format.ts';
const WHEN = 'components/manager/When.tsx';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Formatting an instant by hand: anywhere but format.ts, a second time style in the making. */
const OWN_FORMATTING =
  /toLocale(?:Date|Time)String\(|Intl\.(?:DateTimeFormat|RelativeTimeFormat)|\b(?:dateStyle|timeStyle)\b|\.get(?:Hours|Minutes)\(\)/;
/** On a manager screen, a past moment shown any other way than <When>. */
const MANAGER_OTHER_TIME = /<time\b|\b(?:dateOf|dateTimeOf|relativeTimeOf|pastTime)\(/;

const isManager = (name: string) => /^(?:components\/manager\/|entrypoints\/(?:sidepanel|manager)\/)/.test(name);

function timeStyleBreaches(files: { name: string; source: string }[]): string[] {
  return files.flatMap(({ name, source }) => {
    const out: string[] = [];
    if (name !== FORMAT && OWN_FORMATTING.test(source)) out.push(`${name}: formats a time itself; use ${FORMAT}`);
    if (isManager(name) && name !== FORMAT && name !== WHEN && MANAGER_OTHER_TIME.test(source))
      out.push(`${name}: shows a time without <When>`);
    return out;
  });
}

const SOURCES = [...walk(join(ROOT, 'components')), ...walk(join(ROOT, 'entrypoints'))].map((path) => ({
  name: relative(ROOT, path),
  source: readFileSync(path, 'utf8'),
}));

describe('times on the screens', () => {
  it('all go through components/manager/format.ts, and in the manager through <When>', () => {
    expect(SOURCES.filter((f) => isManager(f.name)).length).toBeGreaterThan(20);
    expect(timeStyleBreaches(SOURCES)).toEqual([]);
  });

  it('fire for a time formatted by hand or shown in the manager without <When> (canary)', () => {
    expect(
      timeStyleBreaches([
        { name: 'components/manager/Stray.tsx', source: 'const at = <time>{dateOf(post.createdAt)}</time>;' },
        { name: 'entrypoints/popup/Stray.tsx', source: "new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit' })" },
        { name: 'entrypoints/popup/Fine.tsx', source: 'dateOf(post.createdAt); n.toLocaleString();' },
      ]),
    ).toEqual([
      'components/manager/Stray.tsx: shows a time without <When>',
      'entrypoints/popup/Stray.tsx: formats a time itself; use components/manager/format.ts',
    ]);
  });
});

describe('a past moment in the manager', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const fiveMinutesAgo = new Date(now - 5 * 60_000).toISOString();

  it('reads as how long ago, with the exact date and time on hover and in datetime', () => {
    expect(pastTime(fiveMinutesAgo, now)).toEqual({ text: '5 minutes ago', title: dateTimeOf(fiveMinutesAgo), dateTime: fiveMinutesAgo });
  });

  it('renders as <time> with its words, title and datetime, and stays quiet in a status line', () => {
    vi.useFakeTimers({ now });
    try {
      const html = renderToStaticMarkup(<When iso={fiveMinutesAgo} quiet />);
      expect(html).toBe(`<time dateTime="${fiveMinutesAgo}" title="${dateTimeOf(fiveMinutesAgo)}" aria-live="off">5 minutes ago</time>`);
    } finally {
      vi.useRealTimers();
    }
  });
});
