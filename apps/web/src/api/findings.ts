import { api } from './client';

export type FindingStatus = 'open' | 'confirmed' | 'corrected';

export interface Finding {
  id: string;
  subjectId: string;
  residentName: string;
  communityCode: string;
  field: string;
  chosenValue: string | null;
  chosenSource: string | null;
  departmentValues: Array<{ system: string; recordId: string; value: string | null }>;
  reason: string;
  status: FindingStatus;
  correctedValue: string | null;
  decidedAt: string | null;
  /** One value corrects it here; an address or a holding is changed on the resident's page. */
  correctable: boolean;
}

export interface FindingPage {
  total: number;
  items: Finding[];
  openByField: Record<string, number>;
}

export const findingsApi = {
  list: (query: { status: FindingStatus; field?: string; offset: number; limit: number }) =>
    api.get<FindingPage>('/findings', query),
  confirm: (id: string) => api.post<Finding>(`/findings/${id}/confirm`),
  correct: (id: string, value: string) => api.post<Finding>(`/findings/${id}/correct`, { value }),
};
