// The test databases themselves: an embedded one that a file closes is handed to the next file in the
// same worker emptied, with the template's rows and fresh sequences, as a new copy would start.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../helpers/database.ts';

const rows = async (db: Awaited<ReturnType<typeof openTestDatabase>>, table: string) =>
  (await sql.raw(`select * from "${table}" order by 1`).execute(db.handle.db)).rows;

test('open a test database after another file closed one starts as that one started, with ids from 1', async () => {
  const first = await openTestDatabase();
  const start = await first.counts();
  const mark = await rows(first, 'measure_data_version');
  const org = await first.handle.db.insertInto('organisation').values({ name: 'Testshire County Council', shortName: 'Testshire', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
  assert.equal(org.id, 1);
  // A write to the measures moves this mark; emptying their tables moves it again.
  await sql`update measure_data_version set version = '1'`.execute(first.handle.db);
  await first.close();

  const next = await openTestDatabase();
  // In a test worker (the default) the same embedded database comes back; otherwise a new copy.
  if (next.kind === 'embedded' && process.env.PARENTIS_TEST_QUEUE !== undefined) assert.equal(next.handle, first.handle, 'the embedded database was used again');
  assert.deepEqual(await next.counts(), start);
  assert.deepEqual(await rows(next, 'measure_data_version'), mark);
  const again = await next.handle.db.insertInto('organisation').values({ name: 'Testshire County Council', shortName: 'Testshire', laCode: null, region: null }).returning('id').executeTakeFirstOrThrow();
  assert.equal(again.id, 1);
  await next.close();
});
