/** Loopback addresses: what local mode may listen on and talk to. */

/** A socket address on this host only (127.0.0.0/8, ::1, or IPv4 loopback mapped into IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
    if (!address) return false;
    const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
    return bare === '::1' || bare === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(?:\.\d{1,3}){3}$/.test(bare) || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(bare);
}

/** An http(s) URL whose host is loopback; anything unparsable is not. */
export function isLoopbackUrl(url: string | undefined): boolean {
    if (!url) return false;
    try {
        const parsed = new URL(url);
        return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && isLoopbackAddress(parsed.hostname);
    } catch {
        return false;
    }
}
