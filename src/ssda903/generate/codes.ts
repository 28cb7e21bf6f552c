// Code lists and the weights the generator draws them with (ssda903.md §1.3; magnitudes from a county's 2018 dashboard).

export const ETHNIC_WEIGHTS = {
  WBRI: 70, WIRI: 0.5, WOTH: 4, WIRT: 0.6, WROM: 0.6, MWBC: 3.5, MWBA: 1, MWAS: 1, MOTH: 3, AIND: 0.8, APKN: 1.2,
  ABAN: 0.6, AOTH: 1.5, BCRB: 1.2, BAFR: 2.5, BOTH: 1, CHNE: 0.2, OOTH: 3, REFU: 0.3, NOBT: 0.5,
} as const;

export const UASC_ETHNIC_WEIGHTS = { AOTH: 30, BAFR: 30, OOTH: 25, MOTH: 5, BOTH: 10 } as const;

/** Category of need, fixed for a period of care. */
export const CIN_WEIGHTS = { N1: 62, N2: 3, N3: 3, N4: 8, N5: 14, N6: 2, N7: 0.2, N8: 7.8 } as const;

export const REASON_PLACE_CHANGE_WEIGHTS = {
  CARPL: 42, CREQB: 13, CREQO: 8, CHILD: 8, LAREQ: 10, CLOSE: 5, ALLEG: 3, STAND: 3, APPRR: 1, OTHER: 7,
} as const;

export const REVIEW_CODE_WEIGHTS = { PN1: 45, PN2: 20, PN3: 10, PN4: 8, PN5: 7, PN6: 5, PN7: 5 } as const;

export const SDQ_REASON_WEIGHTS = { SDQ1: 35, SDQ2: 15, SDQ3: 15, SDQ4: 25, SDQ5: 10 } as const;

export const SW_REASON_WEIGHTS = {
  MANAGE: 15, FCONTA: 5, LEFTRL: 30, ORGRST: 15, TSPROC: 20, ABSENC: 5, CHCHAN: 3, PCCHAN: 2, OTHERS: 5,
} as const;

export const EET_WEIGHTS = { F1: 8, P1: 1, F2: 40, P2: 6, F4: 8, P4: 1, F5: 28, P5: 8 } as const;
export const NEET_WEIGHTS = { G4: 25, G5: 55, G6: 20 } as const;

/** Accommodation judged suitable (…1), by kind; Z (former foster carers) is not allowed at 17 (rule 3001). */
export const SUITABLE_ACCOM_WEIGHTS = { U1: 30, D1: 15, B1: 15, Z1: 12, E1: 8, K1: 6, T1: 6, C1: 3, Y1: 5 } as const;
export const UNSUITABLE_ACCOM_WEIGHTS = { S2: 15, X2: 20, W2: 15, V2: 15, U2: 20, B2: 15 } as const;

/** Codes whose placement has an Ofsted unique reference number. */
export const REGISTERED_PLACEMENTS = new Set(['K1', 'K2', 'K3', 'R1', 'S1', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']);
