// Every stitched episode of a return in columns (typed arrays), each child's episodes a run of rows in order. A
// national return has one and a half million episodes: as objects each cost some 200 bytes and a share of every
// garbage collection; as a row of these columns, under 70 bytes and nothing for the collector to trace.

/** Each distinct text (a code, a postcode, a URN) once, by number: a column holds the number. */
export class TextTable {
  private readonly ids = new Map<string, number>();
  readonly text: string[] = [];

  constructor() {
    this.id('');
  }

  /** The number of `s`, given it on first sight. The empty text is 0. */
  id(s: string): number {
    let i = this.ids.get(s);
    if (i === undefined) {
      i = this.text.length;
      this.ids.set(s, i);
      this.text.push(s);
    }
    return i;
  }

  /** The number of `s` if it has been seen, else -1 (matches no row). */
  find(s: string): number {
    return this.ids.get(s) ?? -1;
  }
}

/** An episode's fields as one object: what the columns hold for one row, used to add a row and to read one back. */
export interface EpisodeFields {
  decom: number;
  dec: number;
  rne: string;
  ls: string;
  place: string;
  rec: string;
  plPost: string;
  homePost: string;
  urn: string;
  plDistance: number | null;
  plLocation: string;
  shortBreak: boolean;
  closedByStitch: boolean;
  period: number;
  spell: number;
  year: number;
}

/** Bits of the flags column. */
export const SHORT_BREAK = 1;
export const CLOSED_BY_STITCH = 2;

/** A column twice as long, holding what it held. */
function doubled<T extends Float64Array | Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Where each of a child's periods of care, or placement spells, begins: its first episode, counted within the child's.
 * They follow one another with no gap, so a run ends at the episode before the next one's first (or at the child's
 * last), and everything else about it is read from its episodes (ChildHistory). Half a million children have some two
 * million periods and spells: as objects, each with its own list, they were an eighth of what a national return's
 * history held.
 */
export class SpanColumns {
  length = 0;
  first: Int32Array;

  constructor(capacity = 16) {
    this.first = new Int32Array(Math.max(1, capacity));
  }

  /** Adds a run beginning at the child's episode `first`; gives its row number. */
  push(first: number): number {
    if (this.length === this.first.length) this.first = doubled(this.first);
    const i = this.length++;
    this.first[i] = first;
    return i;
  }
}

export class EpisodeColumns {
  length = 0;
  readonly texts = new TextTable();
  /** Every child's periods of care, and their placement spells, over these rows. */
  readonly periods: SpanColumns;
  readonly spells: SpanColumns;
  /** Day numbers; an open episode's DEC is Infinity (hence 64-bit floats, which hold it exactly). */
  decom: Float64Array;
  dec: Float64Array;
  /** Numbers in `texts`. */
  rne: Int32Array;
  ls: Int32Array;
  place: Int32Array;
  rec: Int32Array;
  plPost: Int32Array;
  homePost: Int32Array;
  urn: Int32Array;
  plLocation: Int32Array;
  /** PL_DISTANCE, NaN when the file carried none. */
  plDistance: Float64Array;
  /** SHORT_BREAK and CLOSED_BY_STITCH. */
  flags: Uint8Array;
  /** The episode's period and spell, counted within its child's. */
  period: Int32Array;
  spell: Int32Array;
  year: Int32Array;

  /** `capacity`: room for this many rows before the columns grow (the number of Episodes rows read is enough). */
  constructor(capacity = 16) {
    const n = Math.max(1, capacity);
    this.decom = new Float64Array(n);
    this.dec = new Float64Array(n);
    this.rne = new Int32Array(n);
    this.ls = new Int32Array(n);
    this.place = new Int32Array(n);
    this.rec = new Int32Array(n);
    this.plPost = new Int32Array(n);
    this.homePost = new Int32Array(n);
    this.urn = new Int32Array(n);
    this.plLocation = new Int32Array(n);
    this.plDistance = new Float64Array(n);
    this.flags = new Uint8Array(n);
    this.period = new Int32Array(n);
    this.spell = new Int32Array(n);
    this.year = new Int32Array(n);
    // A child has fewer periods than episodes, and no more spells.
    this.periods = new SpanColumns(n >> 1);
    this.spells = new SpanColumns(n);
  }

  private grow(): void {
    this.decom = doubled(this.decom);
    this.dec = doubled(this.dec);
    this.rne = doubled(this.rne);
    this.ls = doubled(this.ls);
    this.place = doubled(this.place);
    this.rec = doubled(this.rec);
    this.plPost = doubled(this.plPost);
    this.homePost = doubled(this.homePost);
    this.urn = doubled(this.urn);
    this.plLocation = doubled(this.plLocation);
    this.plDistance = doubled(this.plDistance);
    this.flags = doubled(this.flags);
    this.period = doubled(this.period);
    this.spell = doubled(this.spell);
    this.year = doubled(this.year);
  }

  /** Adds an episode as the next row; gives its row number. */
  push(e: EpisodeFields): number {
    if (this.length === this.decom.length) this.grow();
    const i = this.length++;
    const t = this.texts;
    this.decom[i] = e.decom;
    this.dec[i] = e.dec;
    this.rne[i] = t.id(e.rne);
    this.ls[i] = t.id(e.ls);
    this.place[i] = t.id(e.place);
    this.rec[i] = t.id(e.rec);
    this.plPost[i] = t.id(e.plPost);
    this.homePost[i] = t.id(e.homePost);
    this.urn[i] = t.id(e.urn);
    this.plLocation[i] = t.id(e.plLocation);
    this.plDistance[i] = e.plDistance ?? NaN;
    this.flags[i] = (e.shortBreak ? SHORT_BREAK : 0) | (e.closedByStitch ? CLOSED_BY_STITCH : 0);
    this.period[i] = e.period;
    this.spell[i] = e.spell;
    this.year[i] = e.year;
    return i;
  }

  /** Row i as an object (a copy: writing to it changes nothing here). */
  get(i: number): EpisodeFields {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`episode ${i} is not among the ${this.length} held`);
    const text = this.texts.text;
    const distance = this.plDistance[i]!;
    return {
      decom: this.decom[i]!,
      dec: this.dec[i]!,
      rne: text[this.rne[i]!]!,
      ls: text[this.ls[i]!]!,
      place: text[this.place[i]!]!,
      rec: text[this.rec[i]!]!,
      plPost: text[this.plPost[i]!]!,
      homePost: text[this.homePost[i]!]!,
      urn: text[this.urn[i]!]!,
      plDistance: Number.isNaN(distance) ? null : distance,
      plLocation: text[this.plLocation[i]!]!,
      shortBreak: (this.flags[i]! & SHORT_BREAK) !== 0,
      closedByStitch: (this.flags[i]! & CLOSED_BY_STITCH) !== 0,
      period: this.period[i]!,
      spell: this.spell[i]!,
      year: this.year[i]!,
    };
  }

  /** The text a text column holds at row i. */
  text(column: Int32Array, i: number): string {
    return this.texts.text[column[i]!]!;
  }
}
