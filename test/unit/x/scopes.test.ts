import { describe, expect, it } from 'vitest';
import { SCOPES_BEYOND_THE_DESCRIPTION, X_SCOPES } from '@/lib/config';
import { X_OPERATIONS, type XOperation } from '@/lib/x/operations';
import { loadSpec } from '../../openapi/contract';

/**
 * Least privilege: Perch asks for exactly the scopes the operations it calls need — the union of their
 * OAuth2UserToken `security` scopes in X's OpenAPI description — plus the additions it names with a reason
 * (offline.access for the refresh token; block.write for the Enterprise-only blocking writes the description omits).
 */
function specScopes(op: XOperation): string[] | undefined {
  const entry = loadSpec().paths[op.template]?.[op.method.toLowerCase()] as
    { operationId: string; security?: Record<string, string[]>[] } | undefined;
  if (!entry) return undefined;
  return [...new Set((entry.security ?? []).flatMap((s) => s.OAuth2UserToken ?? []))].sort();
}

/** What asking for `asked` gets wrong for `ops`: scopes some operation needs that are not asked for, and asked-for scopes nothing needs. */
export function scopeDifference(asked: readonly string[], ops: readonly XOperation[], additions: Readonly<Record<string, string>>) {
  const needed = new Set(ops.flatMap((o) => o.scopes));
  return {
    missing: [...needed].filter((s) => !asked.includes(s)).sort(),
    unused: asked.filter((s) => !needed.has(s) && !(s in additions)).sort(),
    // An addition is only for what the description's operations do not already need.
    needlessAdditions: Object.keys(additions).filter((s) => ops.some((o) => !o.docsOnly && o.scopes.includes(s)) || !asked.includes(s)),
  };
}

describe('the scopes Perch asks for', () => {
  it.each(X_OPERATIONS.filter((o) => !o.docsOnly).map((o) => [o.operationId, o] as const))(
    '%s is in X’s description at its method and path, with the scopes Perch lists for it',
    (operationId, op) => {
      const entry = loadSpec().paths[op.template]?.[op.method.toLowerCase()] as { operationId?: string } | undefined;
      expect(entry?.operationId).toBe(operationId);
      expect([...op.scopes].sort()).toEqual(specScopes(op));
    },
  );

  it('the operations the description omits are really absent from it (checked against the docs pages instead)', () => {
    for (const op of X_OPERATIONS.filter((o) => o.docsOnly)) expect(specScopes(op)).toBeUndefined();
  });

  it('are exactly what those operations need, plus the named additions', () => {
    expect(scopeDifference(X_SCOPES, X_OPERATIONS, SCOPES_BEYOND_THE_DESCRIPTION)).toEqual({
      missing: [],
      unused: [],
      needlessAdditions: [],
    });
    expect(Object.keys(SCOPES_BEYOND_THE_DESCRIPTION).sort()).toEqual(['block.write', 'offline.access']);
  });

  it('no longer include like.read and follows.read, which no request of Perch uses', () => {
    expect(X_SCOPES).not.toContain('like.read');
    expect(X_SCOPES).not.toContain('follows.read');
  });

  // Canaries: the check fires both ways.
  it('a new call needing a scope Perch does not ask for is caught', () => {
    const dm: XOperation = {
      operationId: 'createDirectMessagesByParticipantId',
      method: 'POST',
      template: '/2/dm_conversations/with/{participant_id}/messages',
      scopes: ['dm.write', 'tweet.read', 'users.read'],
    };
    expect(scopeDifference(X_SCOPES, [...X_OPERATIONS, dm], SCOPES_BEYOND_THE_DESCRIPTION).missing).toEqual(['dm.write']);
  });

  it('a scope asked for that nothing uses is caught', () => {
    expect(scopeDifference([...X_SCOPES, 'like.read'], X_OPERATIONS, SCOPES_BEYOND_THE_DESCRIPTION).unused).toEqual(['like.read']);
  });
});
