// A synthetic postcode directory: the authority's own postcodes round a centre, its neighbours' and a few far away.
import type { Random } from './random.ts';

export interface Postcode {
  postcode: string;
  easting: number;
  northing: number;
  laCode: string;
}

export type Zone = 'own' | 'near' | 'far';

export interface PostcodeBook {
  all: Postcode[];
  own: Postcode[];
  near: Postcode[];
  far: Postcode[];
}

// Area letters that follow the postcode format but belong to no real postcode area.
const OWN_AREA = 'WM';
const NEAR_AREAS = ['YA', 'YB', 'YD', 'YE', 'YF', 'YG', 'YH', 'YJ'];
const FAR_AREAS = ['ZA', 'ZB', 'ZD', 'ZF'];
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const CENTRE = { e: 450_000, n: 250_000 };

function otherLaCodes(own: string, count: number): string[] {
  const codes: string[] = [];
  for (let i = 0; codes.length < count; i++) {
    const code = `E1000${String(9100 + i).padStart(4, '0')}`;
    if (code !== own) codes.push(code);
  }
  return codes;
}

function place(rnd: Random, area: string, laCode: string, centreE: number, centreN: number, radius: number, count: number, used: Set<string>): Postcode[] {
  const out: Postcode[] = [];
  while (out.length < count) {
    const postcode = `${area}${rnd.int(1, 19)} ${rnd.int(0, 9)}${rnd.pick([...UNIT_LETTERS])}${rnd.pick([...UNIT_LETTERS])}`;
    if (used.has(postcode)) continue;
    used.add(postcode);
    // Uniform over a disc: the square root keeps the density even towards the edge.
    const r = radius * Math.sqrt(rnd.next());
    const a = rnd.next() * 2 * Math.PI;
    out.push({ postcode, easting: Math.round(centreE + r * Math.cos(a)), northing: Math.round(centreN + r * Math.sin(a)), laCode });
  }
  return out;
}

export function buildPostcodes(rnd: Random, laCode: string): PostcodeBook {
  const used = new Set<string>();
  const others = otherLaCodes(laCode, NEAR_AREAS.length + FAR_AREAS.length);
  const own = place(rnd, OWN_AREA, laCode, CENTRE.e, CENTRE.n, 28_000, 400, used);
  const near: Postcode[] = [];
  NEAR_AREAS.forEach((area, i) => {
    const angle = (i / NEAR_AREAS.length) * 2 * Math.PI;
    const dist = 55_000 + rnd.int(0, 25_000);
    near.push(...place(rnd, area, others[i] as string, CENTRE.e + dist * Math.cos(angle), CENTRE.n + dist * Math.sin(angle), 20_000, 60, used));
  });
  const far: Postcode[] = [];
  FAR_AREAS.forEach((area, i) => {
    const angle = (i / FAR_AREAS.length) * 2 * Math.PI + 0.4;
    const dist = 150_000 + rnd.int(0, 100_000);
    far.push(...place(rnd, area, others[NEAR_AREAS.length + i] as string, CENTRE.e + dist * Math.cos(angle), CENTRE.n + dist * Math.sin(angle), 15_000, 30, used));
  });
  return { all: [...own, ...near, ...far], own, near, far };
}

export function postcodesCsv(book: PostcodeBook): string {
  const lines = ['POSTCODE,EASTING,NORTHING,LA_CODE'];
  for (const p of book.all) lines.push(`${p.postcode},${p.easting},${p.northing},${p.laCode}`);
  return `${lines.join('\n')}\n`;
}
