import { Injectable } from '@nestjs/common';
import { chinaToday, citizenIdConsistency, disabilityCertificateProblem, parseCitizenId } from '@hub/domain';
import { canSeeCorrections, canWrite, type Actor } from './actor';
import type { ChangeContext } from './change-context';
import { ChangeWriter, type ChangeOutcome } from './change-writer';
import type { AddressInput, CorrectionsInput, DisabilityInput, ResidentPatch } from './inputs';
import { RecordError } from './record-error';
import { fromRow, RESIDENT_COLUMNS, type ResidentFields } from './resident-columns';
import { leaveHousehold } from './membership';
import { refuseKnownIdNumbers, upsertAddress } from './resident-insert';

export type TagKind = 'disability' | 'corrections' | 'living' | 'employment' | 'pension';

export type TagInput =
  | { kind: 'disability'; value: DisabilityInput }
  | { kind: 'corrections'; value: CorrectionsInput }
  | { kind: 'living'; value: { status: string } }
  | { kind: 'employment'; value: { status: string } }
  | { kind: 'pension'; value: { status: string } };

type Outcome = Promise<ChangeOutcome<{ version: number }>>;

/** Who someone is: a change of these is a correction, made with a reason. */
const IDENTITY_FIELDS = ['idNumber', 'name', 'gender', 'birthDate', 'ethnicity'] as const;

const today = (): string => chinaToday();

@Injectable()
export class ResidentService {
  constructor(private readonly writer: ChangeWriter) {}

  /**
   * A direct change of a person's data. Correcting who someone is (name, ID number, gender,
   * birth date, ethnicity) needs a reason, which the history and the audit keep.
   */
  change(actor: Actor, id: string, patch: ResidentPatch, expectedVersion?: number, reason?: string): Outcome {
    return this.edit(
      actor,
      id,
      'resident.changed',
      async (ctx, row) => {
        const stored = fromRow(RESIDENT_COLUMNS, row);
        checkIdAgreesWith({ ...stored, ...patch });
        if (patch.idNumber !== undefined && patch.idNumber !== stored.idNumber) {
          await refuseKnownIdNumbers(ctx.residents, [{ field: 'idNumber', idNumber: patch.idNumber }]);
        }
        // A number added where there was none (a newborn's, issued by the police) corrects nothing.
        const added = !stored.idNumber && !!patch.idNumber;
        const corrected = IDENTITY_FIELDS.some(
          (f) => patch[f] !== undefined && patch[f] !== stored[f] && !(f === 'idNumber' && added),
        );
        if (added && !corrected) ctx.kind = 'resident.id-number-added';
        if (corrected) {
          ctx.reason = reason?.trim() || null;
          if (!ctx.reason) {
            throw RecordError.invalid([
              { field: 'reason', message: '更正姓名、身份证号等身份信息须填写更正原因' },
            ]);
          }
          ctx.kind = 'resident.identity-corrected';
        }
        return patch;
      },
      expectedVersion,
    );
  }

  recordDeath(actor: Actor, id: string, date: string): Outcome {
    return this.edit(actor, id, 'resident.died', async (ctx, row) => {
      if (row.life_status === 'deceased')
        throw RecordError.invalid([{ field: 'date', message: '该居民已登记死亡' }]);
      await leaveHousehold(ctx, String(row.id), date, 'deceased');
      return { lifeStatus: 'deceased', deathDate: date };
    });
  }

  moveOut(actor: Actor, id: string, date: string): Outcome {
    return this.edit(actor, id, 'resident.moved-out', async (ctx, row) => {
      if (row.residence_status === 'moved_out')
        throw RecordError.invalid([{ field: 'date', message: '该居民已迁出' }]);
      await leaveHousehold(ctx, String(row.id), date, 'moved_out');
      return { residenceStatus: 'moved_out', movedOutOn: date };
    });
  }

  changeAddress(actor: Actor, id: string, address: AddressInput): Outcome {
    return this.edit(actor, id, 'resident.address-changed', async (ctx, row) => {
      const addressId = await upsertAddress(ctx, String(row.community_code), address);
      return { currentAddressId: addressId };
    });
  }

