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
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
    const chain = [...forwarded, socketAddress];
    return bareAddress(chain[Math.max(0, chain.length - 1 - trustedProxyHops)]);
}

/** The eight 16-bit groups of an IPv6 address ("2001:db8::1", "::ffff:1.2.3.4"), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
    const bare = address.split('%')[0].toLowerCase();
    if (!/^[0-9a-f:.]+$/.test(bare) || bare.split('::').length > 2) return undefined;
    const expand = (part: string): number[] | undefined => {
        if (part === '') return [];
        const groups: number[] = [];
        for (const piece of part.split(':')) {
            if (piece.includes('.')) {
                const octets = piece.split('.').map(Number);
                if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet) || octet < 0 || octet > 255)) return undefined;
                groups.push(octets[0] * 256 + octets[1], octets[2] * 256 + octets[3]);
            } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
                groups.push(parseInt(piece, 16));
            } else {
                return undefined;
            }
        }
        return groups;
    };
    const [head, tail] = bare.split('::');
    const left = expand(head);
    const right = tail === undefined ? [] : expand(tail);
    if (!left || !right) return undefined;
    const missing = 8 - left.length - right.length;
    if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
    return [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
}

/**
 * Whom a rate limit counts as one client: an IPv4 address, or an IPv6 client's /64 network. One
 * household or phone gets a whole /64 and may use any address in it, so a limit per full IPv6
 * address would give it billions of buckets. An IPv4 address written as IPv6 (`::ffff:…`) is IPv4.
 */
export function rateLimitKey(address: string): string {
    const groups = address.includes(':') ? ipv6Groups(address) : undefined;
    if (!groups) return address;
    if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
        return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
    }
    return `${groups
        .slice(0, 4)
        .map((group) => group.toString(16))
        .join(':')}::/64`;
}
