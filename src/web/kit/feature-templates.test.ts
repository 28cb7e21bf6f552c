// Lint cannot read Nunjucks: this checks that a feature's templates, like its code, use only the kit,
// the layout's partials and GOV.UK Frontend, never another feature's templates; and that every table
// sits in the kit's scrollingTable region, so no page scrolls sideways on a phone (WCAG 1.4.10).
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

/** Every feature's templates: the feature, the file's name and its source. */
function featureTemplates(): { feature: string; file: string; source: string }[] {
  const features = fs.readdirSync(webDir, { withFileTypes: true }).filter((d) => d.isDirectory() && !SHARED.has(d.name) && d.name !== 'assets' && d.name !== 'plugins');
  return features.flatMap((feature) =>
    fs
      .readdirSync(path.join(webDir, feature.name))
      .filter((f) => f.endsWith('.njk'))
      .map((file) => ({ feature: feature.name, file, source: fs.readFileSync(path.join(webDir, feature.name, file), 'utf8') })),
  );
}

test('feature templates use no other feature’s templates', () => {
  const crossings: string[] = [];
  for (const { feature, file, source } of featureTemplates()) {
    for (const folder of foldersUsed(source)) {
      if (folder !== feature && !SHARED.has(folder)) crossings.push(`${feature}/${file} uses ${folder}/`);
    }
  }
  assert.deepEqual(crossings, []);
});

/** The tables of a template that are not inside a {% call scrollingTable(…) %} … {% endcall %} block. */
function tablesOutsideRegions(source: string): number {
  let depth = 0;
  let outside = 0;
  for (const m of source.matchAll(/\{%-?\s*call\s+(\w+)|\{%-?\s*endcall\s*-?%\}|<table\b/g)) {
    if (m[1] !== undefined) depth += m[1] === 'scrollingTable' ? 1 : 0;
    else if (m[0].startsWith('<table')) outside += depth === 0 ? 1 : 0;
    else if (depth > 0) depth -= 1;
  }
  return outside;
}

test('tablesOutsideRegions counts the tables not wrapped in scrollingTable', () => {
  assert.equal(tablesOutsideRegions('{% call scrollingTable("A") %}<table></table>{% endcall %}<table></table>'), 1);
  assert.equal(tablesOutsideRegions('{% call scrollingTable(null, "c") %}<table><tr><td><table></table></td></tr></table>{% endcall %}'), 0);
});

test('feature templates put every table in a scrolling region', () => {
  const bare = featureTemplates()
    .map(({ feature, file, source }) => ({ where: `${feature}/${file}`, n: tablesOutsideRegions(source) }))
    .filter((t) => t.n > 0)
    .map((t) => `${t.where}: ${t.n}`);
  assert.deepEqual(bare, [], 'wrap each table in {% call scrollingTable("its name") %} … {% endcall %} from kit/macros.njk');
});
