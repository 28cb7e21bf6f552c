// The fonts a report PDF embeds: DejaVu Sans from its npm package, read and parsed once per process.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type { PdfFonts } from '../reports/render-pdf.ts';

const require = createRequire(import.meta.url);
let loaded: PdfFonts | undefined;

function parse(file: string): fontkit.Font {
  const font = fontkit.create(fs.readFileSync(require.resolve(file)));
  if ('fonts' in font) throw new Error(`${file} is a font collection; a report needs a single TrueType font`);
  return font;
}

/**
 * DejaVu Sans regular and bold: open fonts covering every character a council's report uses (–, —, £, é).
 * Parsed here once, not by every PDF: fontkit then keeps the tables and glyphs it has read, and PDFKit
 * still embeds only the glyphs each document uses.
 */
export function reportPdfFonts(): PdfFonts {
  loaded ??= {
    regular: parse('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: parse('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
  return loaded;
}
