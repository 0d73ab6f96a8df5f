/** The database's name, apart from db.ts so that a reader without Dexie (first-screen.ts) can open it. */
export const DB_NAME = 'sourcemark';
