#!/usr/bin/env node
// Command-line entry: runs the compiled command line (dist/cli.js, built by `npm install` or
// `npm run build`) as plain JavaScript; nothing is compiled or written at run time.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!fs.existsSync(fileURLToPath(entry))) {
  process.stderr.write('parentis: Parentis is not built yet (no dist/cli.js): run "npm run build" in its folder first.\n');
  process.exit(1);
}
await import(entry.href);
