// A large authority for the web benchmark, generated deterministically as plan documents: 20 plans,
// 1,500 actions (one plan of 300, the rest of 63 or 64), 20,000 progress updates, with status and
// deadline histories, pending proposals, cross-references and risks.
import { PLAN_FORMAT, type ActionDocumentInput, type PlanDocumentInput } from '../src/domain/plan-document.ts';

export const PLAN_COUNT = 20;
export const ACTION_COUNT = 1_500;
export const UPDATE_COUNT = 20_000;
export const LARGE_PLAN_ACTIONS = 300;
const PROGRAMMES = 5;

/** People who own actions; the first is the benchmark's action owner, the second leads every first programme. */
export const PEOPLE = [
  { name: 'Morwenna Tregear', role: 'Operations Manager, Fostering' },
  { name: 'Jory Trevithick', role: 'Head of Service, Children in Care' },
  { name: 'Tamsin Polglase', role: 'Strategic Commissioner' },
  { name: 'Kensa Rowe', role: 'Virtual School Head' },
  { name: 'Piran Nance', role: 'Designated Nurse, Looked After Children' },
  { name: 'Elowen Carne', role: 'Service Manager, Care Leavers' },
  { name: 'Daveth Angove', role: 'Independent Reviewing Officer Manager' },
  { name: 'Lowena Pascoe', role: 'Participation Lead' },
  { name: 'Austell Hocking', role: 'Housing Options Manager' },
  { name: 'Merryn Jewell', role: 'Workforce Development Manager' },
  { name: 'Cador Bray', role: 'Business Intelligence Manager' },
  { name: 'Demelza Kitto', role: 'Head of Early Help' },
  { name: 'Gwithian Roskilly', role: 'Adoption Manager' },
  { name: 'Ia Penrose', role: 'Residential Services Manager' },
  { name: 'Jenna Tonkin', role: 'Youth Offending Manager' },
  { name: 'Karensa Rodda', role: 'Principal Social Worker' },
  { name: 'Locryn Bolitho', role: 'Commissioning Officer' },
  { name: 'Maben Curnow', role: 'Education Welfare Manager' },
  { name: 'Nessa Trewin', role: 'Health and Wellbeing Lead' },
  { name: 'Ruan Chenoweth', role: 'Leaving Care Personal Adviser Lead' },
];
export const LEAD = PEOPLE[1]!;
export const OWNER = PEOPLE[0]!;

