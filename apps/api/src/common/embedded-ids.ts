import { maskCitizenId, parseCitizenId } from '@hub/domain';

const CANDIDATE = /\d{17}[\dXx]|(?<!\d)\d{15}(?!\d)/g;

/**
 * Masks citizen ID numbers inside other text: departments build record ids from them (the
 * disability certificate is the ID number plus two digits) and quote them in error messages.
 * Only what parses as a real ID number is masked.
 */
export function maskEmbeddedIds(text: string): string {
  return text.replace(CANDIDATE, (found) => (parseCitizenId(found).ok ? maskCitizenId(found) : found));
}

/** Null stays null; text is masked unless the reader sees personal data. */
export const shownText = (text: string | null, personal: boolean): string | null =>
  text === null || personal ? text : maskEmbeddedIds(text);
