import { ETHNICITY, codeName, type ResidentSnapshot } from '@hub/domain';
import type { ConnectorErrorKind } from '../common';
import type { GridPersonType, GridSex } from './grid-governance.types';

/** GB/T 2261.1 → 男|女; the platform has no word for unknown, so none is sent. */
export function toGridSex(gender: string): GridSex | undefined {
  switch (gender) {
    case '1':
      return '男';
    case '2':
      return '女';
    default:
      return undefined;
  }
}

export function fromGridSex(sex: string | undefined): string | undefined {
  switch (sex) {
    case '男':
      return '1';
    case '女':
      return '2';
    case undefined:
    default:
      return undefined;
  }
}

export function toPersonType(type: ResidentSnapshot['registrationType']): GridPersonType {
  switch (type) {
    case 'registered':
      return '户籍';
    case 'floating':
      return '流动';
    case 'overseas':
      return '境外';
  }
}

export function fromPersonType(type: string | undefined): ResidentSnapshot['registrationType'] | undefined {
  switch (type) {
    case '户籍':
      return 'registered';
    case '流动':
      return 'floating';
    case '境外':
      return 'overseas';
    case undefined:
    default:
      return undefined;
  }
}

/** GB/T 3304 code → `汉族`; an unknown code is left out rather than guessed. */
export const toNation = (ethnicity: string): string | undefined => codeName(ETHNICITY, ethnicity);

export function fromNation(nation: string | undefined): string | undefined {
  if (!nation) return undefined;
  return Object.keys(ETHNICITY).find((code) => ETHNICITY[code] === nation);
}

/**
 * A refusal of a whole call, by the platform's `error.status` (Google-style API errors). A
 * malformed call is our bug; a per-item `reason` is always a business refusal (see the mapping).
 */
export function callErrorKind(status: string | undefined, httpStatus: number): ConnectorErrorKind {
  switch (status) {
    case 'INVALID_ARGUMENT':
    case 'OUT_OF_RANGE':
      return 'invalid';
    case 'UNAUTHENTICATED':
    case 'PERMISSION_DENIED':
      return 'auth';
    case 'RESOURCE_EXHAUSTED':
    case 'UNAVAILABLE':
    case 'DEADLINE_EXCEEDED':
    case 'ABORTED':
      return 'temporary';
    case undefined:
    default:
      return httpStatus === 403 ? 'auth' : 'refused';
  }
}
