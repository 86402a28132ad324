/**
 * GB/T 4761 relation codes ⇄ the 民政局 system's eleven relation words, and its replies → our
 * error kinds. The department's words are coarse: in-laws, grandparents and great-grandchildren
 * have no word of their own and become 其他; group codes (40 grandchild, 50 parent, 70 sibling)
 * take the member's gender to pick the word.
 */
import { isCode, RELATION_TO_HEAD } from '@hub/domain';
import { ConnectorError, jsonRefusal, type HttpResponse } from '../common';
import type { CivilAssistanceType, CivilRelationWord } from './civil-assistance.types';

// prettier-ignore
export type RelationCode =
  | '01' | '02' | '10' | '11' | '12'
  | '20' | '21' | '22' | '23' | '24' | '25' | '26' | '27' | '28' | '29'
  | '30' | '31' | '32' | '33' | '34' | '35' | '36' | '37' | '38' | '39'
  | '40' | '41' | '42' | '43' | '44' | '45' | '46' | '47' | '48' | '49'
  | '50' | '51' | '52' | '53' | '54' | '55' | '56' | '57' | '58' | '59'
  | '60' | '61' | '62' | '63' | '64'
  | '70' | '71' | '72' | '73' | '74' | '75' | '76' | '77' | '78' | '79'
  | '80' | '97' | '99';

export const isRelationCode = (code: string): code is RelationCode => isCode(RELATION_TO_HEAD, code);

type Gender = 'male' | 'female' | null;

const byGender = (gender: Gender, male: CivilRelationWord, female: CivilRelationWord): CivilRelationWord =>
  gender === 'male' ? male : gender === 'female' ? female : '其他';

export function relationWord(code: RelationCode, gender: Gender): CivilRelationWord {
  switch (code) {
    case '01':
    case '02':
      return '户主';
    case '10':
    case '11':
    case '12':
      return '配偶';
    case '20':
    case '21':
    case '22':
    case '23':
    case '24':
    case '25':
    case '26':
    case '27':
    case '29':
      return '子';
    case '30':
    case '31':
    case '32':
    case '33':
    case '34':
    case '35':
    case '36':
    case '37':
    case '39':
      return '女';
    case '41':
    case '43':
      return '孙子';
    case '42':
    case '44':
      return '孙女';
    case '40':
    case '49':
      return byGender(gender, '孙子', '孙女');
    case '51':
    case '57':
      return '父亲';
    case '52':
    case '58':
      return '母亲';
    case '50':
    case '59':
      return byGender(gender, '父亲', '母亲');
    case '71':
    case '73':
      return '兄弟';
    case '75':
    case '77':
      return '姐妹';
    case '70':
    case '79':
      return byGender(gender, '兄弟', '姐妹');
    // In-laws (女婿, 儿媳, 公婆, 岳父母, 嫂, 姐夫, …), grandparents, great-grandchildren, others.
    case '28':
    case '38':
    case '45':
    case '46':
    case '47':
    case '48':
    case '53':
    case '54':
    case '55':
    case '56':
    case '60':
    case '61':
    case '62':
    case '63':
    case '64':
    case '72':
    case '74':
    case '76':
    case '78':
    case '80':
    case '97':
    case '99':
      return '其他';
  }
}

/**
 * The department's word (or one of its variants) → the GB/T 4761 code that says no more than the
 * word does: 兄弟 is the sibling group `70`, not 兄 or 弟. Unknown words are `80` 其他.
 */
export function relationCodeFromWord(word: string): RelationCode {
  switch (word.trim()) {
    case '户主':
    case '本人':
      return '02';
    case '配偶':
      return '10';
    case '夫':
    case '丈夫':
      return '11';
    case '妻':
    case '妻子':
      return '12';
    case '子':
    case '儿子':
      return '20';
    case '女':
    case '女儿':
      return '30';
    case '孙子':
      return '41';
    case '孙女':
      return '42';
    case '父亲':
      return '51';
    case '母亲':
      return '52';
    case '兄弟':
    case '姐妹':
      return '70';
    default:
      return '80';
  }
}

export function isAssistanceType(value: unknown): value is CivilAssistanceType {
  return value === 'dibao' || value === 'dibao_edge' || value === 'tekun';
}

/**
 * A reply that is not a success, as one of our error kinds (401, 429 and 5xx are classified by
 * httpCall before this). The spec lists no error codes of the department; what it refuses about
 * a household (bad ID number, unknown householdNo, duplicate head) is final and kept in its words.
 */
export function civilError(res: HttpResponse): ConnectorError {
  switch (res.status) {
    case 400:
    case 404:
    case 409:
    case 422:
      return jsonRefusal(res);
    case 403:
      return new ConnectorError('auth', 'app key not allowed', { status: 403 });
    default:
      return new ConnectorError('invalid', `unexpected HTTP ${res.status}`, { status: res.status });
  }
}
