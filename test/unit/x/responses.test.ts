/**
 * Every answer X's OpenAPI description allows for the operations Perch calls, generated from the description
 * (test/openapi/contract.ts `responseSchema`, ../shared/x-openapi) and fed through the real client and resource
 * functions with a fake fetch. The description marks almost nothing required, so each operation says which fields
 * Perch NEEDS (X's default fields: a post's `id` and `text`, a folder's `id` and `name`, a write's state flag…):
 *
 * - an answer carrying them is read, whatever else is absent or added (optional fields absent or present, fields
 *   the description does not name, `includes` and `errors` present or not), and the result is what X sent;
 * - an answer lacking one is refused with XApiError 'malformed' (or 'not-found' for a lookup X answered with
 *   only `errors`, and the refusal its errors name for a write answered so) — nothing is half-read; and an included object (`includes.tweets`, `includes.media`) lacking
 *   what Perch needs is left out, the rest of the page kept;
 * - nothing but XApiError is ever thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XApiError } from '@/lib/x/errors';
import { X_OPERATIONS, operationOf } from '@/lib/x/operations';
import { responseSchema, validateResponse } from '../../openapi/contract';
import { capturing } from './capture';
import { arbitraryFromSchema } from './schema-arbitrary';
import { RUNS, type Body, type Operation, type IncludedKind, INCLUDED_KINDS, meets } from './responses-needs';
import { OPERATIONS } from './responses-table';

// ---- the generator ----

/** The schema with `fields` required at `path` (the same path syntax as Need.at). */
function requireAt(schema: Body, path: string, fields: string[], is?: boolean | string): void {
  let node: Body | undefined = schema;
  for (const part of path === '' ? [] : path.split('.')) {
    const many = part.endsWith('[]');
    const key = many ? part.slice(0, -2) : part;
    node = (node?.properties as Record<string, Body> | undefined)?.[key];
    if (node && many) node = node.items as Body | undefined;
  }
  if (!node) return;
  node.required = [...new Set([...((node.required as string[] | undefined) ?? []), ...fields])];
  const props = node.properties as Record<string, Body> | undefined;
  if (is !== undefined && props) for (const f of fields) props[f] = { ...props[f], enum: [is] };
}

/** The schema with `data` required and `includes` holding no more than one item pulls in (at least one item comes). */
function withinIncludes(schema: Body, perItem: Partial<Record<IncludedKind, number>>): void {
  const props = schema.properties as Record<string, Body> | undefined;
  const kinds = props?.includes?.properties as Record<string, Body> | undefined;
  if (!props || !kinds) return;
  schema.required = [...new Set([...((schema.required as string[] | undefined) ?? []), 'data'])];
  for (const kind of INCLUDED_KINDS) {
    if (!kinds[kind]) continue;
    if (perItem[kind]) kinds[kind] = { ...kinds[kind], maxItems: perItem[kind] };
    else delete kinds[kind];
  }
}

function successStatus(operationId: string): number {
  return operationId === 'createPosts' ? 201 : 200;
}

/** Answers the description allows: half of them carrying what Perch needs everywhere, half anything at all. */
function answers(op: Operation): fc.Arbitrary<Body> {
  const schema = responseSchema(op.operationId, successStatus(op.operationId)) as Body | undefined;
  if (!schema) throw new Error(`the description has no answer for ${op.operationId}`);
  const carrying = structuredClone(schema);
  for (const need of op.needs) requireAt(carrying, need.at, need.fields, need.is);
  if (op.perItem) withinIncludes(carrying, op.perItem);
  return fc.oneof(arbitraryFromSchema(carrying), arbitraryFromSchema(schema)) as fc.Arbitrary<Body>;
}

async function outcomeOf(op: Operation, body: Body): Promise<{ result?: unknown; error?: unknown }> {
  const status = successStatus(op.operationId);
  const { client } = capturing((req) => {
    const target = operationOf(req.method, req.url.pathname)?.operationId === op.operationId;
    return target || !op.others ? { status, body } : op.others(req);
  });
  try {
    return { result: await op.call(client) };
  } catch (error) {
    return { error };
  }
}

describe('every answer X’s description allows, through the client', () => {
  it('covers every operation Perch calls that the description answers', () => {
    const described = X_OPERATIONS.filter((o) => !o.docsOnly).map((o) => o.operationId);
    expect(OPERATIONS.map((o) => o.operationId).sort()).toEqual(described.sort());
  });

  it.each(OPERATIONS.map((o) => [o.operationId, o] as const))(
    '%s: read when it carries what Perch needs, refused with an XApiError when not, never anything else',
    async (_id, op) => {
      const seen = { read: 0, includes: 0, noIncludes: 0, errors: 0, noErrors: 0, extra: 0 };
      await fc.assert(
        fc.asyncProperty(answers(op), async (generated) => {
          const body = JSON.parse(JSON.stringify(generated)) as Body; // as it arrives: -0 is 0 on the wire
          expect(validateResponse({ operationId: op.operationId, status: successStatus(op.operationId), body })).toEqual([]);
          seen[body.includes === undefined ? 'noIncludes' : 'includes']++;
          seen[body.errors === undefined ? 'noErrors' : 'errors']++;
          if (JSON.stringify(body).includes('"future_field"')) seen.extra++;

          const { result, error } = await outcomeOf(op, body);
          if (error !== undefined && !(error instanceof XApiError)) throw error; // anything else fails here
          const expected = op.outcome?.(body) ?? (meets(body, op.needs) ? 'ok' : undefined);
          if (expected === 'ok') {
            expect(error).toBeUndefined();
            op.check(result, body);
            seen.read++;
          } else if (expected) {
            expect(error?.kind).toBe(expected);
          } else {
            // Lacking what Perch needs: refused as a whole, as malformed — or not found, for a lookup X
            // answered with only errors.
            const notFound = op.lookup && body.data === undefined && Array.isArray(body.errors);
            expect(error?.kind).toBe(notFound ? 'not-found' : 'malformed');
          }
        }),
        { numRuns: RUNS },
      );
      // The generator really made each kind of answer (a test that could never see one would prove nothing).
      expect(seen.read).toBeGreaterThan(RUNS / 4);
      expect(seen.noErrors).toBeGreaterThan(0);
      expect(seen.errors).toBeGreaterThan(0);
      expect(seen.extra).toBeGreaterThan(0);
      const schema = responseSchema(op.operationId, successStatus(op.operationId)) as Body;
      if ((schema.properties as Body | undefined)?.includes) expect(seen.includes * seen.noIncludes).toBeGreaterThan(0);
    },
  );
});
