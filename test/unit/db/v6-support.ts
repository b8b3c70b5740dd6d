import Dexie, { type DBCore } from 'dexie';
import { db, resetDb, SCHEMA_V1, SCHEMA_V5_TABLES, type ActionRow } from '@/lib/db';
import type { ActionBrief } from '@/lib/views';

/** What the store's version 6 tests share: a version 5 store to upgrade, and a counter of the rows read. */

/** Stores these actions with the store's version 5, then opens the current store on them; the rows as version 5 kept them. */
export async function storedByVersion5(rows: ActionRow[]): Promise<ActionRow[]> {
  const old = new Dexie('perch');
  old.version(5).stores({ ...SCHEMA_V1, listMembers: `${SCHEMA_V1.listMembers}, [accountId+listId+position]`, ...SCHEMA_V5_TABLES });
  await old.open();
  await old.table('actions').bulkAdd(rows);
  const before = (await old.table('actions').toArray()) as ActionRow[];
  old.close();
  resetDb();
  return before;
}

/** An action as the popup's answers carry it. */
export const briefOf = (a: ActionRow): ActionBrief => ({
  seq: a.seq!,
  type: a.type,
  state: a.state,
  notBefore: a.notBefore,
  ...(a.error ? { error: a.error } : {}),
});

/** The action rows the store hands up while `db()` reads (Dexie's DBCore, under every query and cursor). */
export const countActionReads = (): ActionRow[] => countReads<ActionRow>('actions');

/** The rows of one table the store hands up while `db()` reads (Dexie's DBCore, under every query and cursor). */
export function countReads<Row>(tableName: string): Row[] {
  const read: Row[] = [];
  db().use({
    stack: 'dbcore',
    name: `count-${tableName}-reads`,
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== tableName) return table;
        return {
          ...table,
          get: async (req) => {
            const row = (await table.get(req)) as Row | undefined;
            if (row) read.push(row);
            return row;
          },
          getMany: async (req) => {
            const rows = (await table.getMany(req)) as (Row | undefined)[];
            read.push(...rows.filter((r) => r !== undefined));
            return rows;
          },
          query: async (req) => {
            const res = await table.query(req);
            if (req.values) read.push(...(res.result as Row[]));
            return res;
          },
          openCursor: async (req) => {
            const cursor = await table.openCursor(req);
            if (!cursor) return cursor;
            const start = cursor.start.bind(cursor);
            cursor.start = (onNext) =>
              start(() => {
                read.push(cursor.value as Row);
                onNext();
              });
            return cursor;
          },
        };
      },
    }),
  });
  return read;
}

/** A fixed pseudo-random sequence (an LCG): `next(n)` is a whole number below n, the same for the same seed each run. */
export function pseudoRandom(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return (x >>> 16) % n;
  };
}
