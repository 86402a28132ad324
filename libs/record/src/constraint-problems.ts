import { RecordError } from './record-error';

/**
 * Two workers registering the same person at the same moment both pass the pre-check; the
 * unique index catches the second one, and it must read like the pre-check's answer.
 */
const CONSTRAINT_PROBLEMS: Record<string, { field: string; message: string }> = {
  uq_resident_id_number: { field: 'idNumber', message: '该公民身份号码已登记，请办理迁入，不要重复登记' },
  uq_household_no: { field: 'householdNo', message: '该户号已登记' },
  uq_member_current: { field: 'residentId', message: '该居民已是另一户的成员，请先办理迁出' },
};

export function translateConstraint(error: unknown): RecordError | undefined {
  const pgError = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = pgError.code ?? pgError.driverError?.code;
  const constraint = pgError.constraint ?? pgError.driverError?.constraint;
  if (code !== '23505' || !constraint) return undefined;
  const problem = CONSTRAINT_PROBLEMS[constraint];
  if (!problem) return undefined;
  return new RecordError('conflict', problem.message, [problem]);
}