  /** Marriage, divorce or widowhood: the status of the person (and of the spouse, if recorded here). */
  recordMarriage(actor: Actor, id: string, maritalStatus: string, spouseId?: string): Outcome {
    return this.edit(actor, id, 'resident.marital-status-changed', async (ctx) => {
      if (spouseId) {
        if (spouseId === id) throw RecordError.invalid([{ field: 'spouseId', message: '配偶不能是本人' }]);
        const spouse = await ctx.lockResident(spouseId);
        await ctx.updateResident(spouse, { maritalStatus });
      }
      return { maritalStatus };
    });
  }

  startTag(actor: Actor, id: string, tag: TagInput): Outcome {
    return this.edit(actor, id, `resident.tag-started.${tag.kind}`, (_ctx, row) => {
      requireTagPermission(actor, tag.kind);
      return Promise.resolve(tagFields(tag, row));
    });
  }

  endTag(actor: Actor, id: string, kind: TagKind): Outcome {
    return this.edit(actor, id, `resident.tag-ended.${kind}`, (_ctx, row) => {
      requireTagPermission(actor, kind);
      if (kind === 'corrections') {
        if (!row.corrections_type)
          throw RecordError.invalid([{ field: 'kind', message: '该居民没有社区矫正记录' }]);
        return Promise.resolve({
          correctionsEnd:
            row.corrections_end && String(row.corrections_end) < today()
              ? String(row.corrections_end)
              : today(),
        });
      }
      return Promise.resolve(clearedTag(kind));
    });
  }

  private edit(
    actor: Actor,
    id: string,
    kind: string,
    decide: (
      ctx: ChangeContext,
      row: Record<string, unknown>,
    ) => Promise<Partial<ResidentFields> | ResidentPatch>,
    expectedVersion?: number,
  ): Outcome {
    return this.writer.run(actor, kind, 'community', async (ctx) => {
      if (!canWrite(actor)) throw new RecordError('forbidden', '运维人员不能修改居民信息');
      const row = await ctx.lockResident(id, expectedVersion);
      const patch = await decide(ctx, row);
      await ctx.updateResident(row, patch);
      const touched = ctx.subjects.find((s) => s.type === 'resident' && s.id === id);
      return { version: touched?.version ?? Number(row.version) };
    });
  }
}

/** The ID number, birth date and gender must tell the same story after the change. */
function checkIdAgreesWith(merged: Partial<ResidentFields>): void {
  if (!merged.idNumber) return;
  const parsed = parseCitizenId(merged.idNumber);
  if (!parsed.ok) throw RecordError.invalid([{ field: 'idNumber', message: parsed.message }]);
  const problems = citizenIdConsistency(parsed.id, {
    birthDate: merged.birthDate ?? undefined,
    gender: merged.gender ?? undefined,
  });
  if (problems.length > 0) throw RecordError.invalid(problems);
}

function requireTagPermission(actor: Actor, kind: TagKind): void {
  if (kind === 'corrections' && !canSeeCorrections(actor)) {
    throw new RecordError('forbidden', '您没有社区矫正信息的权限');
  }
}

function tagFields(tag: TagInput, row: Record<string, unknown>): Partial<ResidentFields> {
  switch (tag.kind) {
    case 'disability': {
      const idNumber = row.id_number ? String(row.id_number) : '';
      const { type, grade } = tag.value;
      const problem = disabilityCertificateProblem(idNumber, tag.value);
      if (problem) throw RecordError.invalid([{ field: 'certificateNo', message: problem }]);
      return {
        disabilityType: type,
        disabilityGrade: grade,
        disabilityCertificateNo: tag.value.certificateNo ?? (idNumber ? `${idNumber}${type}${grade}` : null),
      };
    }
    case 'corrections':
      return {
        correctionsType: tag.value.type,
        correctionsStart: tag.value.start,
        correctionsEnd: tag.value.end,
      };
    case 'living':
      return { livingStatus: tag.value.status };
    case 'employment':
      return { employmentStatus: tag.value.status };
    case 'pension':
      return { pensionStatus: tag.value.status };
  }
}

function clearedTag(kind: Exclude<TagKind, 'corrections'>): Partial<ResidentFields> {
  switch (kind) {
    case 'disability':
      return { disabilityType: null, disabilityGrade: null, disabilityCertificateNo: null };
    case 'living':
      return { livingStatus: null };
    case 'employment':
      return { employmentStatus: null };
    case 'pension':
      return { pensionStatus: null };
  }
}
