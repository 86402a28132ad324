import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CONNECTORS, type ConnectorRegistry } from '@hub/delivery';
import { pinyinFull, pinyinInitials } from '@hub/domain';
import { DataSource } from 'typeorm';
import { HoldingCheck } from './holding-check';
import type { CheckedField } from './findings';
import { promotedPerson, type PromotedPerson } from './promoted-person';
import {
  PromotionReadRepository,
  PromotionWriteRepository,
  type Cluster,
  type ExistingResident,
  type PromotionCounts,
} from './promotion.repository';
import {
  FINDING_COLUMNS,
  LINK_COLUMNS,
  PERSON_COLUMNS,
  PromotionStagingRepository,
  SKIPPED_COLUMNS,
  type RowStream,
} from './promotion-staging.repository';
import { HouseholdAssemblyRepository } from './household-assembly.repository';

export interface PromotionProgress {
  /** Golden records read so far, and how many there are. */
  done: number;
  total: number;
  step: 'read' | 'households' | 'write' | 'holdings' | 'done';
}

export interface PromotionSummary extends PromotionCounts {
  goldenRecords: number;
  /** Golden records not promoted, by reason (no name, no birth date, no community …). */
  skippedBy: Record<string, number>;
  /** Departments holding a person their rule leaves out, or lacking one it covers (also findings). */
  disputes: number;
  seconds: { read: number; write: number; holdings: number; total: number };
}

/** Golden records per read: a chunk's records and rows are all that is held in memory. */
const CHUNK = 2_000;

/** Pinyin of the names seen recently: names repeat, and pinyin is the costliest part of a row. */
class PinyinCache {
  private readonly cache = new Map<string, [string, string]>();
  of(name: string): [string, string] {
    let hit = this.cache.get(name);
    if (!hit) {
      if (this.cache.size >= 50_000) this.cache.clear();
      hit = [pinyinFull(name), pinyinInitials(name)];
      this.cache.set(name, hit);
    }
    return hit;
  }
}

/**
 * Go-live: the resolved golden records become the unified record's residents and households,
 * each department record is linked with the version the department holds, and where departments
 * disagree a finding goes on the community's worklist. Repeatable: a second run keeps every id,
 * adds only newcomers and sends nothing.
 */
@Injectable()
export class PromotionService {
  private readonly read: PromotionReadRepository;
  private readonly staging: PromotionStagingRepository;

  constructor(
    private readonly db: DataSource,
    @Inject(CONNECTORS) private readonly connectors: ConnectorRegistry,
  ) {
    this.read = new PromotionReadRepository(db);
    this.staging = new PromotionStagingRepository(db);
  }

  /** Which unified-record fields each system's records state (its export reader says). */
  private carried(): (system: string) => ReadonlySet<CheckedField> {
    const bySystem = new Map<string, ReadonlySet<CheckedField>>();
    for (const connector of this.connectors.values()) {
      if (!connector.exportReader) continue;
      // Every system that holds persons says whether it still counts them (its `active`).
      const fields = [...Object.values(connector.exportReader.fields), 'status'] as CheckedField[];
      bySystem.set(connector.slug, new Set(fields));
    }
    const none: ReadonlySet<CheckedField> = new Set();
    return (system) => bySystem.get(system) ?? none;
  }

  async promote(
    actor = 'import',
    onProgress?: (progress: PromotionProgress) => Promise<void> | void,
  ): Promise<PromotionSummary> {
    const ran = await this.read.alone(() => this.run(actor, onProgress));
    if (!ran.alone) throw new Error('另一次转入正在进行，请等待其完成');
    return ran.result;
  }

