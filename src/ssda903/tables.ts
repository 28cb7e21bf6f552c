// The 903 tables: their exact column sets, which columns hold dates and codes, and the code lists.
// Sources: ssda903.md §1.2 (data-to-insight csc-validator-be-903 `config.py`) and §1.3 (code lists).

export type TableName =
  | 'Header'
  | 'Episodes'
  | 'Reviews'
  | 'UASC'
  | 'OC2'
  | 'OC3'
  | 'AD1'
  | 'PlacedAdoption'
  | 'PrevPerm'
  | 'Missing'
  | 'SWEpisodes'
  | 'DoLo'
  | 'Postcodes';

/** Required columns of each table, spelled as DfE spells them. */
export const TABLE_COLUMNS: Record<TableName, readonly string[]> = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  /** Deprivation of liberty orders, from the 2026–27 collection. */
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
  Postcodes: ['POSTCODE', 'EASTING', 'NORTHING', 'LA_CODE'],
};

/** Columns a table may carry on top of its required ones (derived distance and location, §1.2). */
export const OPTIONAL_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  Episodes: ['PL_DISTANCE', 'PL_LOCATION'],
};

export const TABLE_NAMES = Object.keys(TABLE_COLUMNS) as TableName[];

/** Columns written dd/mm/yyyy. DATE_PERM may be partial (zz/mm/yyyy) and is checked apart. */
export const DATE_COLUMNS: Partial<Record<TableName, readonly string[]>> = {
  Header: ['DOB', 'MC_DOB'],
  Episodes: ['DECOM', 'DEC'],
  Reviews: ['DOB', 'REVIEW'],
  UASC: ['DOB', 'DUC'],
  OC2: ['DOB'],
  OC3: ['DOB'],
  AD1: ['DOB', 'DATE_INT', 'DATE_MATCH'],
  PlacedAdoption: ['DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED'],
  PrevPerm: ['DOB'],
  Missing: ['DOB', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['DOB', 'SW_DECOM', 'SW_DEC'],
  DoLo: ['DOB', 'DOLO_START', 'DOLO_END'],
};

const set = (codes: string): ReadonlySet<string> => new Set(codes.split(/\s+/).filter(Boolean));

export const RNE_CODES = set('S L P T B U');
export const LS_CODES = set('C1 C2 D1 E1 J1 J2 J3 L1 L2 L3 V2 V3 V4');
export const SHORT_BREAK_LS = set('V3 V4');
export const CIN_CODES = set('N1 N2 N3 N4 N5 N6 N7 N8');
/** Current codes, the 2025–26 Z11–Z14 split, and older codes still found in earlier years' files (§1.3). */
export const PLACE_CODES = set(
  'A3 A4 A5 A6 H5 K1 K2 K3 P1 P2 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z1 Z11 Z12 Z13 Z14 Q1 Q2 A1 A2 M2 M3',
);
export const TEMPORARY_PLACE = set('T0 T1 T2 T3 T4');
/**
 * The longest stay each temporary placement code allows (DfE validation: T1 hospital 6 weeks, rule 375; T3 carer's
 * holiday 21 days, rule 376; T4 any other reason 7 days, rule 379). DfE sets no limit for T0 (all temporary moves,
 * older returns) or T2 (the child's holiday): they take the longest, 6 weeks, and the holiday one, 21 days.
 */
export const TEMPORARY_LIMIT_DAYS: Readonly<Record<string, number>> = { T0: 42, T1: 42, T2: 21, T3: 21, T4: 7 };

/** Placed for adoption. A3/A5 are with the child's current foster carer, so moving into them is never a change of carer. */
export const ADOPTION_PLACE = set('A3 A4 A5 A6 A1 A2');
export const ADOPTION_WITH_CURRENT_CARER = set('A3 A5');
export const PLACE_PROVIDER_CODES = set('PR0 PR1 PR2 PR3 PR4 PR5');
export const REC_CODES = set(
  'X1 E11 E12 E2 E3 E4A E4B E13 E41 E45 E46 E47 E48 E5 E6 E7 E9 E14 E15 E16 E17 E8 E1 E43 E44',
);
export const ADOPTED_REC = set('E11 E12 E1');
export const REASON_PLACE_CHANGE_CODES = set('CARPL CLOSE ALLEG STAND APPRR CREQB CREQO CHILD LAREQ PLACE CUSTOD OTHER');
export const IN_TOUCH_CODES = set('YES NO DIED REFU NREQ RHOM');
export const ACTIV_CODES = set('F1 P1 F2 P2 F3 P3 F4 P4 F5 P5 G4 G5 G6 0');
export const EET_ACTIV = set('F1 P1 F2 P2 F4 P4 F5 P5');
/** Training or employment before F4/P4 (apprenticeships) and F5/P5 replaced it: EET in the years the code was valid. */
export const LEGACY_EET_ACTIV = set('F3 P3');
/** The last collection year whose code list holds F3/P3 (the 2017 and 2021 schemas do; the 2024 one has F4–P5 instead). */
export const LEGACY_EET_UNTIL = 2023;
export const NEET_ACTIV = set('G4 G5 G6');
export const ACCOM_CODES = new Set(['0', ...'BCDEGHKRSTUVWXYZ'.split('').flatMap((l) => [`${l}1`, `${l}2`])]);
export const MISSING_CODES = set('M A');
/** 1/2 until 2023–24, M/F/U from 2024–25. */
export const SEX_CODES = set('1 2 M F U');

/** Which code list each coded column must come from; blank is allowed only where listed in BLANK_ALLOWED. */
export const CODE_COLUMNS: Partial<Record<TableName, Record<string, ReadonlySet<string>>>> = {
  Header: { SEX: SEX_CODES },
  Episodes: {
    RNE: RNE_CODES,
    LS: LS_CODES,
    CIN: CIN_CODES,
    PLACE: PLACE_CODES,
    PLACE_PROVIDER: PLACE_PROVIDER_CODES,
    REC: REC_CODES,
    REASON_PLACE_CHANGE: REASON_PLACE_CHANGE_CODES,
  },
  OC3: { IN_TOUCH: IN_TOUCH_CODES, ACTIV: ACTIV_CODES, ACCOM: ACCOM_CODES },
  Missing: { MISSING: MISSING_CODES },
};

/** Coded columns that may be blank: PLACE_PROVIDER for temporary and "other" placements, REC while the episode is open. */
export const BLANK_ALLOWED: Partial<Record<TableName, ReadonlySet<string>>> = {
  Episodes: set('PLACE_PROVIDER REC REASON_PLACE_CHANGE'),
  Header: set(''),
  OC3: set(''),
};
