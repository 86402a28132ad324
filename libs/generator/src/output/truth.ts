/**
 * The ground truth beside the seed files: `truth.jsonl` names the true person behind every source
 * record (and the noise put into it), `people.jsonl` lists the true persons.
 */
import { join } from 'node:path';
import type { Person } from '../model';
import { FileSink } from './file-sink';

export const NOISE_TAGS = [
  ...['homophone', 'traditional', 'name-space', 'dot-variant', 'gbk-loss', 'gbk-homophone', 'name-truncated'],
  ...['legacy-id', 'id-typo', 'full-width-id', 'lower-x', 'mother-id', 'missing-id', 'date-swap'],
  ...['stale-address', 'address-style', 'stale-phone', 'duplicate', 'relation-variant'],
  ...['spouse-id-own', 'spouse-id-typo', 'revoked-card'],
] as const;
export type NoiseTag = (typeof NOISE_TAGS)[number];

/** Tags that mean the record's own ID number is not the person's number as it should be written. */
export const ID_NOISE: ReadonlySet<NoiseTag> = new Set([
  'legacy-id',
  'id-typo',
  'full-width-id',
  'lower-x',
  'mother-id',
  'missing-id',
]);

export interface TruthLine {
  system: string;
  /** The record id exactly as the importer reports it (libs/matching source-person.ts). */
  recordId: string;
  person: string;
  noise?: NoiseTag[];
}

export interface PersonLine {
  key: string;
  idNumber: string | null;
  name: string;
  gender: '1' | '2';
  birthDate: string;
  community: string;
  registration: Person['registration'];
  status: Person['status'];
  /** The household's serial (the same for every member) and the GB/T 4761 relation to its head. */
  household: number;
  relation: string;
}

export class TruthWriter {
  private readonly truth: FileSink;
  private readonly people: FileSink;
  readonly records: Record<string, number> = {};

  constructor(outDir: string) {
    this.truth = new FileSink(join(outDir, 'truth.jsonl'));
    this.people = new FileSink(join(outDir, 'people.jsonl'));
  }

  record(system: string, recordId: string, person: Person, noise: readonly NoiseTag[]): void {
    const line: TruthLine = { system, recordId, person: person.key };
    if (noise.length > 0) line.noise = [...noise];
    this.truth.write(`${JSON.stringify(line)}\n`);
    this.records[system] = (this.records[system] ?? 0) + 1;
  }

  person(p: Person): void {
    const line: PersonLine = {
      key: p.key,
      idNumber: p.idNumber,
      name: p.name,
      gender: p.gender,
      birthDate: p.birthDate,
      community: p.household.address.community.code,
      registration: p.registration,
      status: p.status,
      household: p.household.serial,
      relation: p.relation,
    };
    this.people.write(`${JSON.stringify(line)}\n`);
  }

  close(): void {
    this.truth.close();
    this.people.close();
  }
}
