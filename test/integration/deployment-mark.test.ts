// Migration 0006 marks databases that were in use before the mark existed: demo where the
// demonstration loader left its setting, real where there is any other authority, none when empty.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Migrator } from 'kysely';
import { migrations, migrateToLatest } from '../../src/db/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/database.ts';

let db: TestDatabase;

before(async () => {
  db = await openTestDatabase();
});
after(async () => {
  await db.close();
});

/** Empties the database, takes it back to before the mark, lets `seed` write, then migrates forward. */
async function markAfter(seed: () => Promise<void>): Promise<string | undefined> {
  await db.reset();
  const back = await new Migrator({ db: db.handle.db, provider: { getMigrations: () => Promise.resolve(migrations) } }).migrateTo('0005_read_paths');
  assert.equal(back.error, undefined);
  await seed();
  assert.deepEqual(await migrateToLatest(db.handle.db), Object.keys(migrations).filter((name) => name >= '0006').sort());
  return db.services.deployment.mode();
}

const insertAuthority = (name: string, shortName: string) =>
  db.handle.db.insertInto('organisation').values({ name, shortName, laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();

test('migrate a database holding the demonstration marks it demo', async () => {
  const mode = await markAfter(async () => {
    const org = await insertAuthority('Westmere County Council', 'Westmere');
    await db.handle.db.insertInto('setting').values({ organisationId: org.id, key: 'demo', value: JSON.stringify({ state: 'complete' }) }).execute();
  });
  assert.equal(mode, 'demo');
});

test('migrate a database holding another authority marks it real', async () => {
  assert.equal(await markAfter(async () => void (await insertAuthority('Testshire County Council', 'Testshire'))), 'real');
});

test('migrate an empty database leaves it unmarked, waiting for set-up', async () => {
  assert.equal(await markAfter(() => Promise.resolve()), undefined);
  assert.equal(await db.services.deployment.needsSetUp(), true);
});