/** mulberry32: small, fast and the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'placement',
  'stability',
  'foster carers',
  'panel',
  'care leavers',
  'personal education plans',
  'health assessments',
  'missing episodes',
  'sufficiency',
  'commissioning',
  'independent visitors',
  'pathway plans',
  'staying put',
  'supported lodgings',
  'training',
  'audit',
  'review',
  'young people',
];
const BRAGS = ['G', 'A', 'R', 'B'] as const;

const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const planSlug = (p: number): string => `plan-${String(p + 1).padStart(2, '0')}-2016-19`;

/** The 20 plan documents; the first is the large one. */
export function largeAuthority(): PlanDocumentInput[] {
  const rand = random(2018);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sentence = (n: number): string => {
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    const s = words.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const sizes = [LARGE_PLAN_ACTIONS, ...Array.from({ length: PLAN_COUNT - 1 }, (_, i) => (i < 3 ? 64 : 63))];
  let globalAction = 0;
  return sizes.map((size, p) => {
    const nodes = Array.from({ length: PROGRAMMES }, (_, g) => ({
      kind: 'programme' as const,
      number: String(g + 1),
      title: `Programme ${g + 1}: ${sentence(4).slice(0, -1)}`,
      description: sentence(20),
      lead: g === 0 ? LEAD.name : PEOPLE[(p + g) % PEOPLE.length]!.name,
      seniorResponsibleOwner: PEOPLE[(p + g + 5) % PEOPLE.length]!.name,
      actions: [] as ActionDocumentInput[],
    }));
    for (let i = 0; i < size; i++) {
      const a = globalAction++;
      const node = nodes[i % PROGRAMMES]!;
      const number = `${i % PROGRAMMES + 1}.${Math.floor(i / PROGRAMMES) + 1}`;
      // The benchmark's owner has 15 actions, as a typical owner would; the rest share the others.
      const owner = a % 100 === 0 ? OWNER : PEOPLE[1 + ((a * 3) % (PEOPLE.length - 1))]!;
      const firstDeadline = addDays('2017-03-31', (a % 8) * 91);
      const deadlines = [{ date: firstDeadline, reason: 'Original deadline', setBy: 'Partnership Business Manager', setAt: '2016-11-01T09:00:00Z' }];
      if (a % 3 === 0) deadlines.push({ date: addDays(firstDeadline, 91), reason: sentence(8), setBy: LEAD.name, setAt: `${addDays(firstDeadline, -14)}T10:00:00Z` });
      if (a % 7 === 0) deadlines.push({ date: addDays(firstDeadline, 182), reason: sentence(8), setBy: LEAD.name, setAt: `${addDays(firstDeadline, 77)}T10:00:00Z` });
      const statuses: NonNullable<ActionDocumentInput['statuses']> = Array.from({ length: 4 }, (_, q) => {
        const asAt = addDays('2017-06-30', q * 92);
        return { status: pick(BRAGS), asAt, reason: sentence(10), proposedBy: owner.name, approvedBy: LEAD.name, recordedAt: `${addDays(asAt, 5)}T12:00:00Z` };
      });
      if (a % 10 === 0) {
        statuses.push({ status: pick(BRAGS), asAt: '2018-06-30', reason: sentence(10), proposedBy: owner.name, approvedBy: null, recordedAt: '2018-07-03T12:00:00Z' });
      }
      const updateCount = a < UPDATE_COUNT - 13 * ACTION_COUNT ? 14 : 13;
      const updates = Array.from({ length: updateCount }, (_, u) => ({
        date: addDays('2017-04-15', u * 30 + (a % 9)),
        author: owner.name,
        body: `${sentence(18)} ${sentence(14)}\n\n- ${sentence(6)}\n- ${sentence(6)}`,
      }));
      node.actions.push({
        number,
        title: sentence(7).slice(0, -1),
        description: `${sentence(25)} ${sentence(20)}`,
        owners: [{ name: owner.name, role: owner.role }],
        successMeasures: sentence(15),
        outcome: sentence(12),
        refs: [
          { kind: 'challenge', value: String((a % 12) + 1) },
          ...(a % 4 === 0 ? [{ kind: 'inspection' as const, value: String((a % 15) + 1) }] : []),
        ],
        deadlines,
        statuses,
        updates,
      });
    }
    const numbers = nodes.flatMap((n) => n.actions.map((a) => a.number));
    return {
      format: PLAN_FORMAT,
      formatVersion: 1,
      plan: {
        slug: planSlug(p),
        title: `${p === 0 ? 'Corporate Parenting Strategy' : `Improvement plan ${p + 1}`} 2016–19`,
        kind: p === 0 ? ('corporate-parenting' as const) : ('improvement' as const),
        periodStart: '2016-04-01',
        periodEnd: '2019-03-31',
        description: sentence(30),
        nodes,
        risks: Array.from({ length: PROGRAMMES }, (_, r) => ({
          reference: `R${r + 1}`,
          programme: String(r + 1),
          title: sentence(6).slice(0, -1),
          impact: sentence(12),
          mitigation: sentence(12),
          owner: PEOPLE[(p + r) % PEOPLE.length]!.name,
          scores: [
            { likelihood: 4, impact: 4, recordedAt: '2017-01-10T09:00:00Z', recordedBy: LEAD.name },
            { likelihood: 3, impact: 4, recordedAt: '2018-01-10T09:00:00Z', recordedBy: LEAD.name },
          ],
          actions: numbers.filter((_, i) => i % 25 === r),
        })),
      },
    };
  });
}
