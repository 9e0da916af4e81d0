import pino, { Logger } from 'pino';

/** One structured JSON logger per process; children carry the request id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'agency-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'password', '*.password'], censor: '[redacted]' },
  });
}

export type { Logger };
