import { normaliseCitizenId } from '@hub/domain';
import { ConnectorError, type BatchItemResult } from '../common';
import { isRowSuccess } from './social-insurance.codes';
import type { InsuranceResultRow } from './social-insurance.types';

export interface SentRow {
  /** Position of the item in the hub's pushBatch call. */
  item: number;
  idNumber: string;
  personNo: string | null;
}

/**
 * Which sent row a result line answers. 行号 is read as the data row number (1 = the first row
 * after the header) and checked against the ID number; if it does not agree, the header-counted
 * reading (2 = first row) is tried, then the ID number alone, so neither reading loses a result.
 */
function rowOf(result: InsuranceResultRow, sent: SentRow[]): SentRow | undefined {
  const id = normaliseCitizenId(result.公民身份号码 ?? '');
  const lineNo = Number(result.行号);
  const candidates = [sent[lineNo - 1], sent[lineNo - 2]];
  return (
    candidates.find((row) => row && (!id || row.idNumber === id)) ?? sent.find((row) => row.idNumber === id)
  );
}

/** Each sent row's outcome: its 个人编号 on success, the department's 原因 as a final refusal. */
export function resultsBySentRow(
  sent: SentRow[],
  results: InsuranceResultRow[],
): Map<number, BatchItemResult> {
  const outcomes = new Map<number, BatchItemResult>();
  for (const result of results) {
    const row = rowOf(result, sent);
    if (!row || outcomes.has(row.item)) continue;
    outcomes.set(
      row.item,
      isRowSuccess(result.处理结果)
        ? { ok: true, externalId: result.个人编号?.trim() || row.personNo }
        : {
            ok: false,
            error: ConnectorError.refused(result.原因?.trim() || result.处理结果, {
              departmentCode: result.处理结果,
            }),
          },
    );
  }
  for (const row of sent) {
    if (!outcomes.has(row.item)) {
      outcomes.set(row.item, {
        ok: false,
        error: ConnectorError.temporary('social-insurance: no result for this row'),
      });
    }
  }
  return outcomes;
}
