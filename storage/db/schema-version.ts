/**
 * The database's Dexie version, apart from db.ts so that the popup's first script (no Dexie) can
 * tell whether the stored search digest is in this build's form before it reads it
 * (digest-now.ts). db.ts's schema list ends with it
 * (tests/unit/db-upgrade.test.ts).
 */
export const SCHEMA_VERSION = 6;