  private async run(
    actor: string,
    onProgress?: (progress: PromotionProgress) => Promise<void> | void,
  ): Promise<PromotionSummary> {
    const started = Date.now();
    // The import leaves these tables far from their last statistics: reads planned on stale
    // ones scan every record for each chunk.
    await new PromotionWriteRepository(this.db.manager).refreshStatistics(['golden_person', 'source_record']);
    const total = await this.read.activeGoldenCount();
    await this.staging.create();
    const goldenRecords = await this.stage(total, onProgress);
    const readSeconds = (Date.now() - started) / 1000;
    await this.staging.index();
    await onProgress?.({ done: goldenRecords, total, step: 'households' });
    // Run from the command line the actor is 'import'; from the console, the user who started it.
    const actorId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(actor)
      ? actor
      : null;
    const counts = await this.db.transaction(async (tx) => {
      await new PromotionWriteRepository(tx).roomForSets();
      const assembly = new HouseholdAssemblyRepository(tx);
      await assembly.assignKeys();
      await assembly.build();
      const write = new PromotionWriteRepository(tx);
      // Each step reads what the one before wrote: planned against fresh counts, not empty tables.
      await write.refreshStatistics(['promote_person', 'promote_household', 'promote_grid']);
      await write.placeByEstate();
      await onProgress?.({ done: goldenRecords, total, step: 'write' });
      const addresses = await write.writeAddresses();
      await write.settleResidents();
      await write.adopt();
      const residents = await write.writeResidents(actorId);
      await write.refreshStatistics(['resident', 'address']);
      const { households, memberships } = await write.writeHouseholds(actorId);
      const { links, householdLinks } = await write.writeLinks();
      const findings = await write.writeFindings();
      await write.placeReviews();
      const skipped = await write.skippedCount();
      const result: PromotionCounts = {
        residents,
        households,
        memberships,
        addresses,
        links,
        householdLinks,
        findings,
        skipped,
      };
      await write.audit(actorId, result);
      return result;
    });
    await new PromotionWriteRepository(this.db.manager).refreshStatistics([
      'resident',
      'household',
      'household_member',
      'address',
      'system_link',
      'data_finding',
    ]);
    await onProgress?.({ done: goldenRecords, total, step: 'holdings' });
    const holders = [...this.connectors.values()].filter((c) => c.exportReader);
    const checkStarted = Date.now();
    const disputes = await new HoldingCheck(this.db, holders).run();
    const holdingSeconds = (Date.now() - checkStarted) / 1000;
    const skippedBy = await this.staging.skippedBy();
    await this.staging.drop();
    await onProgress?.({ done: goldenRecords, total, step: 'done' });
    const seconds = (Date.now() - started) / 1000;
    return {
      goldenRecords,
      ...counts,
      findings: counts.findings + disputes,
      disputes,
      skippedBy,
      seconds: {
        read: readSeconds,
        write: seconds - readSeconds - holdingSeconds,
        holdings: holdingSeconds,
        total: seconds,
      },
    };
  }

  /** Streams the golden records, chunk by chunk, into the working tables. */
  private async stage(
    total: number,
    onProgress?: (progress: PromotionProgress) => Promise<void> | void,
  ): Promise<number> {
    const carried = this.carried();
    const rosters = await this.read.rosters();
    const pinyin = new PinyinCache();
    const streams = {
      persons: await this.staging.open('promote_person', PERSON_COLUMNS),
      links: await this.staging.open('promote_link', LINK_COLUMNS),
      findings: await this.staging.open('promote_finding', FINDING_COLUMNS),
      skipped: await this.staging.open('promote_skipped', SKIPPED_COLUMNS),
    };
    let done = 0;
    try {
      // The next chunk is read while this one is turned into rows: the database and node overlap.
      let reading = this.read.clusters('00000000-0000-0000-0000-000000000000', CHUNK);
      for (;;) {
        const { clusters, next } = await reading;
        if (next === null) break;
        reading = this.read.clusters(next, CHUNK);
        // Settled by the loop's next await; a rejection before then must not go unhandled.
        reading.catch(() => undefined);
        const promotions = clusters.map((c) => ({
          cluster: c,
          promotion: promotedPerson(c.goldenId, c.records, carried, rosters),
        }));
        const people = promotions.flatMap((p) => (p.promotion.ok ? [p.promotion.person] : []));
        const known = await this.read.residents(
          [...clusters.flatMap((c) => [c.goldenId, ...c.records.map((r) => r.residentId ?? c.goldenId)])],
          people.flatMap((p) => (p.fields.idNumber ? [p.fields.idNumber] : [])),
        );
        const assign = residentAssigner(known);
        for (const { cluster, promotion } of promotions) {
          done += 1;
          if (!promotion.ok) {
            if (!cluster.residentId) await streams.skipped.write([cluster.goldenId, promotion.reason]);
            continue;
          }
          const { residentId, isNew } = assign(cluster, promotion.person);
          await writePerson(streams, promotion.person, residentId, isNew, pinyin);
        }
        await onProgress?.({ done, total, step: 'read' });
      }
    } finally {
      for (const stream of Object.values(streams)) await stream.close();
    }
    return done;
  }
}

