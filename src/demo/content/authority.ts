// The demonstration authority and its staff. Every name here is invented.

export const authority = {
  name: 'Westmere County Council',
  shortName: 'Westmere',
  laCode: null,
  region: 'South West',
} as const;

export interface Person {
  name: string;
  role: string;
}

/** Staff and partners who own actions, write updates and approve statuses across the demonstration plans. */
export const staff = {
  dcs: { name: 'Rosalind Ashworth', role: "Director of Children's Services" },
  deputyDirector: { name: 'Gareth Penhaligon', role: 'Deputy Director, Children and Families' },
  adCommissioning: { name: 'Priya Venkatesh', role: 'Assistant Director, Commissioning and Performance' },
  adQuality: { name: 'Malcolm Eddowes', role: 'Assistant Director, Partnerships and Quality Assurance' },
  hrDirector: { name: 'Graham Teague', role: 'Director of HR and Organisational Development' },
  strategicCommissioner: { name: 'Nadia Okafor', role: "Strategic Commissioner, Children's Commissioning" },
  seniorCommissioner: { name: 'Tom Blackmore', role: "Senior Commissioner, Children's Commissioning" },
  smCla: { name: 'Hannah Trevelyan', role: 'Strategic Manager, Children Looked After and Leaving Care' },
  smFostering: { name: 'Owen Castell', role: 'Strategic Manager, Fostering, Adoption and Resources' },
  smPrevention: { name: 'Bethan Lloyd', role: 'Strategic Manager, Prevention' },
  smQuality: { name: 'Adaeze Nwosu', role: 'Strategic Manager, Partnerships, Audit and Quality' },
  omCla: { name: 'Marcus Delaney', role: 'Operations Manager, Children Looked After' },
  omLeavingCare: { name: 'Siobhan Fairweather', role: 'Operations Manager, Leaving Care' },
  omFostering: { name: 'Kirsty Pengelly', role: 'Operations Manager, Fostering and Permanence' },
  omWorkforce: { name: 'Megan Hocking', role: 'Operations Manager, Learning and Workforce Development' },
  designatedNurse: { name: 'Catherine Polglase', role: 'Designated Nurse, Safeguarding and Children Looked After' },
  claNurse: { name: 'Yvonne Tregarthen', role: 'Nurse Specialist, Children Looked After' },
  phnManager: { name: 'Daniel Haskett', role: 'Operational Manager, Public Health Nursing (West)' },
  ccgCommissioning: { name: 'Ruth Ellery', role: 'Head of Joint Commissioning, Westmere Clinical Commissioning Group' },
  psychologist: { name: 'Anjali Desai', role: 'Clinical Psychologist, Emotional Health and Wellbeing Team' },
  vsh: { name: 'Eleanor Brightwell', role: 'Virtual School Head' },
  educationOutcomes: { name: 'Alistair Quick', role: "Education Outcomes Manager, Children's Commissioning" },
  biManager: { name: 'Kwame Mensah', role: 'Service Manager, Business Intelligence' },
  participation: { name: 'Laura Kitto', role: 'Participation Officer, Voice of the Child' },
  partnership: { name: 'Rhys Penrose', role: 'Partnership Business Manager' },
  uascTeam: { name: 'Simon Rowe', role: 'Team Manager, Unaccompanied Asylum Seeking Children Team' },
  seniorIro: { name: 'Fran Holloway', role: 'Senior Independent Reviewing Officer' },
  odManager: { name: 'Joseph Nancarrow', role: 'Service Manager, Organisational Development' },
  publicHealth: { name: 'Sarah Jolliffe', role: 'Consultant in Public Health' },
  cpbChair: { name: 'Cllr Patricia Vosper', role: 'Chair, Corporate Parenting Board' },
} as const satisfies Record<string, Person>;

export const people: Person[] = Object.values(staff);

/** Role titles used where a plan names a post rather than a person. */
export const roles = {
  dcs: "Director of Children's Services",
  deputyDirector: 'Deputy Director, Children and Families',
  adCommissioning: 'Assistant Director, Commissioning and Performance',
  adQuality: 'Assistant Director, Partnerships and Quality Assurance',
  hrDirector: 'Director of HR and Organisational Development',
  headOfOutcomes: 'Head of Outcomes and Sufficiency',
  publicHealthConsultant: 'Consultant in Public Health',
  ccgJointCommissioning: 'Head of Joint Commissioning, Westmere Clinical Commissioning Group',
  safeguardingBoardChair: 'Independent Chair, Westmere Safeguarding Children Board',
  cseSubgroupChair: 'Chair, Westmere Safeguarding Children Board CSE Sub-group',
  policeAreaCommander: 'Area Commander, Westmere and Coast Constabulary',
  designatedDoctor: 'Designated Doctor for Children Looked After',
  cpbChair: 'Chair, Corporate Parenting Board',
  inCareCouncilCoChair: 'Co-chair, Westmere In Care Council',
  leavingCareCouncilCoChair: 'Co-chair, Westmere Leaving Care Council',
} as const;

/** "Name, Role", as a plan writes a lead or owner in one line. */
export function signature(person: Person): string {
  return `${person.name}, ${person.role}`;
}
