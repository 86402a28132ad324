import { Injectable } from '@nestjs/common';
import { maskCitizenId, maskName, parseCitizenId } from '@hub/domain';
import {
  classify,
  comparePeople,
  hardRule,
  normaliseDate,
  normaliseGender,
  normaliseIdNumber,
  normaliseName,
  normalisePhone,
  posterior,
  prepare,
  score,
  type SourcePerson,
} from '@hub/matching';
import { seesPersonalData, type Actor } from '@hub/record';
import { DataSource } from 'typeorm';
import { GoldenPersonRepository } from './golden-person.repository';
import { MatchModelRepository } from './match-model.repository';

/** What a community worker has typed so far for a new resident. */
export interface EntryCandidate {
  name?: string | null;
  idNumber?: string | null;
  birthDate?: string | null;
  gender?: string | null;
  phone?: string | null;
}

export interface PossibleDuplicate {
  goldenId: string;
  /** 'link': almost certainly the same person; 'review': looks like them. */
  likelihood: 'link' | 'review';
  probability: number;
  name: string | null;
  idNumber: string | null;
  communityCode: string | null;
}

const CANDIDATE_LIMIT = 50;

/**
 * The possible-duplicate warning at entry: the entered person is scored against the golden
 * records with the same model the import uses (its latest fitted weights and thresholds), so the
 * form warns exactly when a re-run of the resolution would link or propose the two.
 */
@Injectable()
export class DuplicateCheckService {
  private readonly models: MatchModelRepository;
  private readonly golden: GoldenPersonRepository;

  constructor(db: DataSource) {
    this.models = new MatchModelRepository(db);
    this.golden = new GoldenPersonRepository(db);
  }

  async check(entry: EntryCandidate, actor: Actor): Promise<PossibleDuplicate[]> {
    const id = normaliseIdNumber(entry.idNumber ?? null);
    // The form fills birth date and gender from the ID number; the check does the same.
    const parsed = id.valid && id.idNumber ? parseCitizenId(id.idNumber) : undefined;
    const derived = parsed?.ok ? parsed.id : undefined;
    const person: SourcePerson = {
      system: 'hub-entry',
      recordId: 'entry',
      idNumberRaw: entry.idNumber ?? null,
      idNumber: id.idNumber,
      idValid: id.valid,
      name: normaliseName(entry.name ?? null),
      gender: normaliseGender(entry.gender ?? null) ?? (derived?.gender as SourcePerson['gender']) ?? null,
      birthDate: normaliseDate(entry.birthDate ?? null) ?? derived?.birthDate ?? null,
      phone: normalisePhone(entry.phone ?? null),
      address: null,
      attributes: {},
    };
    if (!person.idNumber && !person.name) return [];
    const model = await this.models.latest();
    const candidates = await this.golden.candidates(person, CANDIDATE_LIMIT);
    const entered = prepare(person);
    const found: PossibleDuplicate[] = [];
    for (const row of candidates) {
      const other = prepare(row.person);
      if (hardRule(entered, other) === 'non-match') continue;
      const vector = comparePeople(entered, other);
      // Before any import has fitted a model, only the same ID number is evidence enough.
      const likelihood = model
        ? classify(score(model, vector), model.thresholds)
        : vector.id === 'equal'
          ? 'link'
          : 'non-match';
      if (likelihood === 'non-match') continue;
      const probability = model ? posterior(model, score(model, vector)) : 1;
      // Someone recorded in another community is named only masked: enough to recognise, not to read.
      const open =
        seesPersonalData(actor) && (actor.role === 'admin' || row.communityCode === actor.communityCode);
      found.push({
        goldenId: row.id,
        likelihood,
        probability: Math.round(probability * 1000) / 1000,
        name: row.person.name && !open ? maskName(row.person.name) : row.person.name,
        idNumber: row.person.idNumber && !open ? maskCitizenId(row.person.idNumber) : row.person.idNumber,
        communityCode: row.communityCode,
      });
    }
    return found.sort((a, b) => b.probability - a.probability).slice(0, 5);
  }
}
