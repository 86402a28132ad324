/**
 * Reading the 残联 certificate export back for reconciliation. `comparable` gives the record in
 * `toDisabilityPerson`'s shape; left out: `cardNo` (derived from ID + type + grade, which are
 * compared themselves), `guardianName`/`guardianPhone` (never sent) and `status` (carried by
 * `identify().active`). A re-graded person has a revoked and a valid certificate: only the valid
 * one is active.
 */
import { citizenIdForMatching, type ExportReader } from '../common';
import { parseCardNumber } from './disability.codes';

const text = (value: unknown): string => String(value ?? '').trim();

const orNull = (value: unknown): string | null => text(value) || null;

const idOrNull = (value: unknown): string | null => (text(value) ? citizenIdForMatching(text(value)) : null);

/** Fields read as they are (trimmed; empty is null, as map() writes an absent fact). */
const PLAIN = ['name', 'gender', 'disabilityType', 'disabilityGrade', 'phone', 'address'] as const;

export const disabilityExportReader: ExportReader = {
  fields: {
    name: 'name',
    gender: 'gender',
    disabilityType: 'owned',
    disabilityGrade: 'owned',
    phone: 'phone',
    address: 'address',
    idNumber: 'idNumber',
    birthDate: 'birthDate',
  },
  identify: (record) => ({
    externalId: orNull(record.cardNo),
    // The certificate number embeds the ID number: a record without idNumber is still matched.
    idNumber: idOrNull(record.idNumber) ?? parseCardNumber(text(record.cardNo))?.idNumber ?? null,
    active: text(record.status) === 'valid',
  }),

  comparable: (record) => {
    const out: Record<string, unknown> = {};
    for (const key of PLAIN) if (record[key] !== undefined) out[key] = orNull(record[key]);
    if (record.idNumber !== undefined) out.idNumber = idOrNull(record.idNumber);
    // yyyyMMdd, as map() writes it, whether or not an export adds separators.
    if (record.birthDate !== undefined) out.birthDate = orNull(text(record.birthDate).replace(/\D/g, ''));
    return out;
  },
};
