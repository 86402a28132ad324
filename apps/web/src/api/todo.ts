import { api } from './client';

/** Where on the resident's page a refusal is fixed (the action that opens the form). */
export type FixAction = 'details' | 'contact' | 'identity' | 'address' | 'tag-employment' | null;

export interface TodoDelivery {
  id: string;
  system: string;
  systemName: string;
  subject: { type: 'resident' | 'household'; id: string; name: string | null };
  message: string | null;
  since: string;
}

export interface TodoList {
  refused: Array<TodoDelivery & { fix: { hint: string; action: FixAction } }>;
  waiting: TodoDelivery[];
  reviews: number;
  findings: number;
}

export const todoApi = {
  list: (signal?: AbortSignal) => api.get<TodoList>('/todo', undefined, signal),
  resend: (id: string) => api.post<{ retried: number }>(`/todo/refused/${id}/resend`),
};
