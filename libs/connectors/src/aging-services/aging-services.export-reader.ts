/**
 * Reading the 老龄办 elder export back for reconciliation. `comparable` gives the record in
 * `toAgingElder`'s shape; left out: `elderId` (the department's id), `allowanceLevel` (the
 * department derives it from the age on its own today), `emergencyContact` (never sent) and
 * `status` (carried by `identify().active`).
 */
import { citizenIdForMatching, type ExportReader } from '../common';

const text = (value: unknown): string => String(value ?? '').trim();

/** Legacy records from before 2010 hold 15-digit numbers: matched and compared as 18. */
const idOrNull = (value: unknown): string | null => (text(value) ? citizenIdForMatching(text(value)) : null);

const orNull = (value: unknown): string | null => text(value) || null;

/** Fields read as they are (trimmed; empty is null, as map() writes an absent fact). */
const PLAIN = ['name', 'gender', 'phone', 'address', 'livingStatus'] as const;

export const agingServicesExportReader: ExportReader = {
  fields: {
    name: 'name',
    gender: 'gender',
    phone: 'phone',
    address: 'address',
    livingStatus: 'livingStatus',
    idCard: 'idNumber',
    birthDate: 'birthDate',
  },
  identify: (record) => ({
    externalId: orNull(record.elderId),
    idNumber: idOrNull(record.idCard),
    active: text(record.status) === 'active',
  }),

  comparable: (record) => {
    const out: Record<string, unknown> = {};
    for (const key of PLAIN) if (record[key] !== undefined) out[key] = orNull(record[key]);
    if (record.idCard !== undefined) out.idCard = idOrNull(record.idCard);
    // yyyy-MM-dd, as map() writes it; a time part some exports add is dropped.
    if (record.birthDate !== undefined) out.birthDate = orNull(text(record.birthDate).slice(0, 10));
    return out;
  },
};
