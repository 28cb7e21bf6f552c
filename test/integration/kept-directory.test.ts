// The kept demonstration directory when two processes ask for it at once (the browser tests' specs run two at a
// time from a fresh clone): one fills it, the other waits, and both get the same complete directory.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'parentis-kept-'));
after(() => fs.rmSync(parent, { recursive: true, force: true }));

/** A process asking for `parent/key`, whose filling counts itself in `fills` and takes half a second. */
function ask(key: string): Promise<string> {
  const helper = pathToFileURL(path.join(import.meta.dirname, '../helpers/demo-store.ts')).href;
  const script = `
    import fs from 'node:fs';
    import { keptDirectory } from ${JSON.stringify(helper)};
    const dir = keptDirectory(${JSON.stringify(parent)}, ${JSON.stringify(key)}, (d) => {
      fs.appendFileSync(${JSON.stringify(path.join(parent, 'fills.part.log'))}, 'x');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      fs.writeFileSync(d + '/complete', 'yes');
    });
    process.stdout.write(dir + ' ' + fs.readFileSync(dir + '/complete', 'utf8'));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    child.stderr.on('data', (d: Buffer) => (err += String(d)));
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

test('two processes asking for a kept directory at once fill it once and both read it complete', async () => {
  const [a, b] = await Promise.all([ask('first'), ask('first')]);
  assert.equal(a, `${path.join(parent, 'first')} yes`);
  assert.equal(b, a);
  assert.equal(fs.readFileSync(path.join(parent, 'fills.part.log'), 'utf8'), 'x', 'filled once');
  assert.deepEqual(fs.readdirSync(parent).sort(), ['fills.part.log', 'first'], 'no lock or half-filled directory left');
  // A new key replaces the old one (only the newest is kept).
  assert.equal(await ask('second'), `${path.join(parent, 'second')} yes`);
  assert.deepEqual(fs.readdirSync(parent).sort(), ['fills.part.log', 'second']);
});
