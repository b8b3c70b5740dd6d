/**
 * Bare answers: X's answers with only what X must send. An X that follows its description strictly may leave out
 * any property the description does not mark `required` when it has no value; this switch (EmulatorState.bareAnswers,
 * `POST /__emulator/config {"bare_answers": true}`, `startEmulator({ bareAnswers: true })` or the environment
 * variable `EMULATOR_BARE_ANSWERS=1`) strips every successful JSON answer down to that, so tests can check Perch reads
 * such answers right.
 *
 * The schema is the description's response schema for the operation and status (test/openapi/contract.ts
 * `responseSchema`, which reads ../shared/x-openapi/openapi.json in place). What is dropped, and the pages that
 * say X may leave it out (/work/shared/x-docs/pages):
 * - A property the schema does not list as `required` whose value is empty: `null`, `""`, `[]`, `{}` (or an object
 *   all of whose parts were dropped): x-api--fundamentals--fields, "Important notes": "Missing fields in responses
 *   mean the value is `null` or empty". That covers `data: []` of an empty page (X answers `meta.result_count: 0`
 *   and no `data`), `includes`, `errors`, `connection_status: []`, `entities` parts, a List's empty `description`.
 * - Parts of `public_metrics` the schema does not list as `required` (a post's `quote_count`; a user's `like_count`,
 *   `media_count`): the same page's "Fields for related objects" answer shows an expanded user's `public_metrics`
 *   with only `followers_count` and `following_count`.
 * Properties the emulator already leaves out when they have no value, as X does, stay out: `attachments`,
 * `referenced_tweets`, `in_reply_to_user_id`, `note_tweet`, `withheld`, `pinned_tweet_id`, `most_recent_tweet_id`,
 * `location`, `url`, `description` (x-api--fundamentals--data-dictionary: "if any", "if the represented Tweet is a
 * reply", "if the user provided one", "if present", "if applicable"), `meta.next_token` on the last page
 * (x-api--fundamentals--pagination).
 *
 * Kept, even where the schema does not require them:
 * - the default fields (x-api--fundamentals--fields: "By default, a post lookup returns only `id`, `text`, and
 *   `edit_history_tweet_ids`"; data-dictionary marks a user's `id`, `name`, `username`, a media's `media_key` and
 *   `type` "(default)"): X sends them on every object, empty or not;
 * - booleans and numbers (`protected`, `verified`, `private`, `possibly_sensitive`, `follower_count`,
 *   `member_count`, `result_count`, the required metrics): `false` and `0` are values X sends when they are asked
 *   for, not "no value" (data-dictionary gives each as "Indicates if…" / "Shows how many…", never "if any");
 * - `subscription_type` ("Will always return `None` if the user is not the authenticated user").
 */
import { responseSchema, type JsonSchema } from '../openapi/contract';

/** Fields X sends on every object of their kind (x-api--fundamentals--fields, data-dictionary "(default)"). */
const DEFAULT_FIELDS = new Set(['id', 'text', 'edit_history_tweet_ids', 'name', 'username', 'media_key', 'type']);

interface ObjectShape {
  properties: Map<string, JsonSchema[]>;
  required: Set<string>;
  items: JsonSchema[];
}

/** Every branch of a schema (allOf, anyOf, oneOf) folded into one shape: the union of properties and of `required`. */
function shapeOf(schemas: readonly JsonSchema[]): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), required: new Set(), items: [] };
  const visit = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    const node = s as JsonSchema;
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const branches = node[key];
      if (Array.isArray(branches)) for (const b of branches) visit(b);
    }
    const props = node.properties as Record<string, JsonSchema> | undefined;
    if (props) {
      for (const [name, sub] of Object.entries(props)) shape.properties.set(name, [...(shape.properties.get(name) ?? []), sub]);
    }
    if (Array.isArray(node.required)) for (const r of node.required) shape.required.add(String(r));
    if (node.items && typeof node.items === 'object') shape.items.push(node.items as JsonSchema);
  };
  for (const s of schemas) visit(s);
  return shape;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function strip(value: unknown, schemas: readonly JsonSchema[], key: string | undefined): unknown {
  if (Array.isArray(value)) {
    const { items } = shapeOf(schemas);
    return value.map((v) => strip(v, items, undefined));
  }
  if (!value || typeof value !== 'object') return value;
  const shape = shapeOf(schemas);
  const out: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(value as Record<string, unknown>)) {
    const kept = strip(raw, shape.properties.get(name) ?? [], name);
    const required = shape.required.has(name) || DEFAULT_FIELDS.has(name);
    if (!required && isEmpty(kept)) continue;
    if (!required && key === 'public_metrics' && shape.properties.size > 0) continue;
    out[name] = kept;
  }
  return out;
}

/**
 * `body` as a strict X might send it for `operationId`'s `status` answer: every property its schema does not
 * require and that has no value left out (see the module comment). Answers the description has no schema for (the
 * OAuth endpoints, errors without one) come back unchanged.
 */
export function bareAnswer(operationId: string, status: number, body: unknown): unknown {
  const schema = responseSchema(operationId, status) as JsonSchema | undefined;
  if (!schema) return body;
  return strip(body, [schema], undefined);
}
