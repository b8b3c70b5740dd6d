/**
 * The contract observers of every emulator running in this process, and how a teardown reports what they saw.
 * Kept apart from contract-observer.ts (which loads the validator) so test setup can import it for free.
 */
import type { Violation } from '../openapi/contract';

export interface RecordedViolation extends Violation {
  method: string;
  path: string;
  /** The answer's status, for response violations. */
  status?: number;
}

/** What a test may pass to `take` to claim violations it caused on purpose (every field given must match). */
export type ViolationFilter = Partial<Pick<RecordedViolation, 'operationId' | 'rule' | 'method' | 'path' | 'status'>>;

/** The part of an observer a teardown needs. */
export interface ViolationSource {
  take(filter?: ViolationFilter): RecordedViolation[];
  readonly operationsSeen: ReadonlySet<string>;
  /** Set when its emulator closed: it leaves `liveObservers` once its last violations are taken. */
  closed: boolean;
}

/** Observers of the emulators started in this process; an emulator leaves the set once closed and checked. */
export const liveObservers = new Set<ViolationSource>();

/** Every operationId the validator matched in this process (the unit run's share of test/summary.ts's list). */
export { operationsSeenInProcess } from '../openapi/operations-seen';

/** One line per violation, naming the operationId and the rule. */
export function formatViolations(violations: readonly RecordedViolation[]): string {
  return violations
    .map((v) => `  ${v.operationId} [${v.rule}] ${v.method} ${v.path}${v.status !== undefined ? ` → ${v.status}` : ''}: ${v.message}`)
    .join('\n');
}

/**
 * Throws when `violations` is not empty: the teardown of every test that starts an emulator calls this, so the test
 * that made (or got) a request X's description does not allow fails, naming each operationId and rule.
 */
export function assertNoViolations(violations: readonly RecordedViolation[], where = 'this test'): void {
  if (violations.length === 0) return;
  throw new Error(`X API contract: ${violations.length} violation(s) in ${where}:\n${formatViolations(violations)}`);
}

/** Takes every unclaimed violation of every live observer and throws if there is any (vitest's afterEach). */
export function assertNoLiveViolations(where?: string): void {
  const all: RecordedViolation[] = [];
  for (const o of liveObservers) {
    all.push(...o.take());
    if (o.closed) liveObservers.delete(o);
  }
  assertNoViolations(all, where);
}
