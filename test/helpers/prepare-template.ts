// Builds (once per schema) an embedded database with every migration applied, saved as a tarball,
// and prints its path. Test processes load it instead of paying for initdb each time.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openEmbedded } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '../..');
const migrationsDir = path.join(root, 'src/db/migrations');
const hash = crypto.createHash('sha256');
for (const f of fs.readdirSync(migrationsDir).sort()) hash.update(f).update(fs.readFileSync(path.join(migrationsDir, f)));
hash.update(fs.readFileSync(path.join(root, 'package-lock.json')));
const file = path.join(root, 'tmp', 'test-template', `${hash.digest('hex').slice(0, 16)}.tar`);

if (!fs.existsSync(file)) {
  const handle = await openEmbedded(undefined);
  await migrateToLatest(handle.db);
  const blob = await dumpDataDir(handle);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, blob);
  fs.renameSync(`${file}.part`, file);
  await handle.close();
}
process.stdout.write(`${file}\n`);

async function dumpDataDir(handle: Awaited<ReturnType<typeof openEmbedded>>): Promise<Buffer> {
  if (!handle.dump) throw new Error('the embedded database cannot be dumped');
  return Buffer.from(await (await handle.dump()).arrayBuffer());
}
