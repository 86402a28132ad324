import type { ParsedAddress } from '@hub/matching';

/** A flat in the record's address model (`address` table): estate, building, unit, room. */
export interface AddressParts {
  estate: string;
  building: string;
  unit: string;
  room: string;
}

/** `朱家村3组15号`: a village house is a group (组) and a house number (号), not a building and room. */
const VILLAGE_HOUSE = /^(.+?村)(\d+)组(\d+)号$/;

/**
 * The record's address from a department's parsed address. A village house keeps its own marks
 * (`3组`, `15号`); a flat keeps bare numbers (rendered `3幢2单元501室`); what names no building
 * is kept as the estate alone, so nothing the department wrote is lost.
 */
export function addressParts(address: ParsedAddress): AddressParts | null {
  if (!address.estate) return null;
  if (address.building === null && address.room === null) {
    const village = VILLAGE_HOUSE.exec(address.estate);
    if (village)
      return { estate: village[1], building: `${village[2]}组`, unit: '', room: `${village[3]}号` };
  }
  return {
    estate: address.estate,
    building: address.building ?? '',
    unit: address.unit ?? '',
    room: address.room ?? '',
  };
}

/** The flat as one comparable key: departments' spellings of one flat give the same key. */
export const addressKey = (a: AddressParts | null): string | null =>
  a ? [a.estate, a.building, a.unit, a.room].join('|') : null;
