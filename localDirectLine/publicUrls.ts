import type { IncomingMessage } from 'http';
import type { TLSSocket } from 'tls';

/** The base URL the client used to reach us, so a streamUrl works behind a proxy too. */
function clientBaseUrl(req: IncomingMessage, publicBaseUrl?: string): string {
    if (publicBaseUrl) return publicBaseUrl.replace(/\/+$/, '');
    const forwarded = req.headers['x-forwarded-proto'];
    const proto = typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    return `${proto}://${req.headers.host ?? 'localhost'}`;
}

export function streamUrl(req: IncomingMessage, publicBaseUrl: string | undefined, conversationId: string, token: string, watermark: number): string {
    const base = clientBaseUrl(req, publicBaseUrl).replace(/^http/, 'ws');
    const query = new URLSearchParams({ watermark: String(watermark), t: token });
    return `${base}/v3/directline/conversations/${encodeURIComponent(conversationId)}/stream?${query.toString()}`;
}

export function parseWatermark(value: unknown): number {
    const parsed = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
    return Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
}
