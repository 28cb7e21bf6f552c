// fontkit (the font parser PDFKit itself uses) ships no types: only what Parentis calls is declared.
declare module 'fontkit' {
  /** A parsed font: PDFKit takes one in place of the font file's bytes. */
  export interface Font {
    readonly postscriptName: string;
    layout(text: string, features?: readonly string[] | Record<string, boolean>): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { fonts: Font[] };
}
