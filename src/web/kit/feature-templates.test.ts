// Lint cannot read Nunjucks: this checks that a feature's templates, like its code, use only the kit,
// the layout's partials and GOV.UK Frontend, never another feature's templates.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { webDir } from '../view.ts';

/** Template folders that are not features: anyone may use them. */
const SHARED = new Set(['kit', 'views', 'govuk', 'partials', 'errors']);

/** The folders a feature template names in {% from %}, {% import %}, {% include %} and {% extends %}. */
function foldersUsed(source: string): string[] {
  return [...source.matchAll(/\{%-?\s*(?:from|import|include|extends)\s+"([^"/]+)\//g)].map((m) => m[1]!);
}

test('foldersUsed reads the folder of each template a template uses', () => {
  assert.deepEqual(foldersUsed('{% from "kit/macros.njk" import prose %}{% include "plans/rollup.njk" %}{% extends "layout.njk" %}'), ['kit', 'plans']);
});

test('feature templates use no other feature’s templates', () => {
  const features = fs.readdirSync(webDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !SHARED.has(d.name) && d.name !== 'assets' && d.name !== 'plugins');
  const crossings: string[] = [];
  for (const feature of features) {
    for (const file of fs.readdirSync(path.join(webDir, feature.name)).filter((f) => f.endsWith('.njk'))) {
      const source = fs.readFileSync(path.join(webDir, feature.name, file), 'utf8');
      for (const folder of foldersUsed(source)) {
        if (folder !== feature.name && !SHARED.has(folder)) crossings.push(`${feature.name}/${file} uses ${folder}/`);
      }
    }
  }
  assert.deepEqual(crossings, []);
});
