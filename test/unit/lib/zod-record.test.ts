import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseRequest } from '@/lib/message-contract';
import { record } from '@/lib/zod-record';

/**
 * lib/zod-record.ts stands in for z.record in the background (issue 13: zod's record type is code the worker would load
 * on every start for two fields). It must take exactly what z.record takes and give exactly what it gives.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const id = crypto.randomUUID();
const entry = z.object({ state: z.string(), startedAt: z.number() });

class Named {
  a = 'x';
}

const INPUTS: [string, unknown][] = [
  ['an empty object', {}],
  ['one entry', { a: { state: 'a', startedAt: 1 } }],
  ['entries with keys X does not read', { a: { state: 'a', startedAt: 1, extra: true }, b: { state: 'b', startedAt: 2 } }],
  ['a malformed entry', { a: { state: 'a' } }],
  ['a malformed entry after a good one', { a: { state: 'a', startedAt: 1 }, b: 'b' }],
  ['numeric keys', { 2: { state: 'b', startedAt: 2 }, 1: { state: 'a', startedAt: 1 } }],
  ['an own __proto__ key', JSON.parse('{"__proto__": {"state": "p", "startedAt": 0}, "a": {"state": "a", "startedAt": 1}}')],
  ['an own malformed __proto__ key', JSON.parse('{"__proto__": 1}')],
  ['an object without a prototype', Object.assign(Object.create(null) as object, { a: { state: 'a', startedAt: 1 } })],
  ['an array', [{ state: 'a', startedAt: 1 }]],
  ['null', null],
  ['undefined', undefined],
  ['a string', 'a'],
  ['a number', 1],
  ['a Date', new Date(0)],
  ['a Map', new Map([['a', { state: 'a', startedAt: 1 }]])],
  ['a class instance', new Named()],
];

const KEYED: [string, unknown][] = [
  ['a UUID key', { [id]: 'a cat' }],
  ['a key that is no UUID', { cat: 'a cat' }],
  ['a UUID key among others', { [id]: 'a cat', cat: 'a cat' }],
  ['a value too long', { [id]: 'x'.repeat(11) }],
  ['a value not a string', { [id]: 1 }],
  ['an own __proto__ key', JSON.parse(`{"__proto__": "x", "${id}": "a cat"}`)],
];

/** What a parse gives, prototype included: z.record builds a plain object, never one with another prototype. */
const result = (parsed: { success: boolean; data?: unknown }) =>
  parsed.success ? { data: parsed.data, proto: Object.getPrototypeOf(parsed.data) as unknown } : { failed: true };

describe('record', () => {
  it.each(INPUTS)('takes and gives what z.record does for %s', (_, input) => {
    expect(result(record(entry).safeParse(input))).toEqual(result(z.record(z.string(), entry).safeParse(input)));
  });

  it.each(KEYED)('checks keys as z.record with a key pattern does, for %s', (_, input) => {
    const value = z.string().check(z.maxLength(10));
    expect(result(record(value, UUID).safeParse(input))).toEqual(result(z.record(z.string().check(z.regex(UUID)), value).safeParse(input)));
  });

  it('refuses what z.record refuses at the same path', () => {
    const parsed = record(entry).safeParse({ a: { state: 'a', startedAt: 1 }, b: { state: 2, startedAt: 2 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['b', 'state']]);
  });

  it("takes a draft's image descriptions only by the image ids the contract takes", () => {
    const draft = (alts: unknown) =>
      parseRequest({ type: 'draft.save', accountId: '1', context: 'compose', seq: 0, posts: [{ text: '', mediaIds: [id], alts }] });
    expect(draft({ [id]: 'a cat' })).toMatchObject({ posts: [{ alts: { [id]: 'a cat' } }] });
    expect(draft({ cat: 'a cat' })).toBeUndefined();
    expect(draft({ [id]: 'x'.repeat(2001) })).toBeUndefined();
    expect(draft(['a cat'])).toBeUndefined();
  });
});
