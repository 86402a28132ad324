import { randomUUID } from 'node:crypto';
import { maskCitizenId, pinyinFull, pinyinInitials } from '@hub/domain';
import type { EntityManager } from 'typeorm';
import type { ChangeContext } from './change-context';
import type { AddressInput, ResidentInput } from './inputs';
import { RecordError, type FieldProblem } from './record-error';
import { RESIDENT_COLUMNS, type ResidentFields } from './resident-columns';

/** The stored fields of a new resident, from what the worker entered. */
export function residentFields(
  input: ResidentInput,
  communityCode: string,
  addressId: string | null,
): Partial<ResidentFields> {
  const disability = input.disability;
  const certificate =
    disability &&
    (disability.certificateNo ??
      (input.idNumber ? `${input.idNumber}${disability.type}${disability.grade}` : undefined));
  return {
    idNumber: input.idNumber ?? null,
    name: input.name,
    gender: input.gender,
    ethnicity: input.ethnicity,
    birthDate: input.birthDate,
    registeredAddress: input.registeredAddress ?? null,
    currentAddressId: addressId,
    communityCode,
    phone: input.phone ?? null,
    maritalStatus: input.maritalStatus ?? null,
    education: input.education ?? null,
    politicalStatus: input.politicalStatus ?? null,
    registrationType: input.registrationType,
    lifeStatus: 'alive',
    residenceStatus: 'present',
    livingStatus: input.livingStatus ?? null,
    employmentStatus: input.employmentStatus ?? null,
    pensionStatus: input.pensionStatus ?? null,
    disabilityType: disability?.type ?? null,
    disabilityGrade: disability?.grade ?? null,
    disabilityCertificateNo: certificate ?? null,
    correctionsType: input.corrections?.type ?? null,
    correctionsStart: input.corrections?.start ?? null,
    correctionsEnd: input.corrections?.end ?? null,
  };
}

/**
 * The VALUES tuples of new residents, their parameters appended to `params`. The current address
 * may be an SQL expression (the id an address CTE returns) rather than a value.
 */
export function residentTuples(
  ctx: ChangeContext,
  rows: Array<Partial<ResidentFields>>,
  params: unknown[],
  addressExpression?: string,
): { ids: string[]; columns: string; tuples: string } {
  const ids = rows.map(() => randomUUID());
  const fields = Object.keys(RESIDENT_COLUMNS) as Array<keyof ResidentFields>;
  const columns = [
    'id',
    'name_pinyin',
    'name_initials',
    'field_sources',
    ...fields.map((f) => RESIDENT_COLUMNS[f]),
  ];
  const tuples = rows.map((row, i) => {
    const provided = fields.filter((f) => row[f] !== null && row[f] !== undefined);
    if (addressExpression) provided.push('currentAddressId');
    const values: unknown[] = [
      ids[i],
      pinyinFull(row.name ?? ''),
      pinyinInitials(row.name ?? ''),
      ctx.sources(provided),
    ];
    values.push(...fields.map((f) => row[f] ?? null));
    const marks = values.map((value, j) => {
      if (addressExpression && fields[j - 4] === 'currentAddressId') return addressExpression;
      params.push(value);
      return `$${params.length}`;
    });
    return `(${marks.join(', ')})`;
  });
  ids.forEach((id) => ctx.touch('resident', id, 1));
  return { ids, columns: columns.join(', '), tuples: tuples.join(', ') };
}

/** Inserts residents in one multi-row statement; returns their new ids in input order. */
export async function insertResidents(
  ctx: ChangeContext,
  rows: Array<Partial<ResidentFields>>,
): Promise<string[]> {
  const params: unknown[] = [];
  const { ids, columns, tuples } = residentTuples(ctx, rows, params);
  await ctx.tx.query(`INSERT INTO resident (${columns}) VALUES ${tuples}`, params);
  return ids;
}

/**
 * A person already in the record must be moved, not registered again: the answer names where
 * they are recorded, with the number masked.
 */
export async function refuseKnownIdNumbers(
  db: Pick<EntityManager, 'query'>,
  idNumbers: Array<{ field: string; idNumber?: string }>,
): Promise<void> {
  const wanted = idNumbers.filter((x): x is { field: string; idNumber: string } => !!x.idNumber);
  if (wanted.length === 0) return;
  const found: Array<{ id_number: string; community_name: string }> = await db.query(
    `SELECT r.id_number, c.name AS community_name
       FROM resident r JOIN community c ON c.code = r.community_code
      WHERE r.id_number = ANY($1::text[])`,
    [wanted.map((x) => x.idNumber)],
  );
  if (found.length === 0) return;
  const problems: FieldProblem[] = wanted.flatMap(({ field, idNumber }) => {
    const hit = found.find((f) => f.id_number === idNumber);
    return hit
      ? [
          {
            field,
            message: `该公民身份号码（${maskCitizenId(idNumber)}）已在${hit.community_name}登记，请办理迁入，不要重复登记`,
          },
        ]
      : [];
  });
  throw new RecordError('conflict', '有居民已在系统中登记', problems);
}

/** A grid cell must exist and belong to the address's community. */
export async function checkGridCell(
  ctx: ChangeContext,
  communityCode: string,
  address: AddressInput,
): Promise<void> {
  if (!address.gridCode) return;
  if (!address.gridCode.startsWith(communityCode)) {
    throw RecordError.invalid([{ field: 'address.gridCode', message: '网格不属于该社区' }]);
  }
  // A well-formed code of a cell that was never set up would otherwise fail the foreign key (a 500).
  const cells: unknown[] = await ctx.tx.query(
    `SELECT 1 FROM grid_cell WHERE code = $1 AND community_code = $2`,
    [address.gridCode, communityCode],
  );
  if (cells.length === 0)
    throw RecordError.invalid([{ field: 'address.gridCode', message: '该社区没有这个网格' }]);
}

/** The statement that finds or creates an address (RETURNING id); parameters go to `params`. */
export function addressUpsertSql(params: unknown[], communityCode: string, address: AddressInput): string {
  params.push(
    communityCode,
    address.gridCode ?? null,
    address.estate,
    address.building,
    address.unit ?? '',
    address.room,
  );
  const n = params.length;
  return `INSERT INTO address (community_code, grid_code, estate, building, unit, room)
     VALUES ($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})
     ON CONFLICT (community_code, estate, building, unit, room)
       DO UPDATE SET grid_code = COALESCE(EXCLUDED.grid_code, address.grid_code)
     RETURNING id`;
}

/** Finds or creates the address in the community; a grid cell must belong to that community. */
export async function upsertAddress(
  ctx: ChangeContext,
  communityCode: string,
  address: AddressInput,
): Promise<string> {
  await checkGridCell(ctx, communityCode, address);
  const params: unknown[] = [];
  const rows: Array<{ id: string }> = await ctx.tx.query(
    addressUpsertSql(params, communityCode, address),
    params,
  );
  return rows[0].id;
}
