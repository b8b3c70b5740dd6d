import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, isIrreversible, isUndoable, typesOfCollection, typesOfFamily, type ActionType } from '@/lib/action-types';
import { actionSchema } from '@/lib/message-contract';
import { ACTIONS } from '@/lib/services/actions';

const TYPES = Object.keys(ACTION_TYPES) as ActionType[];

/** Every `type` the message contract's action schema accepts, read from the schema itself. */
function contractTypes(): string[] {
  const out: string[] = [];
  for (const option of actionSchema().def.options) {
    const type = option.shape.type;
    out.push(...type.def.values);
  }
  return out.sort();
}

describe('the one declaration of action types', () => {
  it('declares exactly the types the message contract accepts, and the outbox has an executor for each', () => {
    expect([...TYPES].sort()).toEqual(contractTypes());
    expect(Object.keys(ACTIONS).sort()).toEqual(contractTypes());
  });

  it('pairs each undo with its reverse, except a created list, whose undo (delete) is for good', () => {
    for (const type of TYPES) {
      const undo = ACTION_TYPES[type].undo;
      if (!undo) continue;
      if (type === 'list.create') expect(isIrreversible(undo)).toBe(true);
      else expect(ACTION_TYPES[undo].undo, `${undo} reverses ${type}`).toBe(type);
    }
  });

  it('gives the outbox an inverse exactly for the types it declares undoable, of the declared type', () => {
    const params = { postId: '1', userId: '2', listId: '3', username: 'ada' };
    for (const type of TYPES) {
      const inverse = ACTIONS[type].inverse?.(params, { id: '4' });
      expect(inverse?.type ?? null, type).toBe(ACTION_TYPES[type].undo);
      expect(isUndoable(type)).toBe(ACTION_TYPES[type].undo !== null);
    }
    expect(TYPES.filter(isIrreversible).sort()).toEqual(['list.delete', 'list.update', 'post.delete']);
  });

  it('names each type with words that exist in en.yml', () => {
    const messages = load(readFileSync('lib/locales/en.yml', 'utf8')) as Record<string, unknown>;
    for (const type of TYPES) expect(typeof messages[ACTION_TYPES[type].what], ACTION_TYPES[type].what).toBe('string');
  });

  it('asks before a block, and before nothing a person can simply undo without loss', () => {
    expect(TYPES.filter((t) => ACTION_TYPES[t].confirm)).toEqual(['block']);
  });

  it('derives the families and collections the screens and the sync follow', () => {
    expect(typesOfFamily('lists').sort()).toEqual(TYPES.filter((t) => t.startsWith('list.')).sort());
    expect(typesOfFamily('relations').sort()).toEqual(['block', 'follow', 'mute', 'unblock', 'unfollow', 'unmute']);
    expect(typesOfCollection('muted').sort()).toEqual(['mute', 'unmute']);
    expect(typesOfCollection('blocked').sort()).toEqual(['block', 'unblock']);
    expect(typesOfCollection('bookmarks').sort()).toEqual(['bookmark', 'unbookmark']);
    // A list sync rewrites the lists, not their members: member actions are re-applied by the members' own reads.
    expect(typesOfCollection('lists')).not.toContain('list.addMember');
  });
});
