import { citizenIdForMatching, type ExportReader } from '../common';
import type { FocusTag } from './grid-governance.types';

type Json = Record<string, unknown>;

/**
 * The tags `focusTagsOf` can derive, in its (the spec's) order. 留守儿童 and 退役军人 are set by
 * grid workers only; the hub never states them, so their presence is not a difference.
 */
const DERIVED_TAGS: FocusTag[] = ['独居老人', '空巢老人', '残疾人', '低保户'];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];

/** Full-width digits, letters and hyphens (typed with the IME in full-width mode) → ASCII. */
const halfWidth = (s: string): string =>
  s.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0D]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );

/**
 * A flat as the hub writes it (`3幢2单元501室`, see `CurrentAddress.text`). Grid workers also
 * write `3-2-501` or `3栋2单元501` (spec §11); those are the same flat, not a difference.
 */
export function hubFlatAddress(address: string): string {
  return halfWidth(address)
    .replace(/\s+/g, '')
    .replace(/[—–]/g, '-')
    .replace(/([0-9A-Za-z]+)(?:幢|栋|号楼|座)([0-9A-Za-z]+)单元([0-9A-Za-z]+)室?$/, '$1幢$2单元$3室')
    .replace(/(\d+)-(\d+)-(\d+)室?$/, '$1幢$2单元$3室')
    .replace(/([0-9A-Za-z]+)(?:幢|栋|号楼|座)([0-9A-Za-z]+)室?$/, '$1幢$2室');
}

/** exportAll yields persons (with `personId`) and houses (with `houseId`) from one stream. */
const isHouse = (record: Json): boolean => typeof record.houseId === 'string' && !('personId' in record);

const idNumberOf = (idNo: unknown): string | null => (text(idNo) ? citizenIdForMatching(text(idNo)) : null);

/**
 * `toGridPerson`'s shape minus what is not a fact about the person: the platform's `personId`,
 * and `status`, which `map()` always states as normal and `identify().active` already reports.
 * Empty phone and address are kept (empty): a phone the hub holds and the platform lacks is a
 * difference.
 */
function comparablePerson(record: Json): Json {
  const tags = new Set(ids(record.focusTags));
  const idNo = idNumberOf(record.idNo);
  return {
    gridCode: text(record.gridCode),
    name: text(record.name),
    idNo: idNo ?? '',
    sex: text(record.sex),
    birthday: text(record.birthday),
    nation: text(record.nation),
    phone: text(record.phone),
    houseAddress: hubFlatAddress(text(record.houseAddress)),
    personType: text(record.personType),
    focusTags: DERIVED_TAGS.filter((tag) => tags.has(tag)),
  };
}

/**
 * `toGridHouse`'s shape as `map()` shows it: grid cell and address. Head and members are the
 * platform's personIds, which `map()` cannot state (they come per call from the hub's id links),
 * so they are not compared here; nor is the platform's own `houseId`.
 */
function comparableHouse(record: Json): Json {
  return { gridCode: text(record.gridCode), address: hubFlatAddress(text(record.address)) };
}

/**
 * Reading the platform's export back (reconciliation); `subjectType` tells persons (residents)
 * from houses (households). A person is current while `status` is
 * normal (left and deceased stay listed). Houses have no status: a dissolved household is sent
 * with no head and no members, so a house with neither is ended.
 *
 * A house names its head by personId only; its `idNumber` (the head's) comes from the persons
 * this reader identified before it. exportAll lists every person before any house, so reading
 * the export in order resolves every head the platform lists; a head not seen gives null (match
 * the house by `houseId` then). Hence one reader per connector, not a shared constant.
 */
export function createGridExportReader(): ExportReader {
  const idNumberByPersonId = new Map<string, string | null>();
  return {
    fields: {
      gridCode: 'address',
      name: 'name',
      idNo: 'idNumber',
      sex: 'gender',
      birthday: 'birthDate',
      nation: 'ethnicity',
      phone: 'phone',
      houseAddress: 'address',
      personType: 'registrationType',
      focusTags: 'derived',
    },
    identify: (record) => {
      if (isHouse(record)) {
        const head = text(record.headPersonId);
        return {
          externalId: text(record.houseId) || null,
          idNumber: (head && idNumberByPersonId.get(head)) || null,
          active: head !== '' || ids(record.memberPersonIds).length > 0,
          subjectType: 'household',
        };
      }
      const personId = text(record.personId) || null;
      const idNumber = idNumberOf(record.idNo);
      if (personId) idNumberByPersonId.set(personId, idNumber);
      return {
        externalId: personId,
        idNumber,
        active: text(record.status) === 'normal',
        subjectType: 'resident',
      };
    },
    comparable: (record) => (isHouse(record) ? comparableHouse(record) : comparablePerson(record)),
  };
}
