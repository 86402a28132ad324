import { api } from './client';

export interface ReviewSide {
  recordId: string;
  system: string;
  goldenId: string | null;
  name: string | null;
  idNumber: string | null;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  address: string | null;
}

export type EvidenceField = 'id' | 'name' | 'birthDate' | 'gender' | 'phone' | 'address';

export interface FieldEvidence {
  field: EvidenceField;
  level: string;
  weight: number;
  a: string | null;
  b: string | null;
}

export interface ReviewItem {
  id: string;
  score: number;
  status: string;
  communityCode: string | null;
  a: ReviewSide;
  b: ReviewSide;
  evidence: FieldEvidence[];
}

export interface GoldenRecord {
  id: string;
  status: string;
  idNumber: string | null;
  name: string | null;
  gender: string | null;
  birthDate: string | null;
  phone: string | null;
  address: unknown;
  attributes: Record<string, unknown>;
  communityCode: string | null;
  sources: Array<{ system: string; recordId: string }>;
  history: Array<{
    action: string;
    detail: unknown;
    actor: string | null;
    actorName?: string | null;
    at: string;
  }>;
}

export const reviewsApi = {
  pending: (offset: number, limit: number) =>
    api.get<{ total: number; items: ReviewItem[] }>('/reviews', { offset, limit }),
  merge: (id: string) => api.post<{ id: string; status: string; goldenId: string }>(`/reviews/${id}/merge`),
  keepApart: (id: string) => api.post<{ id: string; status: string }>(`/reviews/${id}/keep-apart`),
  golden: (id: string) => api.get<GoldenRecord>(`/golden/${id}`),
  unmerge: (id: string) => api.post<{ goldenIds: string[] }>(`/golden/${id}/unmerge`),
};
