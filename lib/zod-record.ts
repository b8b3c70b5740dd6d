import * as z from 'zod/mini';

/** Any key: what `z.string()` takes as a record's key. */
const ANY_KEY = /(?:)/;

/**
 * `record(value, key)` takes what `z.record(z.string().check(z.regex(key)), value)` takes and gives what it gives, as
 * a check that replaces the value (as lib/x/schemas.ts `usable` does): the background then bundles no zod record type,
 * which nothing else in it uses (issue 13; test/eslint.config.js keeps `z.record` out). A plain object's own enumerable
 * keys, `__proto__` left out as zod leaves it out, each key matching `key` and each value read with `value`. Symbol
 * keys, which zod refuses, cannot reach it: Perch reads records from messages and storage, which carry none.
 */
export function record<S extends z.ZodMiniType>(value: S, key: RegExp = ANY_KEY): z.ZodMiniType<Record<string, z.output<S>>> {
  return z.unknown().check((payload) => {
    const input = payload.value;
    if (!z.util.isPlainObject(input)) {
      payload.issues.push({ code: 'invalid_type', expected: 'record', input });
      return;
    }
    const out: Record<string, z.output<S>> = {};
    for (const k of Object.keys(input)) {
      if (k === '__proto__') continue;
      if (!key.test(k)) {
        payload.issues.push({ code: 'invalid_key', origin: 'record', issues: [], input: k, path: [k] });
        continue;
      }
      const parsed = value.safeParse(input[k]);
      if (parsed.success) out[k] = parsed.data;
      else payload.issues.push(...(parsed.error.issues.map((i) => ({ ...i, path: [k, ...i.path] })) as z.core.$ZodRawIssue[]));
    }
    payload.value = out;
  }) as unknown as z.ZodMiniType<Record<string, z.output<S>>>;
}
