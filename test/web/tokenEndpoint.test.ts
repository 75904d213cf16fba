import * as assert from 'assert';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { DEFAULT_TOKEN_RATE_LIMIT, TOKEN_ENDPOINT_PATH } from '../../web/directLineTokenEndpoint';
import { startTestServer, type TestServer } from './startTestServer';

const SECRET = 'dl-secret-that-must-never-reach-a-browser';

interface TokenRequest {
    authorization?: string;
    body: { user?: { id?: string } };
}

/** Stands in for the Direct Line service: answers tokens/generate and remembers what it was asked. */
class FakeDirectLine {
    readonly requests: TokenRequest[] = [];
    failWith?: number;
    private readonly server = http.createServer((req, res) => {
        let raw = '';
        req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
        req.on('end', () => {
            if (req.method !== 'POST' || req.url !== '/v3/directline/tokens/generate') {
                res.writeHead(404);
                res.end();
                return;
            }
            this.requests.push({ authorization: req.headers.authorization, body: JSON.parse(raw || '{}') as TokenRequest['body'] });
            if (this.failWith) {
                res.writeHead(this.failWith, { 'Content-Type': 'application/json' });
                res.end('{"error":{"code":"ServiceError"}}');
                return;
            }
            const n = this.requests.length;
            res.writeHead(200, { 'Content-Type': 'application/json' });
            res.end(JSON.stringify({ conversationId: `fake-conversation-${n}`, token: `fake-token-${n}`, expires_in: 1800 }));
        });
    });

    async start(): Promise<string> {
        await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
        return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v3/directline`;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
}

describe('web chat in production (DIRECT_LINE_SECRET set)', () => {
    let directLineService: FakeDirectLine;
    let bot: TestServer;
    const askToken = () => fetch(`${bot.baseUrl}${TOKEN_ENDPOINT_PATH}`, { method: 'POST' });

    beforeEach(async () => {
        directLineService = new FakeDirectLine();
        const endpoint = await directLineService.start();
        bot = await startTestServer({ env: { DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: endpoint } });
    });

    afterEach(async () => {
        await bot.stop();
        await directLineService.stop();
    });

    it('the page, in both languages, fetches its token from the bot and never contains the secret', async () => {
        for (const path of ['/', '/?lang=en']) {
            const response = await fetch(`${bot.baseUrl}${path}`);
            const html = await response.text();
            assert.strictEqual(response.status, 200);
            assert.ok(!html.includes(SECRET), `${path} leaks the secret`);
            assert.ok(html.includes(TOKEN_ENDPOINT_PATH), `${path} does not use the token endpoint`);
        }
    });

    it('exchanges the secret for a conversation token with the Direct Line service', async () => {
        const response = await askToken();
        assert.strictEqual(response.status, 200);
        assert.strictEqual(response.headers.get('cache-control'), 'no-store');
        const body = (await response.json()) as Record<string, unknown>;
        assert.deepStrictEqual({ token: body.token, conversationId: body.conversationId }, { token: 'fake-token-1', conversationId: 'fake-conversation-1' });
        assert.ok(!JSON.stringify(body).includes(SECRET));
        assert.strictEqual(directLineService.requests[0]?.authorization, `Bearer ${SECRET}`);
        assert.match(directLineService.requests[0]?.body.user?.id ?? '', /^dl_/);
    });

    it('refuses a burst beyond the limit per address with 429 and Retry-After, without calling Direct Line', async () => {
        const burst = DEFAULT_TOKEN_RATE_LIMIT.capacity;
        const statuses: number[] = [];
        for (let i = 0; i <= burst; i += 1) statuses.push((await askToken()).status);
        assert.deepStrictEqual(statuses, [...Array<number>(burst).fill(200), 429]);
        assert.strictEqual(directLineService.requests.length, burst);
        const refused = await askToken();
        assert.ok(Number(refused.headers.get('retry-after')) > 0);
    });

    it('answers 502 when Direct Line refuses, and says nothing of the secret', async () => {
        directLineService.failWith = 403;
        const response = await askToken();
        assert.strictEqual(response.status, 502);
        assert.ok(!(await response.text()).includes(SECRET));
    });

    it('does not serve the local Direct Line endpoint', async () => {
        const response = await fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
        assert.ok(response.status === 404 || response.status === 405, `status ${response.status}`);
    });
});

describe('token endpoint behind a reverse proxy (TRUSTED_PROXY_HOPS, issue 12 point 8)', () => {
    let directLineService: FakeDirectLine;
    let bot: TestServer;
    const askToken = (forwardedFor?: string) =>
        fetch(`${bot.baseUrl}${TOKEN_ENDPOINT_PATH}`, {
            method: 'POST',
            headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {},
        });
    const burst = DEFAULT_TOKEN_RATE_LIMIT.capacity;
    const start = async (hops?: string) => {
        directLineService = new FakeDirectLine();
        const endpoint = await directLineService.start();
        bot = await startTestServer({ env: { DIRECT_LINE_SECRET: SECRET, DIRECT_LINE_ENDPOINT: endpoint, ...(hops ? { TRUSTED_PROXY_HOPS: hops } : {}) } });
    };

    afterEach(async () => {
        await bot.stop();
        await directLineService.stop();
    });

    it('with one trusted hop, each forwarded client has its own bucket (App Service adds the port)', async () => {
        await start('1');
        for (let i = 0; i < burst; i += 1) assert.strictEqual((await askToken('203.0.113.7:50123')).status, 200);
        assert.strictEqual((await askToken('203.0.113.7:50999')).status, 429, 'the same client, another source port');
        assert.strictEqual((await askToken('198.51.100.20:40000')).status, 200, 'another visitor behind the same front end is not blocked');
        // A client cannot buy tokens by writing its own X-Forwarded-For: only the entry the proxy added counts.
        assert.strictEqual((await askToken('192.0.2.99, 203.0.113.7:50123')).status, 429);
    });

    it('an IPv6 client counts as its /64: forty addresses of one network get one burst (security review 2, N12)', async () => {
        await start('1');
        const statuses: number[] = [];
        for (let i = 1; i <= 40; i += 1) statuses.push((await askToken(`[2001:db8:1:2::${i.toString(16)}]:443`)).status);
        assert.deepStrictEqual(statuses, [...Array<number>(burst).fill(200), ...Array<number>(40 - burst).fill(429)]);
        assert.strictEqual((await askToken('[2001:db8:1:3::1]:443')).status, 200, 'the next /64 is another client');
        assert.strictEqual((await askToken('[::ffff:203.0.113.9]:443')).status, 200);
        assert.strictEqual(directLineService.requests.length, burst + 2);
    });

    it('with no trusted hop (the default), X-Forwarded-For is ignored', async () => {
        await start();
        for (let i = 0; i < burst; i += 1) assert.strictEqual((await askToken(`192.0.2.${i}`)).status, 200);
        assert.strictEqual((await askToken('192.0.2.200')).status, 429);
    });
});
