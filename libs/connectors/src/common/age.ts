import { ageOn } from '@hub/domain';

/** Whole years on the given day (the spec: ages are taken on the day of the change). */
export const ageAt = (birthDate: string, on: Date): number => ageOn(birthDate, on);
