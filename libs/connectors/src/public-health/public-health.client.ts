import { ConnectorError, httpCall, type HttpResponse } from '../common';
import { issueKind } from './public-health.codes';
import type { FhirOperationOutcome, FhirPatient, PublicHealthOptions } from './public-health.types';

const FHIR_JSON = 'application/fhir+json';

/** Thrown by `update` when the version we read is no longer current (HTTP 412). */
export class StaleVersionError extends Error {}

/** A department refusal or failure, from its OperationOutcome when it sent one. */
export function outcomeError(res: HttpResponse): ConnectorError {
  let outcome: FhirOperationOutcome | undefined;
  try {
    const body = res.json<FhirOperationOutcome>();
    if (body?.resourceType === 'OperationOutcome') outcome = body;
  } catch {
    // not JSON: fall through to the status line
  }
  const issue = outcome?.issue?.[0];
  const message = issue?.diagnostics ?? issue?.details?.text ?? `HTTP ${res.status}`;
  const kind = issue ? issueKind(issue.code) : res.status === 403 ? 'auth' : 'refused';
  return new ConnectorError(kind, message, { status: res.status, departmentCode: issue?.code });
}

/**
 * A create refused as a duplicate names the archive the department already holds for the ID
 * number (`…（档案号 32040200000000148）`): kept on the error, so the hub updates that archive.
 */
function heldAs(error: ConnectorError): ConnectorError {
  const archive =
    error.details.departmentCode === 'duplicate' ? /档案号\s*(\d{17})/.exec(error.message)?.[1] : undefined;
  return archive
    ? new ConnectorError(error.kind, error.message, { ...error.details, heldAs: archive })
    : error;
}

/** The few FHIR interactions the connector needs, with bearer auth and FHIR JSON. */
export class PublicHealthClient {
  private readonly fhirBase: string;

  constructor(private readonly options: PublicHealthOptions) {
    this.fhirBase = `${options.baseUrl.replace(/\/+$/, '')}/fhir`;
  }

  async read(id: string): Promise<FhirPatient> {
    const res = await this.call('GET', `${this.fhirBase}/Patient/${encodeURIComponent(id)}`);
    if (res.status !== 200) throw outcomeError(res);
    return res.json<FhirPatient>();
  }

  /** POST a new Patient; the department assigns the archive number (body, else Location). */
  async create(patient: FhirPatient): Promise<string> {
    const res = await this.call('POST', `${this.fhirBase}/Patient`, patient);
    if (res.status !== 201 && res.status !== 200) throw heldAs(outcomeError(res));
    const id = this.idOf(res);
    if (!id) throw ConnectorError.temporary('public-health: created Patient without an id');
    return id;
  }

  async update(patient: FhirPatient & { id: string }, versionId: string | undefined): Promise<void> {
    const headers: Record<string, string> = versionId ? { 'if-match': `W/"${versionId}"` } : {};
    const url = `${this.fhirBase}/Patient/${encodeURIComponent(patient.id)}`;
    const res = await this.call('PUT', url, patient, headers);
    if (res.status === 412) throw new StaleVersionError();
    if (res.status !== 200 && res.status !== 201) throw outcomeError(res);
  }

  /** GET a search URL (absolute, or relative to the FHIR base as `next` links may be). */
  async search<T>(urlOrQuery: string): Promise<T> {
    const url = /^https?:/.test(urlOrQuery)
      ? urlOrQuery
      : new URL(urlOrQuery, `${this.fhirBase}/`).toString();
    const res = await this.call('GET', url);
    if (res.status !== 200) throw outcomeError(res);
    return res.json<T>();
  }

  private idOf(res: HttpResponse): string | undefined {
    try {
      const body = res.json<FhirPatient>();
      if (body?.id) return body.id;
    } catch {
      // an empty body is allowed by FHIR (Prefer: return=minimal); use Location then
    }
    const location = res.headers.get('location') ?? res.headers.get('content-location');
    return location ? /Patient\/([^/]+)/.exec(location)?.[1] : undefined;
  }

  private call(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<HttpResponse> {
    return httpCall({
      method,
      url,
      timeoutMs: this.options.timeoutMs,
      headers: {
        authorization: `Bearer ${this.options.token}`,
        accept: FHIR_JSON,
        ...(body === undefined ? {} : { 'content-type': FHIR_JSON }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
}
