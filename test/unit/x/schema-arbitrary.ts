/**
 * fast-check arbitraries driven by a JSON schema: values the schema accepts, for property tests of what Perch does
 * with every answer X's description allows. It reads the keywords X's description uses (type, properties,
 * required, additionalProperties, items, min/maxItems, uniqueItems, enum, pattern, format, min/maxLength,
 * minimum/maximum, allOf, anyOf, oneOf). Optional properties come and go; objects that allow more properties get
 * fields the description does not name (as X adds fields over time). It does not validate: the tests check every
 * value it makes with the contract's validator (test/openapi/contract.ts), so a mistake here fails loudly.
 *
 * json-schema-faker was tried first: on X's description two answers in three it made broke the schema (patterns
 * under allOf, null array items), which would have left the property test checking little.
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;

export interface SchemaArbitraryOptions {
  /** Names for properties the schema does not declare (added to objects that allow them). */
  extraKeys?: readonly string[];
  /** Longest array made when the schema sets no maximum (default 2). */
  maxItems?: number;
}

const DEFAULT_EXTRA_KEYS = ['future_field', 'x_internal', 'beta_flags'] as const;
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** What an unknown field may hold: small JSON values of every kind. */
const EXTRA_VALUE = fc.constantFrom<unknown>(null, true, 0, -1.5, '', 'new', [], [1, 'a'], { nested: { deeper: true } });

function asSchema(v: unknown): Schema {
  return v && typeof v === 'object' ? (v as Schema) : {};
}

/** One schema for `allOf`: properties and `required` joined, an `enum` intersected, other keywords the first seen. */
export function mergeAll(schemas: readonly Schema[]): Schema {
  const out: Schema = {};
  const props: Record<string, Schema[]> = {};
  const required = new Set<string>();
  for (const raw of schemas) {
    const s = raw.allOf ? mergeAll([{ ...raw, allOf: undefined }, ...(raw.allOf as Schema[]).map(asSchema)]) : raw;
    for (const [k, v] of Object.entries(s)) {
      if (v === undefined) continue;
      if (k === 'properties') {
        for (const [name, p] of Object.entries(v as Record<string, Schema>)) (props[name] ??= []).push(p);
      } else if (k === 'required') {
        for (const r of v as string[]) required.add(r);
      } else if (k === 'enum' && Array.isArray(out.enum)) {
        const keep = new Set((v as unknown[]).map((x) => JSON.stringify(x)));
        out.enum = (out.enum as unknown[]).filter((x) => keep.has(JSON.stringify(x)));
      } else if (k === 'anyOf' || k === 'oneOf') {
        // Two alternatives in one allOf: every pair, each merged (X's description never nests them deeply).
        const mine = v as Schema[];
        const prior = (out.anyOf as Schema[] | undefined) ?? (out.oneOf as Schema[] | undefined);
        out.anyOf = prior ? prior.flatMap((a) => mine.map((b) => mergeAll([a, b]))) : mine;
        delete out.oneOf;
      } else if (!(k in out)) {
        out[k] = v;
      }
    }
  }
  if (Object.keys(props).length) {
    out.properties = Object.fromEntries(Object.entries(props).map(([k, list]) => [k, list.length === 1 ? list[0]! : mergeAll(list)]));
  }
  if (required.size) out.required = [...required];
  return out;
}

function typeOf(s: Schema): string | undefined {
  if (typeof s.type === 'string') return s.type;
  if (s.properties || s.additionalProperties !== undefined || s.required) return 'object';
  if (s.items) return 'array';
  return undefined;
}

/** Arbitraries are costly to build (a pattern's most of all) and X's description repeats the same few. */
const cache = new Map<string, fc.Arbitrary<string>>();
function cached(key: string, make: () => fc.Arbitrary<string>): fc.Arbitrary<string> {
  let a = cache.get(key);
  if (!a) cache.set(key, (a = make()));
  return a;
}

/** X's id pattern, as ids really are: a string of 1 to 19 digits (fundamentals--x-ids), cheaper than a regex. */
const ID_PATTERN = '^[0-9]{1,19}$';
const idArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 19n - 1n }).map(String),
  fc.constantFrom('1585841080431321088', '9007199254740993', '20', '0'),
);

const text = fc.string({
  maxLength: 12,
  unit: fc.oneof(fc.constantFrom('é', '🐦', '\n', ' ', '"'), fc.string({ minLength: 1, maxLength: 1 })),
});

