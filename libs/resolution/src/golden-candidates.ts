import { normaliseIdNumber, type SourcePerson } from '@hub/matching';
import type { DataSource } from 'typeorm';

export interface GoldenCandidate {
  id: string;
  communityCode: string | null;
  /** The golden record's own field values, as a person the model can compare. */
  person: SourcePerson;
}

/**
 * Active golden records sharing a blocking key with a person: the ID number (or its region and
 * birth date), the name with the birth date, the phone, or the surname with the birth date. Each
 * condition is served by an index on `golden_person`, so this stays fast at a million records.
 */
export async function goldenCandidates(
  db: DataSource,
  p: SourcePerson,
  limit: number,
): Promise<GoldenCandidate[]> {
  const rows: Array<Record<string, string | null>> = await db.query(
    `SELECT id, id_number, name, gender, birth_date, phone, community_code FROM golden_person
      WHERE status = 'active'
        AND (id_number = $1 OR left(id_number, 14) = left($1, 14) OR phone = $4
             OR (name = $2 AND birth_date = $3) OR (birth_date = $3 AND left(name, 1) = left($2, 1)))
      LIMIT $5`,
    [p.idNumber, p.name, p.birthDate, p.phone, limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    communityCode: r.community_code,
    person: {
      system: 'golden',
      recordId: String(r.id),
      idNumberRaw: r.id_number,
      idNumber: r.id_number,
      idValid: r.id_number !== null && normaliseIdNumber(r.id_number).valid,
      name: r.name,
      gender: r.gender as SourcePerson['gender'],
      birthDate: r.birth_date,
      phone: r.phone,
      address: null,
      attributes: {},
    },
  }));
}
