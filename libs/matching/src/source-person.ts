/**
 * One person as one departmental system holds them, read from that system's export and
 * normalised (see `normalise/`). This is what import stages and what matching compares.
 */
export interface SourcePerson {
  /** The system's slug (`police-population`, …). */
  system: string;
  /**
   * The system's own record id, as `export-golden` reports it: `RYBH`, `elderId`, `rkbh`, the
   * FHIR id, …; for civil-assistance members `<householdNo>/<member index from 0>`; for
   * militia-conscription the ID number as written in the roster.
   */
  recordId: string;
  /** The ID number as the system wrote it (trimmed), before any normalisation. */
  idNumberRaw: string | null;
  /** Normalised: half-width, upper-case X, 15 digits upgraded to 18; null when absent or unusable. */
  idNumber: string | null;
  /** Whether `idNumber` passes the GB 11643 checksum and holds a real date. */
  idValid: boolean;
  /** Normalised name: simplified, half-width, no spaces, one kind of middle dot. */
  name: string | null;
  /** GB/T 2261.1: '1' male, '2' female; null when unknown. */
  gender: '1' | '2' | null;
  /** yyyy-MM-dd; yyyy-MM-00 when the system keeps only the month (militia `出生年月`). */
  birthDate: string | null;
  /** Digits only: 11-digit mobile, or a landline with its area code; null when absent. */
  phone: string | null;
  /** The address the system holds (current if it has one, else registered), parsed. */
  address: ParsedAddress | null;
  /** Other unified-record fields the system states (already in GB/T codes), for golden records. */
  attributes: Record<string, string | null>;
}

export interface ParsedAddress {
  district: string | null;
  street: string | null;
  estate: string | null;
  building: string | null;
  unit: string | null;
  room: string | null;
  /** The text as written (for display and evidence). */
  text: string;
}

/**
 * A household as one system holds it (the grid platform's houses): the system's own id, its
 * members as that system's person record ids, and where it is. Promotion rebuilds the unified
 * record's households from these and the police 户号.
 */
export interface SourceHousehold {
  system: string;
  recordId: string;
  /** Record ids of the members' person records in the same system. */
  memberRecordIds: string[];
  headRecordId: string | null;
  address: ParsedAddress | null;
  /** 15-digit grid cell (12-digit community code + 3-digit grid number), when the system states one. */
  gridCode: string | null;
}
