import type { IncomingMessage } from 'http';

/** The server has no query parser plugin: read the raw query string. */
export function queryValue(req: IncomingMessage, name: string): string | undefined {
    return new URL(req.url ?? '/', 'http://local').searchParams.get(name) ?? undefined;
}
