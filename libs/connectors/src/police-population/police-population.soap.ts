import { createClientAsync, WSSecurity, type Client } from 'soap';
import { ConnectorError } from '../common';
import { policeError, SUCCESS_CODE } from './police-population.codes';
import type { PoliceReply } from './police-population.types';

interface SoapSettings {
  endpoint: string;
  username: string;
  password: string;
  timeoutMs: number;
  /** Minimum gap between two calls: the service allows 5 a second. */
  minIntervalMs: number;
}

type Operation = 'SaveRyxx' | 'ZxRyxx' | 'QueryRyxx' | 'QueryBgxx';

interface SoapFault {
  faultcode?: unknown;
  faultstring?: unknown;
}

/** A SOAP fault's `E…` code and text, e.g. `E429 请求过于频繁`. */
export function parseFault(fault: SoapFault): { code: string; message: string } {
  const text = String(fault.faultstring ?? '').trim();
  const match = /^(E\d{3,4})\s*(.*)$/.exec(text);
  if (match) return { code: match[1], message: text };
  return { code: String(fault.faultcode ?? ''), message: text || 'SOAP fault' };
}

/** Any error the soap library throws → our vocabulary. */
export function classifySoapError(error: unknown): ConnectorError {
  const err = error as {
    root?: { Envelope?: { Body?: { Fault?: SoapFault } } };
    response?: { status?: number };
  };
  const fault = err.root?.Envelope?.Body?.Fault;
  if (fault) {
    const { code, message } = parseFault(fault);
    if (/FailedAuthentication|InvalidSecurity/i.test(code)) {
      return new ConnectorError('auth', message, { departmentCode: code });
    }
    if (/^E\d+$/.test(code)) return policeError(code, message);
    // A fault without the department's code (a gateway, a stack trace): the service is failing.
    return ConnectorError.temporary(message, { departmentCode: code, status: err.response?.status });
  }
  const status = err.response?.status;
  if (status === 401 || status === 403) return new ConnectorError('auth', `HTTP ${status}`, { status });
  const message = error instanceof Error ? error.message : String(error);
  return ConnectorError.temporary(`police-population: ${message}`, { status });
}

/**
 * The police SOAP 1.1 service through the `soap` library, built from the department's own WSDL
 * (`<endpoint>?wsdl`), with a WS-Security UsernameToken (PasswordText) on every call.
 */
export class PoliceSoapClient {
  private client: Promise<Client> | null = null;
  private nextCallAt = 0;

  constructor(private readonly settings: SoapSettings) {}

  /** Calls an operation; a reply whose `code` is not `0000` is the department's refusal. */
  async call<T extends PoliceReply>(operation: Operation, args: object): Promise<T> {
    const client = await this.connect();
    await this.pace();
    let reply: T;
    try {
      const method = client[`${operation}Async`] as (a: object, o: object) => Promise<[T]>;
      [reply] = await method.call(client, args, { timeout: this.settings.timeoutMs });
    } catch (error) {
      throw classifySoapError(error);
    }
    if (!reply || typeof reply.code !== 'string') {
      throw ConnectorError.temporary(`police-population: ${operation} answered without a code`);
    }
    if (reply.code !== SUCCESS_CODE)
      throw policeError(reply.code, `${reply.code} ${reply.message ?? ''}`.trim());
    return reply;
  }

  private connect(): Promise<Client> {
    this.client ??= createClientAsync(`${this.settings.endpoint}?wsdl`, {
      wsdl_options: { timeout: this.settings.timeoutMs },
    }).then(
      (client) => {
        client.setEndpoint(this.settings.endpoint);
        const { username, password } = this.settings;
        client.setSecurity(
          new WSSecurity(username, password, { passwordType: 'PasswordText', hasTimeStamp: false }),
        );
        return client;
      },
      (error: unknown) => {
        // The WSDL could not be read: try again on the next call rather than failing for good.
        this.client = null;
        throw classifySoapError(error);
      },
    );
    return this.client;
  }

  /** Keeps this process under the service's 5 calls a second, so E429 stays an exception. */
  private async pace(): Promise<void> {
    const now = Date.now();
    const startAt = Math.max(now, this.nextCallAt);
    this.nextCallAt = startAt + this.settings.minIntervalMs;
    if (startAt > now) await new Promise((resolve) => setTimeout(resolve, startAt - now));
  }
}
