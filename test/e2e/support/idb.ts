/**
 * Reads Perch's store from inside one of its pages (raw IndexedDB, no Dexie in the test): what the screens would
 * read. Pass to page.evaluate.
 */
export async function readTable(table: string): Promise<unknown[]> {
  const open = indexedDB.open('perch');
  const database = await new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const store = database.transaction(table, 'readonly').objectStore(table);
    const all = store.getAll();
    return await new Promise<unknown[]>((resolve, reject) => {
      all.onsuccess = () => resolve(all.result as unknown[]);
      all.onerror = () => reject(all.error);
    });
  } finally {
    database.close();
  }
}
