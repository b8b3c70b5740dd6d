/**
 * The store listing (store/listing.yml) read and checked against a manifest: every permission and host permission the
 * manifest asks for has a justification, and the stores' length limits hold. Used by test/unit/store/listing.test.ts
 * (against wxt.config.ts's manifest) and test/build/zip-check.ts (against the manifests inside the store zips).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';

const text = z.string().trim().min(1);

export const ListingSchema = z.object({
  name: text.max(75), // Chrome Web Store: 75 characters
  short_description: text.max(132), // Chrome's summary: 132 (AMO allows 250)
  description: text.max(16_000),
  category: text,
  single_purpose: text.max(1_000),
  permissions: z.record(z.string(), text),
  host_permissions: z.record(z.string(), text),
  remote_code: text,
  data_use: z.object({
    collects: z.array(z.object({ kind: text, why: text })),
    does_not_collect: z.array(text),
    certifies: z.array(text).length(3),
  }),
  firefox_data_collection: text,
  privacy_policy: text,
  screenshots: z
    .array(z.object({ file: text, caption: text }))
    .min(1)
    .max(5), // both stores: up to 5 shown first
  tile: z.object({ file: text, tagline: text.max(80) }),
});
export type Listing = z.infer<typeof ListingSchema>;

export const LISTING_PATH = path.resolve(import.meta.dirname, '../../store/listing.yml');

/** Reads and validates store/listing.yml. @throws when a field is missing, empty or over a store's limit. */
export function readListing(file = LISTING_PATH): Listing {
  return ListingSchema.parse(load(readFileSync(file, 'utf8')));
}

/** The part of a manifest that asks for access. */
export interface ManifestAccess {
  permissions?: readonly string[];
  optional_permissions?: readonly string[];
  host_permissions?: readonly string[];
  optional_host_permissions?: readonly string[];
}

/** What a manifest asks for that the listing does not justify, as `permission` / `host permission` names. */
export function unjustified(manifest: ManifestAccess, listing: Pick<Listing, 'permissions' | 'host_permissions'>): string[] {
  const perms = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
  const hosts = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  return [
    ...perms.filter((p) => !listing.permissions[p]?.trim()).map((p) => `permission ${p}`),
    ...hosts.filter((h) => !listing.host_permissions[h]?.trim()).map((h) => `host permission ${h}`),
  ];
}

/** Justifications in the listing for what none of the manifests asks for (stale text a reviewer would query). */
export function unasked(manifests: readonly ManifestAccess[], listing: Pick<Listing, 'permissions' | 'host_permissions'>): string[] {
  const asked = new Set(
    manifests.flatMap((m) => [
      ...(m.permissions ?? []),
      ...(m.optional_permissions ?? []),
      ...(m.host_permissions ?? []),
      ...(m.optional_host_permissions ?? []),
    ]),
  );
  return [...Object.keys(listing.permissions), ...Object.keys(listing.host_permissions)].filter((p) => !asked.has(p));
}
