/**
 * Who each system holds, on the reference day (the "covers" column of departments.md, read the
 * way the hub's connectors read it). `active` is a record the system still counts; `dead`, `moved`
 * and `ended` are records it has ended in its own way (police ZT, aging status, grid status, …).
 */
import { ageOn } from './calendar';
import type { Person } from './model';

export type Coverage = 'active' | 'dead' | 'moved' | 'ended' | null;

const hasCitizenId = (p: Person): boolean => p.idNumber !== null && p.registration !== 'overseas';
const ended = (p: Person): Coverage => (p.status === 'dead' ? 'dead' : 'moved');
const age = (p: Person, on: string): number => ageOn(p.birthDate, on);

/** Every registered and floating resident with a number; the dead and moved-out stay, ended. */
export const policeCoverage = (p: Person): Coverage =>
  hasCitizenId(p) ? (p.status === 'alive' ? 'active' : ended(p)) : null;

/** 60 or over; an elder who died at 60 or over stays as deceased. */
export function agingCoverage(p: Person, on: string): Coverage {
  if (!hasCitizenId(p)) return null;
  const at = p.status === 'dead' && p.deathDate ? p.deathDate : on;
  if (age(p, at) < 60) return null;
  return p.status === 'alive' ? 'active' : ended(p);
}

const isReproductiveWoman = (p: Person, on: string): boolean =>
  p.gender === '2' && p.status === 'alive' && age(p, on) >= 15 && age(p, on) <= 49;

/** Women 15-49, children under 7, and the husbands of such women (with a number each). */
export function familyPlanningCoverage(p: Person, on: string): Coverage {
  if (!hasCitizenId(p) || p.status !== 'alive') return null;
  if (age(p, on) < 7 || isReproductiveWoman(p, on)) return 'active';
  const wife = p.spouse;
  const married = !['10', '30', '40'].includes(p.marital);
  return wife && married && wife.idNumber && isReproductiveWoman(wife, on) ? 'active' : null;
}

/** Everyone has an archive, foreigners and babies without a number too; a death ends it. */
export const publicHealthCoverage = (p: Person): Coverage => (p.status === 'dead' ? 'dead' : 'active');

/** Working age (men 16-59, women 16-54), neither student nor retired. */
export function employmentCoverage(p: Person, on: string): Coverage {
  if (!hasCitizenId(p) || p.status !== 'alive') return null;
  const years = age(p, on);
  const working = years >= 16 && years <= (p.gender === '1' ? 59 : 54);
  return working && ['1', '2', '3'].includes(p.employment ?? '') ? 'active' : null;
}

/** 16 or over and not in the employee scheme. */
export function socialInsuranceCoverage(p: Person, on: string): Coverage {
  if (!hasCitizenId(p) || p.status !== 'alive') return null;
  return age(p, on) >= 16 && p.pension !== 'employee' && p.pension !== 'none' ? 'active' : null;
}

/** Certificate holders; a holder who died keeps the certificate, marked deceased. */
export function disabilityCoverage(p: Person): Coverage {
  if (!hasCitizenId(p) || !p.disability || p.status === 'moved') return null;
  return p.status === 'alive' ? 'active' : 'dead';
}

/** Under corrections on the day, or released within the year before (`ended`). */
export function justiceCoverage(p: Person, on: string): Coverage {
  if (!hasCitizenId(p) || !p.corrections || p.status !== 'alive') return null;
  return p.corrections.end >= on ? 'active' : 'ended';
}

/** Men 18-22 on 31 December of the registration year (the reference day's year). */
export function militiaCoverage(p: Person, on: string): Coverage {
  if (!hasCitizenId(p) || p.status !== 'alive' || p.gender !== '1') return null;
  const years = ageOn(p.birthDate, `${on.slice(0, 4)}-12-31`);
  return years >= 18 && years <= 22 ? 'active' : null;
}

/** Everyone living in a grid cell; the dead and the departed stay, marked. */
export const gridCoverage = (p: Person): Coverage => (p.status === 'alive' ? 'active' : ended(p));
