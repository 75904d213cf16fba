import { pino, type DestinationStream } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
    debug(message: string, fields?: Record<string, unknown>): void;
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * Fields that could carry what a user typed or sent, masked in every log line whoever passes them.
 * Callers log identifiers and error details only (see core/privacyGuard.ts); this is the net
 * under that rule, not a licence to pass user text. `*.x` covers `x` one level down (`activity.text`).
 */
export const REDACTED_LOG_PATHS: readonly string[] = [
    'text', '*.text', 'value', '*.value', 'attachments', '*.attachments', 'body', '*.body',
    'question', '*.question', 'answer', '*.answer', 'reply', '*.reply', 'details', '*.details',
    'transcript', '*.transcript', 'recentTurns', '*.recentTurns', 'email', '*.email',
    'password', '*.password', 'authorization', '*.authorization', 'headers.authorization', 'token', '*.token',
];

/**
 * One JSON line per event (pino): `level` (`debug`…`error`), `time` (ISO 8601), `message`, then the
 * fields. Callers pass identifiers and error details only, never what a user typed: user text may
 * hold personal data (see core/privacyGuard.ts); `REDACTED_LOG_PATHS` masks it anyway.
 * `write` receives each line without its newline (tests collect them); by default, stdout.
 */
export function createLogger(minimum: Level = 'info', write?: (line: string) => void): Logger {
    const destination: DestinationStream = write
        ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) }
        : pino.destination({ dest: 1, sync: true });
    const log = pino({
        level: minimum,
        base: undefined,
        messageKey: 'message',
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
    }, destination);
    const at = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => log[level](fields, message);
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
