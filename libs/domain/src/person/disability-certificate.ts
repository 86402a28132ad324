/**
 * The second-generation disability certificate number is the holder's 18-character ID number
 * followed by the type digit and the grade digit (GB/T 26341); anything else is a typing error.
 */
export function disabilityCertificateProblem(
  idNumber: string | null | undefined,
  disability: { type: string; grade: string; certificateNo?: string | null },
): string | undefined {
  const { certificateNo } = disability;
  if (!certificateNo || !idNumber) return undefined;
  return certificateNo === `${idNumber}${disability.type}${disability.grade}`
    ? undefined
    : '残疾人证号应为公民身份号码加残疾类别、残疾等级（第二代残疾人证共20位），请核对';
}
