import { expect } from 'vitest';
import { AuthError } from '@/lib/auth/errors';
import { readSessionView } from '@/lib/storage';
import { ADA_ID, rawStorage } from './support';

/** Checks the auth service tests (service-*.test.ts) share beside ./support. */

/** Runs `fn` and returns the AuthError it throws (fails the test if it resolves or throws something else). */
export async function authErrorOf(fn: () => Promise<unknown>): Promise<AuthError> {
  const error = await fn().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an AuthError, got ${String(error)}`);
  return error;
}

export const ADA = { id: ADA_ID, name: 'Ada Perch', username: 'adaperch' };
export const ALAN_ID = '1097398373457707008';

export async function expectNothingStored(): Promise<void> {
  const { local, session } = await rawStorage();
  expect(Object.keys(local).filter((k) => k.startsWith('auth.'))).toEqual([]);
  expect(Object.keys(session)).toEqual([]);
  expect(await readSessionView()).toEqual({ accounts: [], activeAccountId: null, notice: null });
}
