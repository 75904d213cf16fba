type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
    debug(message: string, fields?: Record<string, unknown>): void;
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
}

/**
 * One JSON line per event. Callers pass identifiers and error details only, never what a user
 * typed: user text may hold personal data (see bot/privacyGuard.ts).
 */
export function createLogger(minimum: Level = 'info', write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
    const log = (level: Level) => (message: string, fields: Record<string, unknown> = {}) => {
        if (ORDER[level] < ORDER[minimum]) return;
        write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
    return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
