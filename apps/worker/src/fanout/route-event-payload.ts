import type { RouteEventPayload } from '@hub/infra';
import { UnrecoverableError } from 'bullmq';

type Subject = RouteEventPayload['subjects'][number];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function isSubject(value: unknown): value is Subject {
  return (
    isRecord(value) &&
    (value.type === 'resident' || value.type === 'household') &&
    isNonEmptyString(value.id) &&
    Number.isInteger(value.version) &&
    (value.version as number) >= 1
  );
}

/**
 * A malformed payload is our bug, not a passing fault: retrying cannot fix it, so it fails
 * for good and stays visible in the failed set.
 */
export function parseRouteEventPayload(data: unknown): RouteEventPayload {
  const invalid = (why: string) => new UnrecoverableError(`invalid route-event payload: ${why}`);
  if (!isRecord(data)) throw invalid('not an object');
  const { eventId, kind, source, subjects, correlationId } = data;
  if (typeof eventId !== 'string' || !/^[1-9]\d*$/.test(eventId)) throw invalid('eventId');
  if (!isNonEmptyString(kind)) throw invalid('kind');
  if (!isNonEmptyString(source)) throw invalid('source');
  if (!Array.isArray(subjects) || subjects.length === 0 || !subjects.every(isSubject))
    throw invalid('subjects');
  if (correlationId !== undefined && typeof correlationId !== 'string') throw invalid('correlationId');
  return { eventId, kind, source, subjects, ...(correlationId !== undefined ? { correlationId } : {}) };
}