/**
 * The resident a golden record is: the one promoted from it; else the one most of its records
 * were promoted into, when that resident's own golden record is gone (merged or split); else
 * someone registered at the hub under its ID number; else a new resident, with the golden
 * record's id where that is free.
 */
function residentAssigner(known: readonly ExistingResident[]) {
  const byId = new Map(known.map((r) => [r.id, r]));
  const byIdNumber = new Map(known.filter((r) => r.idNumber).map((r) => [r.idNumber!, r]));
  const claimed = new Set<string>();
  const free = (r: ExistingResident | undefined): r is ExistingResident =>
    !!r && !claimed.has(r.id) && (!r.goldenId || !r.goldenActive);
  return (cluster: Cluster, person: PromotedPerson): { residentId: string; isNew: boolean } => {
    if (cluster.residentId) return { residentId: cluster.residentId, isNew: false };
    const votes = new Map<string, number>();
    for (const r of cluster.records)
      if (r.residentId) votes.set(r.residentId, (votes.get(r.residentId) ?? 0) + 1);
    const previous = [...votes.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([id]) => byId.get(id))
      .find(free);
    const registered = person.fields.idNumber ? byIdNumber.get(person.fields.idNumber) : undefined;
    const existing = previous ?? (free(registered) ? registered : undefined);
    if (existing) {
      claimed.add(existing.id);
      return { residentId: existing.id, isNew: false };
    }
    return { residentId: byId.has(cluster.goldenId) ? randomUUID() : cluster.goldenId, isNew: true };
  };
}

/**
 * The household a person living here is first given: their police 户号 (the strongest evidence).
 * Set as the row is staged, not by an update of every staged row afterwards; the rest of the
 * assembly is set-based (`HouseholdAssemblyRepository`).
 */
function policeHouseholdKey(p: PromotedPerson): string | null {
  const livesHere = p.fields.lifeStatus === 'alive' && p.fields.residenceStatus === 'present';
  return livesHere && p.evidence.policeHouseholdNo !== null ? `P${p.evidence.policeHouseholdNo}` : null;
}

async function writePerson(
  streams: Record<'persons' | 'links' | 'findings', RowStream>,
  p: PromotedPerson,
  residentId: string,
  isNew: boolean,
  pinyin: PinyinCache,
): Promise<void> {
  const f = p.fields;
  const [full, initials] = pinyin.of(f.name);
  const a = p.address;
  await streams.persons.write([
    p.goldenId,
    residentId,
    isNew,
    f.idNumber,
    f.name,
    full,
    initials,
    f.gender,
    f.ethnicity,
    f.birthDate,
    f.registeredAddress,
    f.phone,
    f.maritalStatus,
    f.education,
    f.politicalStatus,
    f.registrationType,
    f.lifeStatus,
    f.residenceStatus,
    f.disabilityType,
    f.disabilityGrade,
    f.disabilityCertificateNo,
    f.livingStatus,
    f.employmentStatus,
    f.pensionStatus,
    f.correctionsType,
    f.correctionsStart,
    f.correctionsEnd,
    p.provenance,
    a?.estate,
    a?.building,
    a?.unit,
    a?.room,
    p.communityCode,
    p.gridCode,
    p.evidence.policeHouseholdNo,
    p.evidence.policeRelation,
    p.evidence.civilHouseholdNo,
    p.evidence.civilRelation,
    p.assistance,
    policeHouseholdKey(p),
  ]);
  for (const link of p.links) {
    await streams.links.write([p.goldenId, link.system, link.externalId, link.present]);
  }
  if (!isNew) return;
  for (const finding of p.findings) {
    await streams.findings.write([
      p.goldenId,
      finding.field,
      finding.chosen,
      finding.chosenSource,
      finding.values,
      finding.reason,
    ]);
  }
}
