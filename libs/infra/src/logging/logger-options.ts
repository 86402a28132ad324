import type { LoggerOptions } from 'pino';

/**
 * Personal data never reaches a log line: request bodies are not logged, and any field with
 * one of these names is censored wherever it appears.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.idNumber',
  '*.id_number',
  '*.name',
  '*.phone',
  '*.members',
  'body',
];

export function pinoOptions(level: string, name: string): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { app: name },
  };
}
