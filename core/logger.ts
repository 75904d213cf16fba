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
    'text',
    '*.text',
    'value',
    '*.value',
    'attachments',
    '*.attachments',
    'body',
    '*.body',
    'question',
    '*.question',
    'answer',
    '*.answer',
    'reply',
    '*.reply',
    'details',
    '*.details',
    'transcript',
    '*.transcript',
    'recentTurns',
    '*.recentTurns',
    'email',
    '*.email',
    'password',
    '*.password',
    'authorization',
    '*.authorization',
    'headers.authorization',
    'token',
    '*.token',
];

/** A repeated warning (`repeatedWarning`) is counted, not written again, for this long after its first line. */
const REPEAT_WINDOW_MS = 10 * 60_000;
/** Distinct warnings counted at once; past this they are simply written (a bound, not a limit anyone should reach). */
const MAX_COUNTED = 1_000;

/** The same warning: the same message and the same words (strings, booleans); numbers (a ticket, a delay, an attempt) may differ. */
function repeatKey(message: string, fields: Record<string, unknown>): string {
    const words = Object.entries(fields)
        .filter(([, value]) => typeof value === 'string' || typeof value === 'boolean')
        .sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify([message, words]);
}

/**
 * A warning that may come again and again (a notice retried every minute, for every ticket, while
 * the staff channel is unknown): written the first time; while the window after it lasts the same
 * warning is only counted, and when it closes one more line with the same message says how many
 * times it came again (`repeated`), with the last occurrence's fields. A caller opts in for the
 * warnings it repeats; every other warning is written each time.
 */
export function repeatedWarning(logger: Logger, windowMs = REPEAT_WINDOW_MS): (message: string, fields: Record<string, unknown>) => void {
    const counting = new Map<string, { message: string; fields: Record<string, unknown>; repeated: number }>();
    return (message, fields) => {
        const key = repeatKey(message, fields);
        const seen = counting.get(key);
        if (seen) {
            seen.repeated++;
            seen.fields = fields;
            return;
        }
        logger.warn(message, fields);
        if (counting.size >= MAX_COUNTED) return;
        counting.set(key, { message, fields, repeated: 0 });
        setTimeout(() => {
            const closed = counting.get(key)!;
            counting.delete(key);
            if (closed.repeated > 0) logger.warn(closed.message, { ...closed.fields, repeated: closed.repeated, withinSeconds: Math.round(windowMs / 1000) });
        }, windowMs).unref();
    };
}

/**
 * One JSON line per event (pino): `level` (`debug`…`error`), `time` (ISO 8601), `message`, then the
 * fields. Callers pass identifiers and error details only, never what a user typed: user text may
 * hold personal data (see core/privacyGuard.ts); `REDACTED_LOG_PATHS` masks it anyway.
 * `write` receives each line without its newline (tests collect them); by default, stdout.
 */
export function createLogger(minimum: Level = 'info', write?: (line: string) => void): Logger {
    const destination: DestinationStream = write ? { write: (line: string) => write(line.endsWith('\n') ? line.slice(0, -1) : line) } : pino.destination({ dest: 1, sync: true });
    const log = pino(
        {
            level: minimum,
            base: undefined,
            messageKey: 'message',
            timestamp: pino.stdTimeFunctions.isoTime,
            formatters: { level: (label) => ({ level: label }) },
            redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
        },
        destination,
    );
    const at =
        (level: Level) =>
        (message: string, fields: Record<string, unknown> = {}) =>
            log[level](fields, message);
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
