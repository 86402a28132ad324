import { ConnectorError, EXPORT_TIMEOUT_MS, httpCall } from '../common';
import { uploadStatusKind } from './militia-conscription.codes';
import type { UploadReply } from './militia-conscription.types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface RosterTransport {
  baseUrl: string;
  username: string;
  password: string;
  timeoutMs?: number;
}

const basicAuth = ({ username, password }: RosterTransport): string =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

const messageOf = (body: string): string => {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; reason?: unknown };
    return String(parsed.message ?? parsed.reason ?? body);
  } catch {
    return body;
  }
};

/** `POST /byd/roster/upload`, multipart field `file`; the reply lists the rejected sheet rows. */
export async function uploadRoster(
  transport: RosterTransport,
  fileName: string,
  xlsx: Buffer,
): Promise<UploadReply> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(xlsx)], { type: XLSX_TYPE }), fileName);
  const res = await httpCall({
    method: 'POST',
    url: `${transport.baseUrl}/byd/roster/upload`,
    headers: { authorization: basicAuth(transport) },
    body: form,
    timeoutMs: transport.timeoutMs,
  });
  if (res.status !== 200 && res.status !== 201) {
    throw new ConnectorError(uploadStatusKind(res.status), messageOf(res.text()), { status: res.status });
  }
  const reply = res.json<Partial<UploadReply>>();
  return { accepted: Number(reply.accepted ?? 0), rejected: reply.rejected ?? [] };
}

/** `GET /byd/roster/export?year=` → the year's roster as XLSX. */
export async function exportRoster(transport: RosterTransport, year: number): Promise<Buffer> {
  const res = await httpCall({
    method: 'GET',
    url: `${transport.baseUrl}/byd/roster/export?year=${year}`,
    headers: { authorization: basicAuth(transport) },
    timeoutMs: EXPORT_TIMEOUT_MS,
  });
  if (res.status !== 200) {
    throw new ConnectorError(uploadStatusKind(res.status), messageOf(res.text()), { status: res.status });
  }
  return res.body;
}
