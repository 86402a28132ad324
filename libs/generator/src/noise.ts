/**
 * How messy each department's copy is. Every rate is a probability per record (or per eligible
 * record, as noted); the defaults are a few per cent, as the departments' quirks describe.
 * `scale` multiplies them all (0 gives clean copies: only what a system cannot store differs).
 */
export interface NoiseRates {
  /** A given-name character replaced by a homophone (张伟 → 张玮); every system but the police. */
  homophone: number;
  /** The name in traditional characters. */
  traditional: number;
  /** A space after the surname; public-health (its quirk) uses three times this rate. */
  nameSpace: number;
  /** Of dotted minority names: written with another dot (• ‧ ・ . or a space). */
  dotVariant: number;
  /** Of people registered before 1999 (born before 1982): police still holds the 15-digit number. */
  legacyIdPolice: number;
  /** Of elders: aging-services still holds the 15-digit number (records from before 2010). */
  legacyIdAging: number;
  /** An ID number with one mistyped digit (grid-governance, employment, civil-assistance members). */
  idTypo: number;
  /** employment: the ID number typed with full-width digits. */
  fullWidthId: number;
  /** employment: of numbers ending in X, typed with a lower-case x. */
  lowerX: number;
  /** public-health: of birth dates whose day is 12 or less, day and month swapped. */
  dateSwap: number;
  /** The address a person lived at before (written one of the three ways). */
  staleAddress: number;
  /** The current address written `3-2-501` or `3栋2单元501` rather than `3幢2单元501室`. */
  addressStyle: number;
  /** grid-governance: grid workers write flats all three ways; this share not the hub's way. */
  gridAddressStyle: number;
  /** A phone number the person no longer uses. */
  stalePhone: number;
  /** public-health: an archive opened without an ID number. */
  archiveWithoutId: number;
  /** grid-governance: of floating people, registered by name and phone only. */
  floatingWithoutId: number;
  /** grid-governance: a person registered a second time by another grid worker. */
  duplicateGrid: number;
  /** public-health and employment: a second record of the same person. */
  duplicateOther: number;
  /** Of babies without an ID number: filed under the mother's number (grid, civil-assistance). */
  motherId: number;
  /** civil-assistance: of children under 16, no idCard on the member entry. */
  childWithoutId: number;
  /** civil-assistance: `儿子` for `子`, `妻子` for `配偶`, … */
  relationVariant: number;
  /** family-planning: the spouse's ID number is the person's own or mistyped. */
  spouseIdWrong: number;
  /** employment and social-insurance: of names with a character outside GBK, a homophone rather than `?`. */
  gbkHomophone: number;
}

export const DEFAULT_NOISE: Readonly<NoiseRates> = Object.freeze({
  homophone: 0.02,
  traditional: 0.01,
  nameSpace: 0.01,
  dotVariant: 0.5,
  legacyIdPolice: 0.05,
  legacyIdAging: 0.1,
  idTypo: 0.003,
  fullWidthId: 0.02,
  lowerX: 0.5,
  dateSwap: 0.03,
  staleAddress: 0.05,
  addressStyle: 0.3,
  gridAddressStyle: 0.5,
  stalePhone: 0.05,
  archiveWithoutId: 0.03,
  floatingWithoutId: 0.25,
  duplicateGrid: 0.02,
  duplicateOther: 0.005,
  motherId: 0.3,
  childWithoutId: 0.6,
  relationVariant: 0.3,
  spouseIdWrong: 0.03,
  gbkHomophone: 0.3,
});

export type NoiseOptions = Partial<NoiseRates> & { scale?: number };

/** Defaults, overridden per rate, then scaled; every rate clamped to [0, 1]. */
export function resolveNoise(options: NoiseOptions = {}): NoiseRates {
  const { scale = 1, ...overrides } = options;
  const rates = { ...DEFAULT_NOISE, ...overrides };
  for (const key of Object.keys(rates) as Array<keyof NoiseRates>) {
    const rate = rates[key];
    if (typeof rate !== 'number' || Number.isNaN(rate)) throw new RangeError(`noise ${key} must be a number`);
    rates[key] = Math.min(1, Math.max(0, rate * scale));
  }
  return rates;
}
