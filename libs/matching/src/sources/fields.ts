/**
 * Reading raw export records defensively (values arrive as strings, numbers, null, nested
 * objects or not at all) and building a normalised SourcePerson from what a system states.
 */
import { isCode, type CodeTable } from '@hub/domain';
import {
  nameHasPlaceholder,
  normaliseDate,
  normaliseGender,
  normaliseIdNumber,
  normaliseName,
  normalisePhone,
  parseAddress,
} from '../normalise';
import type { ParsedAddress, SourcePerson } from '../source-person';

export type RawRecord = Record<string, unknown>;
export type Attributes = Record<string, string | null>;

/** A value as trimmed text: '' for null, missing, objects and non-finite numbers. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export const textOrNull = (value: unknown): string | null => text(value) || null;

export const isRecord = (value: unknown): value is RawRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A code of the table, or null. Numeric codes are fixed-width: a spreadsheet's `1` is `01`. */
export function codeOrNull(table: CodeTable, value: unknown, width = 1): string | null {
  const raw = text(value).normalize('NFKC');
  const code = /^\d+$/.test(raw) ? raw.padStart(width, '0') : raw;
  return isCode(table, code) ? code : null;
}

/** The system's word or digit read through a small table; own keys only (`constructor` is no status). */
export function translated(table: Readonly<Record<string, string>>, value: unknown): string | null {
  const key = text(value);
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
}

/** The value when it is one of the words listed, else null (a word this code does not know). */
export function oneOf<T extends string>(value: unknown, words: readonly T[]): T | null {
  const raw = text(value);
  return (words as readonly string[]).includes(raw) ? (raw as T) : null;
}

/** What a system states about a person's identity and contact, in its own raw form. */
export interface StatedPerson {
  idNumber?: unknown;
  name?: unknown;
  gender?: unknown;
  birthDate?: unknown;
  phone?: unknown;
  /** Raw text, or an address already parsed (when the system gives more than text). */
  address?: unknown;
}

export function sourcePerson(
  system: string,
  recordId: string,
  stated: StatedPerson,
  attributes: Attributes = {},
): SourcePerson {
  const { idNumber, valid } = normaliseIdNumber(stated.idNumber);
  const withFlags = nameHasPlaceholder(stated.name) ? { ...attributes, nameIncomplete: 'true' } : attributes;
  return {
    system,
    recordId,
    idNumberRaw: textOrNull(stated.idNumber),
    idNumber,
    idValid: valid,
    name: normaliseName(stated.name),
    gender: normaliseGender(stated.gender),
    birthDate: normaliseDate(stated.birthDate),
    phone: normalisePhone(stated.phone),
    address: isParsedAddress(stated.address) ? stated.address : parseAddress(stated.address),
    attributes: withFlags,
  };
}

const isParsedAddress = (value: unknown): value is ParsedAddress =>
  isRecord(value) && typeof value.text === 'string' && 'estate' in value;
