import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { differentIdMerges, exactIdBaseline, pairwiseMetrics, type SourcePerson } from '@hub/matching';
import type { DataSource } from 'typeorm';
import { MatchReviewRepository } from './match-review.repository';
import { SourceRecordRepository } from './source-record.repository';

export interface QualityFigures {
  sourceRecords: number;
  goldenRecords: number;
  /** Records with no line in the truth file (should be 0). */
  unknownRecords: number;
  precision: number;
  recall: number;
  f1: number;
  /** Clusters holding two different valid ID numbers (each extra number counts once). */
  differentValidIdMerges: number;
  reviewPairs: number;
  /** Pending review pairs per source record. */
  reviewShare: number;
  /** The same records clustered by exact ID number only. */
  baseline: { precision: number; recall: number; f1: number; goldenRecords: number };
}

/** The generator's truth file: `system/recordId` → the true person behind it. */
export async function readTruth(file: string): Promise<Map<string, string>> {
  const truth = new Map<string, string>();
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const { system, recordId, person } = JSON.parse(line) as {
      system: string;
      recordId: string;
      person: string;
    };
    truth.set(`${system}/${recordId}`, person);
  }
  return truth;
}

/** Pairwise quality of the resolution now in the database against the generator's truth. */
export async function measureQuality(db: DataSource, truth: Map<string, string>): Promise<QualityFigures> {
  const people: SourcePerson[] = [];
  const golden: string[] = [];
  for await (const batch of new SourceRecordRepository(db).readAll()) {
    for (const p of batch) {
      people.push(p);
      golden.push(p.goldenId ?? `none:${p.system}/${p.recordId}`);
    }
  }
  const labels = new Map<string, number>();
  const clusterOf = Int32Array.from(golden, (g) => {
    const label = labels.get(g) ?? labels.size;
    labels.set(g, label);
    return label;
  });
  let unknown = 0;
  const persons = people.map((p) => {
    const person = truth.get(`${p.system}/${p.recordId}`);
    if (person === undefined) unknown += 1;
    return person ?? `unknown:${p.system}/${p.recordId}`;
  });
  const model = pairwiseMetrics(clusterOf, persons);
  const baselineClusters = exactIdBaseline(people);
  const baseline = pairwiseMetrics(baselineClusters, persons);
  const pending = await new MatchReviewRepository(db).countPending();
  return {
    sourceRecords: people.length,
    goldenRecords: labels.size,
    unknownRecords: unknown,
    precision: model.precision,
    recall: model.recall,
    f1: model.f1,
    differentValidIdMerges: differentIdMerges(
      clusterOf,
      people.map((p) => (p.idValid ? p.idNumber : null)),
    ),
    reviewPairs: pending,
    reviewShare: people.length ? pending / people.length : 0,
    baseline: {
      precision: baseline.precision,
      recall: baseline.recall,
      f1: baseline.f1,
      goldenRecords: new Set(baselineClusters).size,
    },
  };
}
