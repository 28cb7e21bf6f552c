// The fonts a report PDF embeds: DejaVu Sans from its npm package, read once per process.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { PdfFonts } from '../reports/render-pdf.ts';

const require = createRequire(import.meta.url);
let loaded: PdfFonts | undefined;

/** DejaVu Sans regular and bold: open fonts covering every character a council's report uses (–, —, £, é). */
export function reportPdfFonts(): PdfFonts {
  loaded ??= {
    regular: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: fs.readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return loaded;
}
