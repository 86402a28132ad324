/** 公安局 实有人口管理系统: a person as the SOAP service and its export name the fields. */
export interface PoliceRyxx {
  /** Own id: `R` + 6-digit county code + 8 digits. */
  RYBH?: string;
  /** 18 digits; legacy 15-digit numbers remain for people registered before 1999. */
  GMSFHM: string;
  XM: string;
  /** GB/T 2261.1. */
  XB: string;
  /** GB/T 3304, 2 digits. */
  MZ: string;
  /** `yyyyMMdd`. */
  CSRQ: string;
  /** 户号, 9 digits. */
  HH?: string;
  /** GB/T 4761, 2 digits. */
  YHZGX?: string;
  HJDZ?: string;
  XZZ?: string;
  /** `1` registered / `2` floating. */
  RYLB: PoliceRylb;
  LXDH?: string;
  /** `0` normal / `1` dead / `2` moved out. */
  ZT: PoliceZt;
  /** Last change, `yyyyMMddHHmmss`, set by the department. */
  BGSJ?: string;
}

export type PoliceRylb = '1' | '2';
export type PoliceZt = '0' | '1' | '2';

/** Every reply carries `<code>` (`0000` = success) and a Chinese `<message>`. */
export interface PoliceReply {
  code: string;
  message: string;
}

export interface PolicePopulationOptions {
  /** The department's server, e.g. `http://10.32.1.5:8080`. */
  baseUrl: string;
  /** The service on it (default `/rkxx/services/RkxxService`); its WSDL is at `<service>?wsdl`. */
  servicePath?: string;
  username: string;
  password: string;
  timeoutMs?: number;
  /** Export page size; the service allows at most 1000. */
  pageSize?: number;
  /** Spacing between this client's calls (ms); 0 when a shared limiter (the worker's queue) paces them. */
  minIntervalMs?: number;
}
