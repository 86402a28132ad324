import { randomUUID } from 'node:crypto';
import { maskCitizenId } from '@hub/domain';
import type { ChangeContext } from './change-context';
import type { AddressInput, ResidentInput } from './inputs';
import { RecordError, type FieldProblem } from './record-error';
import { RESIDENT_COLUMNS, type ResidentFields } from './resident-columns';
import type { NewResident, ResidentRepository } from './resident.repository';

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
 * New residents of this change: each gets its id and the provenance of the fields given (and of
 * the current address when the statement supplies it), and counts as touched at version 1.
 */
export function newResidents(
  ctx: ChangeContext,
  rows: Array<Partial<ResidentFields>>,
  addressFromStatement = false,
): NewResident[] {
  const fields = Object.keys(RESIDENT_COLUMNS) as Array<keyof ResidentFields>;
  const residents = rows.map((row) => {
    const provided = fields.filter((f) => row[f] !== null && row[f] !== undefined);
    if (addressFromStatement) provided.push('currentAddressId');
    return { id: randomUUID(), fields: row, fieldSources: ctx.sources(provided) };
  });
  residents.forEach(({ id }) => ctx.touch('resident', id, 1));
  return residents;
}

/** Inserts residents in one multi-row statement; returns their new ids in input order. */
export async function insertResidents(
  ctx: ChangeContext,
  rows: Array<Partial<ResidentFields>>,
): Promise<string[]> {
  const residents = newResidents(ctx, rows);
  await ctx.residents.insert(residents);
  return residents.map((r) => r.id);
}

/**
 * A person already in the record must be moved, not registered again: the answer names where
 * they are recorded, with the number masked.
 */
export async function refuseKnownIdNumbers(
  residents: ResidentRepository,
  idNumbers: Array<{ field: string; idNumber?: string }>,
): Promise<void> {
  const wanted = idNumbers.filter((x): x is { field: string; idNumber: string } => !!x.idNumber);
  if (wanted.length === 0) return;
  const found = await residents.recordedAt(wanted.map((x) => x.idNumber));
  if (found.length === 0) return;
  const problems: FieldProblem[] = wanted.flatMap(({ field, idNumber }) => {
    const hit = found.find((f) => f.idNumber === idNumber);
    return hit
      ? [
          {
            field,
            message: `该公民身份号码（${maskCitizenId(idNumber)}）已在${hit.communityName}登记，请办理迁入，不要重复登记`,
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
  if (!(await ctx.addresses.gridCellExists(address.gridCode, communityCode)))
    throw RecordError.invalid([{ field: 'address.gridCode', message: '该社区没有这个网格' }]);
}

/** Finds or creates the address in the community; a grid cell must belong to that community. */
export async function upsertAddress(
  ctx: ChangeContext,
  communityCode: string,
  address: AddressInput,
): Promise<string> {
  await checkGridCell(ctx, communityCode, address);
  return ctx.addresses.upsert(communityCode, address);
}
