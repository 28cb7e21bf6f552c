// What the demonstration's cross-references say: the six challenges of Westmere's Sufficiency Statement
// and the fourteen recommendations of its November 2017 inspection (the plans' descriptions list them
// from here), with the documents they come from. Programmes are the Children and Young People's Plan's own.

export interface DemoReference {
  kind: 'inspection' | 'challenge' | 'programme';
  value: string;
  title: string;
  body: string;
  source: string;
  issuedOn: string | null;
}

const STATEMENT = 'Sufficiency Statement for Children Looked After and Care Leavers 2016–19';
const INSPECTION = 'Inspection of services for children in need of help and protection, children looked after and care leavers (November 2017)';

const challenge = (value: string, title: string, body: string): DemoReference => ({ kind: 'challenge', value, title, body, source: STATEMENT, issuedOn: null });
/** The inspection report was published on this day: its recommendations' measures are compared with their figures then. */
const INSPECTION_PUBLISHED = '2018-01-09';
const recommendation = (value: string, title: string, body: string): DemoReference => ({ kind: 'inspection', value, title, body, source: INSPECTION, issuedOn: INSPECTION_PUBLISHED });

export const sufficiencyChallenges: DemoReference[] = [
  challenge('1', 'Adolescents in crisis and routes into housing', 'Too many adolescents come into care in crisis, and too few young people aged 16 to 25 have a planned route into housing.'),
  challenge('2', 'Waiting for a permanent home', 'Some children wait too long for a permanent home, through adoption, special guardianship or long-term fostering.'),
  challenge('3', 'Care leavers’ accommodation', 'Care leavers do not always move on to accommodation that is suitable and that they are ready for.'),
  challenge('4', 'Local foster and residential placements', 'There are not enough local foster and residential placements, so too many children live outside Westmere.'),
  challenge('5', 'Early help', 'Early help does not always reach families soon enough to prevent needs escalating.'),
  challenge('6', 'Emotional and mental health', 'The emotional and mental health needs of children looked after are not identified and met early enough.'),
];

export const inspectionRecommendations: DemoReference[] = [
  recommendation('1', 'Leadership capacity', 'Increase leadership capacity so that the pace of improvement can be accelerated.'),
  recommendation('2', 'Management oversight and supervision', 'Make management oversight and supervision consistently challenging and focused on outcomes.'),
  recommendation('3', 'Quality assurance and audit', 'Use quality assurance and audit to improve the consistency of practice.'),
  recommendation('4', 'Children held in police custody', 'Make sure children held in police custody overnight are supported and moved to appropriate accommodation.'),
  recommendation('5', 'Police in strategy discussions', 'Make sure the police take part in every strategy discussion where a joint enquiry may be needed.'),
  recommendation('6', 'Return home interviews', 'Improve the quality and use of return home interviews for children who go missing.'),
  recommendation('7', 'Child sexual exploitation', 'Strengthen the partnership response to children at risk of sexual exploitation.'),
  recommendation('8', 'Advocacy in child protection', 'Make sure children have access to an advocate in child protection processes.'),
  recommendation('9', 'Homeless 16 and 17 year olds', 'Make sure homeless 16 and 17 year olds are offered advocacy and understand their rights.'),
  recommendation('10', 'Pre-proceedings', 'Use the pre-proceedings stage of the Public Law Outline consistently and well.'),
  recommendation('11', 'Placement choice and stability', 'Increase placement choice and stability so that more children live in a permanent home that meets their needs.'),
  recommendation('12', 'Health assessments and emotional health', 'Make sure initial health assessments are timely and emotional health needs are met.'),
  recommendation('13', 'Care leavers’ preparation and entitlements', 'Improve care leavers’ preparation for independence, their access to education, employment and training, and the information they receive about their entitlements.'),
  recommendation('14', 'Identity, ethnicity and culture', 'Make sure plans address children’s identity, ethnicity and cultural needs.'),
];

/** "Too many …" as it reads after "Challenge 1: ". */
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
