import type { SessionUser } from '../auth/session-store';
import { api } from './client';

export interface CodeEntry {
  code: string;
  name: string;
}
export type CodeTables = Record<string, CodeEntry[]>;

export interface Community {
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
  districtCode: string;
  districtName: string;
  grids: CodeEntry[];
}

export interface ResidentSummary {
  id: string;
  version: number;
  idNumber: string | null;
  name: string;
  gender: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  age: number | null;
  communityCode: string;
  communityName: string | null;
  registrationType: string;
  lifeStatus: string;
  deathDate: string | null;
  residenceStatus: string;
  movedOutOn: string | null;
  household: { id: string; relation: string } | null;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  version: number;
  changeKind: string;
  source: string;
  changedAt: string;
  changedBy: string | null;
  changedByName: string | null;
  /** Why, in the worker's words (a correction of identity). */
  reason: string | null;
  changes: FieldChange[];
}

export interface ResidentDetail extends ResidentSummary {
  phone: string | null;
  registeredAddress: string | null;
  currentAddress: { id: string; text: string | null; gridCode: string | null } | null;
  maritalStatus: string | null;
  education: string | null;
  politicalStatus: string | null;
  updatedAt: string;
  livingStatus?: string | null;
  employmentStatus?: string | null;
  pensionStatus?: string | null;
  disability?: { type: string; grade: string; certificateNo: string | null } | null;
  corrections?: { type: string; start: string; end: string } | null;
  /** A pair of its department records waits in the review queue (疑似重复). */
  suspectedDuplicate?: boolean;
  /** Opened by the address of a resident merged into this one. */
  mergedFrom?: string;
  history: HistoryEntry[];
}

export interface HouseholdDetail {
  id: string;
  version: number;
  householdNo: string | null;
  type: string;
  status: string;
  communityCode: string;
  communityName: string;
  address: { id: string; text: string | null; gridCode: string | null };
  headResidentId: string | null;
  assistance: { type: string; amount: string; approvedOn: string } | null;
  members: ResidentDetail[];
  history: HistoryEntry[];
}

export interface SavedChange {
  id: string;
  version?: number;
  eventId: string;
}

export interface RegisteredHousehold extends SavedChange {
  members: Array<{ id: string; version: number }>;
}

export interface PossibleDuplicate {
  goldenId: string;
  likelihood: 'link' | 'review';
  probability: number;
  name: string | null;
  idNumber: string | null;
  communityCode: string | null;
}

/** The resident list's search and filters, as the API takes them (absent = no filter). */
export type ResidentQuery = {
  q?: string;
  page: number;
  size: number;
  includeInactive?: 'true';
  ageMin?: string;
  ageMax?: string;
  registrationType?: string;
  tags?: string;
  grid?: string;
  sort?: string;
};

export const recordsApi = {
  login: (username: string, password: string) =>
    api.post<{ token: string; user: SessionUser }>('/auth/login', { username, password }),
  /** Forgets the login cookie Bull Board uses; the token itself is dropped by the client. */
  logout: () => api.post<unknown>('/auth/logout'),
  codes: () => api.get<CodeTables>('/codes'),
  communities: () => api.get<Community[]>('/communities'),
  search: (query: ResidentQuery, signal?: AbortSignal) =>
    api.get<{ total: number; items: ResidentSummary[] }>('/residents', query, signal),
  resident: (id: string) => api.get<ResidentDetail>(`/residents/${id}`),
  household: (id: string) => api.get<HouseholdDetail>(`/households/${id}`),
  registerHousehold: (body: unknown) => api.post<RegisteredHousehold>('/households', body),
  addMember: (householdId: string, body: unknown, birth: boolean) =>
    api.post<SavedChange>(`/households/${householdId}/${birth ? 'births' : 'members'}`, body),
  moveHouseholdOut: (householdId: string, body: unknown) =>
    api.post<SavedChange>(`/households/${householdId}/move-out`, body),
  splitHousehold: (householdId: string, body: unknown) =>
    api.post<{ id: string; from: string }>(`/households/${householdId}/split`, body),
  mergeHousehold: (householdId: string, body: unknown) =>
    api.post<SavedChange>(`/households/${householdId}/merge`, body),
  changeHead: (householdId: string, body: unknown) =>
    api.put<SavedChange>(`/households/${householdId}/head`, body),
  setAssistance: (householdId: string, body: unknown) =>
    api.put<SavedChange>(`/households/${householdId}/assistance`, body),
  endAssistance: (householdId: string) => api.delete<SavedChange>(`/households/${householdId}/assistance`),
  change: (residentId: string, body: unknown) => api.patch<SavedChange>(`/residents/${residentId}`, body),
  lifeEvent: (residentId: string, event: 'death' | 'move-out' | 'address' | 'marriage', body: unknown) =>
    api.post<SavedChange>(`/residents/${residentId}/${event}`, body),
  startTag: (residentId: string, kind: string, body: unknown) =>
    api.put<SavedChange>(`/residents/${residentId}/tags/${kind}`, body),
  endTag: (residentId: string, kind: string) =>
    api.delete<SavedChange>(`/residents/${residentId}/tags/${kind}`),
  duplicateCheck: (body: Record<string, string | undefined>) =>
    api.post<{ matches: PossibleDuplicate[] }>('/duplicate-check', body),
};
