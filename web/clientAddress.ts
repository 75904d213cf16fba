import type { IncomingMessage } from 'http';

/** "1.2.3.4:5678" and "[::1]:5678" (App Service adds the port) become the bare address. */
function bareAddress(entry: string): string {
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
    if (bracketed) return bracketed[1];
    const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
    return ipv4WithPort ? ipv4WithPort[1] : entry;
}

/**
 * The client's address as the platform saw it. Each trusted proxy appends the address it was
 * reached from to X-Forwarded-For, so with `trustedProxyHops` proxies in front of the bot the
 * client is that many entries left of the socket; anything further left the client wrote itself.
 * With 0 hops the header is ignored and the socket address counts.
 */
export function clientAddress(req: IncomingMessage, trustedProxyHops: number): string {
    const socketAddress = req.socket.remoteAddress ?? 'unknown';
    if (trustedProxyHops <= 0) return socketAddress;
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
    const chain = [...forwarded, socketAddress];
    return bareAddress(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]);
}
