/** What every system writer shares: the household-by-household contract and the run's settings. */
import { join } from 'node:path';
import { dayNumber, fromDayNumber, timeOn } from '../calendar';
import type { Household, Person } from '../model';
import type { NoiseRates } from '../noise';
import type { NoiseTag, TruthWriter } from '../output/truth';
import { Random } from '../random';
import { RecordNoise } from './record-noise';

export interface WriterContext {
  outDir: string;
  seed: number;
  /** `yyyy-MM-dd`: the day the seed files stand for. */
  reference: string;
  noise: NoiseRates;
  truth: TruthWriter;
}

/** One department's seed file, written while the city is generated. */
export interface SystemWriter {
  readonly slug: string;
  /** File name inside the output directory (`<slug>.<ext>`). */
  readonly file: string;
  household(household: Household): void;
  finish(): Promise<void>;
}

/** Serial numbers, the writer's random stream and the truth lines: the common part of a writer. */
export abstract class BaseWriter implements SystemWriter {
  protected readonly rng: Random;
  private readonly referenceDay: number;
  private serial = 0;

  constructor(
    readonly slug: string,
    readonly file: string,
    protected readonly ctx: WriterContext,
  ) {
    this.rng = new Random(ctx.seed, slug);
    this.referenceDay = dayNumber(ctx.reference);
  }

  abstract household(household: Household): void;
  abstract finish(): Promise<void>;

  protected get path(): string {
    return join(this.ctx.outDir, this.file);
  }

  protected nextSerial(): number {
    return ++this.serial;
  }

  protected noise(): RecordNoise {
    return new RecordNoise(this.rng, this.ctx.noise);
  }

  protected truth(recordId: string, person: Person, tags: readonly NoiseTag[]): void {
    this.ctx.truth.record(this.slug, recordId, person, tags);
  }

  /** A day in the last `years` years before the reference day (last change, approval, …). */
  protected pastDay(years: number): string {
    return fromDayNumber(this.referenceDay - this.rng.int(1, Math.round(years * 365)));
  }

  /** `yyyy-MM-dd HH:mm:ss` on such a day. */
  protected pastTime(years: number): string {
    return timeOn(this.pastDay(years), this.rng);
  }
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const genderWord = (p: Person): '男' | '女' => (p.gender === '1' ? '男' : '女');
