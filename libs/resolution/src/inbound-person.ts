import type { InboundChange } from '@hub/connectors';
import { sourcePerson, type SourcePerson } from '@hub/matching';

const stated = (fields: Record<string, unknown>, field: string): string | undefined => {
  const value = fields[field];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

/**
 * The department's record as it stands after a change from its feed. Feeds carry only what
 * changed (a phone, a status), so the record staged from the last import is the base and the
 * change's identity fields are laid over it. A change about a record never staged is taken on
 * what it says; one that says neither an ID number nor a name identifies nobody and is skipped.
 */
export function inboundPerson(
  system: string,
  change: InboundChange,
  staged: SourcePerson | undefined,
): SourcePerson | undefined {
  if (!change.externalId || change.subjectType === 'household') return undefined;
  const name = stated(change.fields, 'name');
  if (!staged && !change.idNumber && !name) return undefined;
  return sourcePerson(
    system,
    change.externalId,
    {
      idNumber: change.idNumber ?? staged?.idNumberRaw ?? staged?.idNumber ?? null,
      name: name ?? staged?.name ?? null,
      gender: stated(change.fields, 'gender') ?? staged?.gender ?? null,
      birthDate: stated(change.fields, 'birthDate') ?? staged?.birthDate ?? null,
      phone: stated(change.fields, 'phone') ?? staged?.phone ?? null,
      address: staged?.address ?? null,
    },
    staged?.attributes ?? {},
  );
}
