import type { DBCore } from 'dexie';
import { db, type ActionRow } from '@/lib/db';

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
