import type { LoggerOptions } from 'pino';

/**
 * Personal data never reaches a log line: request bodies are not logged, and any field with
 * one of these names is censored wherever it appears.
 */
export const REDACTED_PATHS = [
  // At the top of a log call's object as well as one level in (`*.x` matches only the latter).
  'password',
  'idNumber',
  'id_number',
  'name',
  'phone',
  'members',
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

/** The log settings of an app (`HubConfig`'s `LOG_LEVEL`, `LOG_FORMAT`, `NODE_ENV`). */
export interface LogSettings {
  LOG_LEVEL: string;
  LOG_FORMAT?: 'pretty' | 'json';
  NODE_ENV: string;
}

export function pinoOptions(settings: LogSettings, name: string): LoggerOptions {
  const pretty =
    (settings.LOG_FORMAT ?? (settings.NODE_ENV === 'development' ? 'pretty' : 'json')) === 'pretty';
  return {
    // The app is named by `app`, not pino's `name`: a top-level `name` is a person's and redacted.
    level: settings.LOG_LEVEL,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { app: name },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: {
              colorize: true,
              translateTime: 'SYS:HH:MM:ss',
              ignore: 'pid,hostname,app',
              // Three apps share `npm start`'s terminal: each line says whose it is.
              messageFormat: '[{app}] {msg}',
            },
          },
        }
      : {}),
  };
}
