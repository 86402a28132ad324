import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { checkName, maskCitizenId, maskName, normaliseName, parseCitizenId } from '@hub/domain';
import { DEPARTMENT_SYSTEMS } from '@hub/infra';
import { seesPersonalData, type Actor } from '@hub/record';
import { AuditLogRepository } from '../common/audit-log.repository';
import { shownText } from '../common/embedded-ids';
import { DeliverySearchRepository, type DeliveryRow, type FoundResident } from './delivery-search.repository';

const SYSTEMS: string[] = DEPARTMENT_SYSTEMS.map((s) => s.slug);
const NAME_OF = new Map<string, string>(DEPARTMENT_SYSTEMS.map((s) => [s.slug, s.name]));

/** A ledger row as the search shows it: with the system's name. */
export interface DeliveryHit extends DeliveryRow {
  systemName: string;
}

/**
 * Finds deliveries by whom they concern — a resident's full ID number or exact name — or by the
 * department's own record id. Exact matches only: an operator looks up a case, not a population.
 * Every person looked up is audited; who does not see personal data gets names and IDs masked.
 */
@Injectable()
export class DeliverySearch {
  private readonly ledger: DeliverySearchRepository;
  private readonly audit: AuditLogRepository;

  constructor(db: DataSource) {
    this.ledger = new DeliverySearchRepository(db);
    this.audit = new AuditLogRepository(db);
  }

  async search(actor: Actor, q: string, system?: string): Promise<DeliveryHit[]> {
    const people = await this.people(q);
    const linked = await this.ledger.linkedSubjects(system ? [system] : SYSTEMS, q);
    const ids = [...new Set([...people.map((p) => p.id), ...linked])];
    if (ids.length === 0) return [];
    if (people.length > 0) await this.audit.deliverySearched(actor, people);
    const rows = await this.ledger.deliveriesOf(ids, system ?? null);
    const personal = seesPersonalData(actor);
    return rows.map((r) => ({
      ...r,
      systemName: NAME_OF.get(r.system) ?? r.system,
      name: r.name && (personal ? r.name : maskName(r.name)),
      idNumber: r.idNumber && (personal ? r.idNumber : maskCitizenId(r.idNumber)),
      externalId: shownText(r.externalId, personal),
      lastError: shownText(r.lastError, personal),
    }));
  }

  /** Residents with exactly this ID number (a valid one) or exactly this name. */
  private people(q: string): Promise<FoundResident[]> {
    const parsed = parseCitizenId(q);
    if (parsed.ok) return this.ledger.residentsByIdNumber(parsed.id.value);
    const name = normaliseName(q);
    if (checkName(name) !== undefined) return Promise.resolve([]);
    return this.ledger.residentsByName(name);
  }
}
