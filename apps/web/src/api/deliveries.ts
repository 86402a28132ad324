import { api } from './client';

export type DeliveryStatus =
  'pending' | 'sent' | 'confirmed' | 'failed' | 'waiting' | 'not_relevant' | 'origin';

export interface SystemDelivery {
  system: string;
  name: string;
  status: DeliveryStatus;
  version: number | null;
  attempts: number | null;
  error: string | null;
  errorKind: string | null;
  paused: boolean;
  /** For a refusal: what to do, and the resident page's form that does it. */
  fix: { hint: string; action: string | null } | null;
  updatedAt: string | null;
}

export interface ResidentDeliveries {
  subject: unknown;
  systems: SystemDelivery[];
}

export interface HouseholdDeliveries {
  household: { systems: SystemDelivery[] } & Record<string, unknown>;
  members: Array<{ residentId: string; name: string; systems: SystemDelivery[] }>;
}

export const deliveriesApi = {
  resident: (id: string, signal?: AbortSignal) =>
    api.get<ResidentDeliveries>(`/residents/${id}/deliveries`, undefined, signal),
  household: (id: string, signal?: AbortSignal) =>
    api.get<HouseholdDeliveries>(`/households/${id}/deliveries`, undefined, signal),
};
