import { ConnectorError, type ConnectorErrorKind } from '../common';

type EducationCode = '10' | '11' | '14' | '20' | '30' | '40' | '41' | '44' | '47' | '60' | '70' | '80' | '90';

/**
 * GB/T 4658-2006 → the words of the department's template. They are the standard's names, except
 * `60` 普通高中, which the template calls `高中` (the spec's own example). An unknown education is
 * an empty cell.
 *
 * | code | word | code | word |
 * |------|------|------|------|
 * | 10 | 研究生 | 44 | 职业高中 |
 * | 11 | 博士 | 47 | 技工学校 |
 * | 14 | 硕士 | 60 | 高中 |
 * | 20 | 大学本科 | 70 | 初中 |
 * | 30 | 大学专科 | 80 | 小学 |
 * | 40 | 中等职业教育 | 90 | 其他 |
 * | 41 | 中专 | | |
 */
export function educationWord(code: string | null): string {
  if (code === null) return '';
  const known = code as EducationCode;
  switch (known) {
    case '10':
      return '研究生';
    case '11':
      return '博士';
    case '14':
      return '硕士';
    case '20':
      return '大学本科';
    case '30':
      return '大学专科';
    case '40':
      return '中等职业教育';
    case '41':
      return '中专';
    case '44':
      return '职业高中';
    case '47':
      return '技工学校';
    case '60':
      return '高中';
    case '70':
      return '初中';
    case '80':
      return '小学';
    case '90':
      return '其他';
    default:
      throw new ConnectorError('invalid', `education code ${code} is not in GB/T 4658`);
  }
}

type PoliticalCode = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13';

/**
 * GB/T 4762 → the template's words. The eight democratic parties (`04`–`11`) are one word,
 * `民主党派成员`, as codes.md groups them: the roster asks for a political status, not a party.
 */
export function politicalWord(code: string | null): string {
  if (code === null) return '';
  const known = code as PoliticalCode;
  switch (known) {
    case '01':
      return '中共党员';
    case '02':
      return '中共预备党员';
    case '03':
      return '共青团员';
    case '04':
    case '05':
    case '06':
    case '07':
    case '08':
    case '09':
    case '10':
    case '11':
      return '民主党派成员';
    case '12':
      return '无党派人士';
    case '13':
      return '群众';
    default:
      throw new ConnectorError('invalid', `political status code ${code} is not in GB/T 4762`);
  }
}

/**
 * A status the upload answered with, other than 200 (httpCall already made 5xx/429 temporary and
 * 401 auth): 403 is the login lacking the right (auth); a roster the department cannot read
 * (400/413/415/422) is our template's fault (invalid); anything else undocumented too.
 */
export function uploadStatusKind(status: number): ConnectorErrorKind {
  if (status === 403) return 'auth';
  if (status === 409) return 'refused';
  return 'invalid';
}