function stringArb(s: Schema): fc.Arbitrary<string> {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const limit = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  const max = limit ?? min + 12;
  // Only the schema's own bounds filter a pattern or format (a filter nothing passes would never return).
  const fits = (v: string) => [...v].length >= min && (limit === undefined || [...v].length <= limit);
  if (s.pattern === ID_PATTERN || s.format === ID_PATTERN) return idArb.filter(fits);
  if (typeof s.pattern === 'string') {
    const pattern = s.pattern;
    return cached(`pattern ${pattern} ${min} ${max}`, () => fc.stringMatching(new RegExp(pattern)).filter(fits));
  }
  switch (s.format) {
    case 'date-time':
      return cached('date-time', () =>
        fc
          .date({ min: new Date('2006-03-21T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
          .map((d) => d.toISOString()),
      );
    case 'uri':
      return cached('uri', () =>
        fc
          .tuple(
            fc.constantFrom('https://t.co/', 'https://pbs.twimg.com/media/', 'http://example.com/a?b='),
            fc.stringMatching(/^[A-Za-z0-9]{0,10}$/),
          )
          .map(([base, tail]) => base + tail),
      ).filter(fits);
    default:
      return min === 0 && max === 12 ? text : fc.string({ minLength: min, maxLength: max });
  }
}

function integerArb(s: Schema): fc.Arbitrary<number> {
  const min = typeof s.minimum === 'number' ? Math.ceil(s.minimum) : INT32.min;
  const max = typeof s.maximum === 'number' ? Math.floor(s.maximum) : INT32.max;
  return fc.integer({ min, max });
}

function numberArb(s: Schema): fc.Arbitrary<number> {
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(typeof s.minimum === 'number' ? { min: s.minimum } : {}),
    ...(typeof s.maximum === 'number' ? { max: s.maximum } : {}),
  });
}

/** Values `schema` accepts (see the module comment for what it reads). */
export function arbitraryFromSchema(schema: object, options: SchemaArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const extraKeys = options.extraKeys ?? DEFAULT_EXTRA_KEYS;
  const maxItems = options.maxItems ?? 2;

  function build(raw: Schema): fc.Arbitrary<unknown> {
    const s = raw.allOf ? mergeAll([raw]) : raw;
    const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (alternatives) {
      const rest: Schema = { ...s, anyOf: undefined, oneOf: undefined };
      return fc.oneof(...alternatives.map((alt) => build(mergeAll([rest, asSchema(alt)]))));
    }
    if (Array.isArray(s.enum)) {
      // An enum beside a pattern: only the values both allow (ReplySettingsWithVerifiedUsers lists a 14-letter
      // value its 12-letter pattern refuses).
      const pattern = typeof s.pattern === 'string' ? new RegExp(s.pattern) : undefined;
      const values = (s.enum as unknown[]).filter((v) => !pattern || typeof v !== 'string' || pattern.test(v));
      return fc.constantFrom(...values);
    }
    if ('const' in s) return fc.constant(s.const);
    switch (typeOf(s)) {
      case 'object':
        return objectArb(s);
      case 'array': {
        const item = build(asSchema(s.items));
        const min = typeof s.minItems === 'number' ? s.minItems : 0;
        const max = typeof s.maxItems === 'number' ? s.maxItems : Math.max(min, maxItems);
        return s.uniqueItems
          ? fc.uniqueArray(item, { minLength: min, maxLength: max, selector: (v) => JSON.stringify(v) })
          : fc.array(item, { minLength: min, maxLength: max });
      }
      case 'string':
        return stringArb(s);
      case 'integer':
        return integerArb(s);
      case 'number':
        return numberArb(s);
      case 'boolean':
        return fc.boolean();
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  }

  function objectArb(s: Schema): fc.Arbitrary<Record<string, unknown>> {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const required = ((s.required ?? []) as string[]).filter((r) => r in props);
    const declared = fc.record(Object.fromEntries(Object.entries(props).map(([k, p]) => [k, build(p)])), {
      requiredKeys: required,
    }) as fc.Arbitrary<Record<string, unknown>>;
    // A required property the schema does not describe: any JSON value.
    const undescribed = ((s.required ?? []) as string[]).filter((r) => !(r in props));
    const withUndescribed = undescribed.length
      ? fc.tuple(declared, fc.tuple(...undescribed.map(() => fc.jsonValue({ maxDepth: 1 })))).map(([o, vs]) => ({
          ...o,
          ...Object.fromEntries(undescribed.map((k, i) => [k, vs[i]])),
        }))
      : declared;
    if (s.additionalProperties === false) return withUndescribed;
    const extraValue =
      s.additionalProperties && typeof s.additionalProperties === 'object' ? build(asSchema(s.additionalProperties)) : EXTRA_VALUE;
    const names = extraKeys.filter((k) => !(k in props));
    if (names.length === 0) return withUndescribed;
    const extras = fc.dictionary(fc.constantFrom(...names), extraValue, { maxKeys: 2 });
    return fc.tuple(withUndescribed, extras).map(([o, e]) => ({ ...e, ...o }));
  }

  return build(schema as Schema);
}
