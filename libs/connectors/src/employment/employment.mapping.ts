import { EMPLOYMENT_STATUS, isCode, normaliseCitizenId, type ResidentSnapshot } from '@hub/domain';
import {
  binaryGender,
  citizenIdForMatching,
  ConnectorError,
  unencodableInGbk,
  type InboundChange,
} from '../common';
import { fieldRefusal, nameRefusal, xbOf } from './employment.codes';
import type { EmploymentExportRow, EmploymentForm } from './employment.types';

/**
 * A resident as the save form takes it. `pxyx` (wants training) is never sent: the hub holds no
 * such fact and a guessed `0` would overwrite what the person told the job centre. Unknown
 * values are left out rather than sent empty, so they never clear the department's own.
 */
export function toEmploymentForm(subject: ResidentSnapshot): EmploymentForm {
  const form: EmploymentForm = {
    sfzhm: normaliseCitizenId(subject.idNumber ?? ''),
    xm: subject.name,
    xb: xbOf(binaryGender(subject.gender, subject.idNumber)),
    csrq: subject.birthDate,
  };
  if (subject.education) form.whcd = subject.education;
  if (subject.employmentStatus) form.jyzt = subject.employmentStatus;
  if (subject.phone) form.lxdh = subject.phone;
  if (subject.currentAddress) form.jtzz = subject.currentAddress.fullText;
  return form;
}

const LABELS: Record<keyof EmploymentForm, string> = {
  jyrybh: '人员编号',
  sfzhm: '身份证号码',
  xm: '姓名',
  xb: '性别',
  csrq: '出生日期',
  whcd: '文化程度',
  jyzt: '就业状态',
  lxdh: '联系电话',
  jtzz: '家庭住址',
};

/** The department's input rules, checked before sending (see employment.codes.ts). */
export function refusalOf(form: EmploymentForm): ConnectorError | undefined {
  if (!form.sfzhm) return ConnectorError.refused('身份证号码不能为空（未发送）');
  // The system takes no record without a status (it answers `1|就业状态代码不正确`), and the
  // hub will not guess one: staff record it first.
  if (!form.jyzt) return ConnectorError.refused('就业状态不能为空（未发送）');
  const nameProblem = nameRefusal(form.xm, unencodableInGbk(form.xm));
  if (nameProblem) return nameProblem;
  const field = (Object.keys(form) as Array<keyof EmploymentForm>).find(
    (key) => unencodableInGbk(form[key] ?? '').length > 0,
  );
  return field ? fieldRefusal(LABELS[field]) : undefined;
}

/**
 * A row of the export (`?since=` for changes) → what the department is authoritative for:
 * the employment status. Its ID numbers may hold full-width digits or a lower-case `x`.
 */
export function fromEmploymentRow(row: EmploymentExportRow, changedAt: string): InboundChange {
  const status = row['就业状态']?.trim();
  return {
    externalId: row['人员编号']?.trim() || null,
    idNumber: row['身份证号码'] ? citizenIdForMatching(row['身份证号码']) : null,
    fields: isCode(EMPLOYMENT_STATUS, status) ? { employmentStatus: status } : {},
    changedAt,
  };
}
