// Compiles src/ to dist/: every TypeScript module (tests excepted) to a JavaScript module of the same
// path, with its relative `.ts` imports rewritten to `.js`, and every other file (templates, assets)
// copied beside it, so code that finds files next to itself finds them in dist/ too. Runs from
// `npm install` (prepare), `npm start` (prestart) and the test runner; takes about a second, and
// writes nothing when dist/ is already built from the same sources (so `npm start` also works where
// the application's folder is read-only, once built).
//   node scripts/build.mjs
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

/** Every file under dir, as paths relative to it. */
function files(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

const all = files(src).sort();

// What dist/ was built from: every source file with its size and time, and this script's own.
const stampFile = path.join(dist, '.built-from');
const stamp = JSON.stringify(
  [...all.map((f) => path.join('src', f)), 'scripts/build.mjs'].map((f) => {
    const s = fs.statSync(path.join(root, f));
    return [f, s.size, s.mtimeMs];
  }),
);
if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) process.exit(0);

const modules = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
const others = all.filter((f) => !f.endsWith('.ts'));

// Each module is its own entry and every relative import stays an import (of the compiled .js), so
// dist/ mirrors src/; packages are imported from node_modules as they are.
const keepRelativeImports = {
  name: 'keep-relative-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

// Built beside dist/ and swapped in whole, so nothing ever runs a half-written tree.
const part = `${dist}.${process.pid}.part`;
fs.rmSync(part, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: modules.map((f) => path.join('src', f)),
  outdir: part,
  outbase: 'src',
  bundle: true,
  packages: 'external',
  plugins: [keepRelativeImports],
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  sourcemap: 'linked',
  logLevel: 'warning',
});
for (const f of others) {
  fs.mkdirSync(path.dirname(path.join(part, f)), { recursive: true });
  fs.copyFileSync(path.join(src, f), path.join(part, f));
}
fs.writeFileSync(path.join(part, '.built-from'), stamp);
const old = `${dist}.${process.pid}.old`;
if (fs.existsSync(dist)) fs.renameSync(dist, old);
fs.renameSync(part, dist);
fs.rmSync(old, { recursive: true, force: true });
