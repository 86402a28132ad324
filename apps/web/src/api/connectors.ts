import { api } from './client';

export type ErrorKind = 'temporary' | 'auth' | 'refused' | 'invalid';

export interface ConnectorOverview {
  system: string;
  name: string;
  mode: 'online' | 'batch' | 'report';
  paused: boolean;
  ledger: Record<string, number>;
  oldestOpenAt: string | null;
  jobs: Partial<Record<'waiting' | 'active' | 'delayed' | 'prioritized' | 'paused', number>>;
  deliveriesLastMinute?: number;
  p95LatencyMs?: number | null;
  errorRate?: number | null;
  oldestOpenAgeSeconds?: number | null;
  down?: boolean;
}

export interface SystemMetrics {
  confirmed: number[];
  failed: number[];
  p95LatencyMs: Array<number | null>;
}

export interface ConnectorMetrics {
  range: 'hour' | 'day';
  bucketSeconds: number;
  buckets: string[];
  systems: Record<string, SystemMetrics>;
}

export interface FailedDelivery {
  id: string;
  subjectType: string;
  subjectId: string;
  version: number;
  attempts: number;
  errorKind: ErrorKind | null;
  lastError: string | null;
  updatedAt: string;
}

/** A row of the masked delivery search (ids, system, masked name and ID number, status, error). */
export type DeliveryRow = Record<string, unknown>;

export interface JobState {
  id: string;
  kind: string;
  state: 'waiting' | 'active' | 'completed' | 'failed';
  progress: { done: number; total: number } | null;
  result: unknown;
  error: string | null;
}

export interface ReconciliationDifference {
  kind: 'missing' | 'extra' | 'different' | 'duplicate';
  subjectType?: string;
  subjectId?: string;
  externalId?: string | null;
  idNumber?: string | null;
  fields?: Array<{ field: string; hub: unknown; department: unknown }>;
}

/** The latest reconciliation of one system (from the console or the nightly run). */
export interface ReconciliationRun {
  id: string;
  system: string;
  name: string;
  status: 'completed' | 'failed';
  repair: boolean;
  expected: number | null;
  held: number | null;
  missing: number | null;
  extra: number | null;
  different: number | null;
  duplicates: number | null;
  repaired: number | null;
  differences: ReconciliationDifference[] | null;
  error: string | null;
  jobId: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export const connectorsApi = {
  overview: () => api.get<ConnectorOverview[]>('/connectors'),
  metrics: (range: 'hour' | 'day') => api.get<ConnectorMetrics>('/connectors/metrics', { range }),
  failures: (system: string, errorKind?: ErrorKind) =>
    api.get<FailedDelivery[]>(`/connectors/${system}/failures`, { errorKind }),
  pause: (system: string) => api.post<{ system: string; paused: boolean }>(`/connectors/${system}/pause`),
  resume: (system: string) => api.post<{ system: string; paused: boolean }>(`/connectors/${system}/resume`),
  retry: (system: string, errorKind?: ErrorKind) =>
    api.post<{ retried: number }>(`/connectors/${system}/retry`, undefined, { errorKind }),
  /** Exact full ID number, exact name, or a department's record id; masked for IT operators. */
  searchDeliveries: (q: string, system?: string) =>
    api.get<DeliveryRow[]>('/connectors/deliveries', { q, system }),
  /** Starts (or joins the running) reconciliation; the answer is the job to follow. */
  reconcile: (system: string, repair: boolean) =>
    api.post<JobState>(`/connectors/${system}/reconcile`, undefined, { repair: repair ? 'true' : undefined }),
  job: (id: string) => api.get<JobState>(`/jobs/${id}`),
  /** Import every department's records and resolve them (runs in the worker). */
  importAll: () => api.post<JobState>('/jobs/import'),
  promote: () => api.post<JobState>('/jobs/promote'),
  reconciliations: () => api.get<ReconciliationRun[]>('/connectors/reconciliations'),
};
