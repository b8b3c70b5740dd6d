// Shared helpers of the text-counter tests: where twitter-text's conformance data lives and how
// to read it. The data stays in ../shared/twitter-text beside the repository and is read in place.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** twitter-text's data folder (config/ and conformance/); PERCH_TWITTER_TEXT_DIR overrides it. */
export const TWITTER_TEXT_DIR = process.env.PERCH_TWITTER_TEXT_DIR ?? path.resolve(REPO_ROOT, '../shared/twitter-text');

export const HAS_TWITTER_TEXT_DATA = existsSync(path.join(TWITTER_TEXT_DIR, 'conformance'));

if (!HAS_TWITTER_TEXT_DATA) {
  console.warn(`[text] twitter-text conformance data not found at ${TWITTER_TEXT_DIR}: skipping the conformance tests.`);
}

/** Parses a YAML file below TWITTER_TEXT_DIR, or returns undefined when the data is absent. */
export function readTwitterTextYaml<T>(relative: string): T | undefined {
  if (!HAS_TWITTER_TEXT_DATA) return undefined;
  return yaml.load(readFileSync(path.join(TWITTER_TEXT_DIR, relative), 'utf8')) as T;
}

/** Parses a JSON file below TWITTER_TEXT_DIR, or returns undefined when the data is absent. */
export function readTwitterTextJson<T>(relative: string): T | undefined {
  if (!HAS_TWITTER_TEXT_DATA) return undefined;
  return JSON.parse(readFileSync(path.join(TWITTER_TEXT_DIR, relative), 'utf8')) as T;
}

/** `[description, case]` rows for it.each: the description is printed verbatim (no % formatting). */
export function rows<T extends { description: string }>(cases: T[] | undefined): [string, T][] {
  return (cases ?? []).map((c) => [c.description, c]);
}
