import * as assert from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import * as restify from 'restify';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import WebSocket from 'ws';
import { loadConfig } from '../../core/config';
import { createLogger, silentLogger } from '../../core/logger';
import { registerLocalDirectLine } from '../../localDirectLine/registerLocalDirectLine';
import { localePrivacyInspector } from '../../core/privacyGuard';
import { translator } from '../support/testBot';
import { DEFAULT_TOKEN_RATE_LIMIT } from '../../web/directLineTokenEndpoint';
import { ChatClient } from './directLineClient';
import { startTestServer, temporaryDataDir, type TestServer } from './startTestServer';

interface Started {
    conversationId: string;
    token: string;
    streamUrl: string;
}

const NATIONAL_ID = '10000000146';

function client(bot: TestServer) {
    const call = async (method: string, route: string, token?: string, body?: unknown) =>
        fetch(`${bot.baseUrl}${route}`, {
            method,
            headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    const generate = async () => (await (await call('POST', '/v3/directline/tokens/generate')).json()) as Started;
    const start = async (): Promise<Started> => {
        const response = await call('POST', '/v3/directline/conversations', (await generate()).token, { locale: 'tr-TR' });
        assert.strictEqual(response.status, 201);
        return (await response.json()) as Started;
    };
    const activities = (started: Started) => `/v3/directline/conversations/${encodeURIComponent(started.conversationId)}/activities`;
    return { call, generate, start, activities };
}

/** Opens a stream; resolves once it is open, or with the HTTP status that refused the upgrade. */
const openStream = (url: string) =>
    new Promise<WebSocket | number>((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.once('open', () => resolve(socket));
        socket.once('unexpected-response', (_req, res) => {
            socket.terminate();
            resolve(res.statusCode ?? 0);
        });
        socket.once('error', reject);
    });

describe('local Direct Line: secrets, credentials and limits (issue 12, points 5, 9, 10)', function () {
    this.timeout(30_000);

    describe('in local mode', () => {
        let bot: TestServer;
        let dataDir: string;
        const lines: string[] = [];
        const sockets: WebSocket[] = [];
        beforeEach(async () => {
            lines.splice(0);
            dataDir = temporaryDataDir();
            bot = await startTestServer({ dataDir, logger: createLogger('debug', (line) => lines.push(line)) });
        });
        afterEach(async () => {
            for (const socket of sockets.splice(0)) socket.terminate();
            await bot.stop();
            fs.rmSync(dataDir, { recursive: true, force: true });
        });

        it('masks what the client sends before the conversation is stored; the bot still warns the user', async () => {
            const dl = client(bot);
            const started = await dl.start();
            const sent = await dl.call('POST', dl.activities(started), started.token, { type: 'message', text: `TC kimlik numaram ${NATIONAL_ID}`, locale: 'tr-TR' });
            assert.strictEqual(sent.status, 200);
            await dl.call('POST', dl.activities(started), started.token, { type: 'message', value: { ticketAction: 'message', ticketId: 'x', message: `kimlik ${NATIONAL_ID}` }, locale: 'tr-TR' });
            const kept = await (await dl.call('GET', dl.activities(started), started.token)).text();
            assert.ok(!kept.includes(NATIONAL_ID), 'the transcript holds no ID number');
            assert.match(kept, /•••/);
            assert.match(kept, /Kimlik numaranızı bana yazmanıza gerek yok/, 'the privacy warning was given');
            await bot.stop();
            for (const file of fs.readdirSync(dataDir)) {
                assert.ok(!fs.readFileSync(path.join(dataDir, file)).includes(NATIONAL_ID), `${file} holds no ID number`);
            }
            bot = await startTestServer({ dataDir });
        });

        it('keeps of a client activity only its type, masked text and value, and locale: an ID elsewhere is not stored (security review 2, N9)', async () => {
            const dl = client(bot);
            const started = await dl.start();
            const sent = await dl.call('POST', dl.activities(started), started.token, {
                type: 'message',
                text: 'merhaba',
                locale: 'tr-TR',
                summary: NATIONAL_ID,
                from: { id: 'x', name: `Ayşe ${NATIONAL_ID}` },
                value: { nested: { tckn: NATIONAL_ID, deeper: [{ note: `kimlik ${NATIONAL_ID}` }] }, list: [NATIONAL_ID], count: 3 },
                channelData: { note: NATIONAL_ID, clientActivityID: '1733112345678q3fj2ks8', clientTimestamp: '2026-12-02T05:30:00.123Z' },
                attachments: [{ name: NATIONAL_ID, contentType: 'text/plain', content: NATIONAL_ID }],
            });
            assert.strictEqual(sent.status, 200);
            const { activities } = (await (await dl.call('GET', dl.activities(started), started.token)).json()) as { activities: Array<Record<string, unknown>> };
            const kept = activities.find((activity) => (activity.from as { role?: string }).role === 'user' && activity.text === 'merhaba')!;
            assert.ok(!JSON.stringify(activities).includes(NATIONAL_ID), JSON.stringify(kept));
            assert.deepStrictEqual(
                Object.keys(kept).filter((key) => ['summary', 'attachments'].includes(key)),
                [],
            );
            // Web Chat finds its own message in the echo by its tag: that, and nothing else of channelData, is kept.
            assert.deepStrictEqual(kept.channelData, { clientActivityID: '1733112345678q3fj2ks8', clientTimestamp: '2026-12-02T05:30:00.123Z' });
            assert.strictEqual((kept.value as { count: number }).count, 3, 'the rest of the value is kept');
            assert.strictEqual((kept.from as { name: string }).name, '');
        });

        it('refuses a text that is not a string with a clear 400, stores nothing and fails no turn (security review 2, N9)', async () => {
            const dl = client(bot);
            const started = await dl.start();
            for (const text of [Number(NATIONAL_ID), { nested: true }, ['list'], true]) {
                const refused = await dl.call('POST', dl.activities(started), started.token, { type: 'message', text, locale: 'tr-TR' });
                assert.strictEqual(refused.status, 400);
                assert.deepStrictEqual(await refused.json(), { error: { code: 'BadArgument', message: '"text" must be a string.' } });
            }
            const stored = await (await dl.call('GET', dl.activities(started), started.token)).text();
            assert.ok(!stored.includes(NATIONAL_ID));
            assert.ok(!lines.some((line) => /turn failed/.test(line)), lines.join('\n'));
            assert.strictEqual((await dl.call('POST', dl.activities(started), started.token, { type: 'message', text: 'yardım', locale: 'tr-TR' })).status, 200, 'the conversation goes on');
        });

        it('accepts only a token for that conversation: any other bearer string is refused', async () => {
            const dl = client(bot);
            const started = await dl.start();
            for (const bearer of ['anything', 'dl1', 'secret']) {
                assert.strictEqual((await dl.call('GET', dl.activities(started), bearer)).status, 403, `read with ${bearer}`);
                assert.strictEqual((await dl.call('POST', dl.activities(started), bearer, { type: 'message', text: 'x' })).status, 403);
                assert.strictEqual((await dl.call('GET', `/v3/directline/conversations/${encodeURIComponent(started.conversationId)}`, bearer)).status, 403);
                assert.strictEqual((await dl.call('POST', '/v3/directline/conversations', bearer, {})).status, 403, 'no new conversation');
                assert.strictEqual((await dl.call('POST', '/v3/directline/tokens/refresh', bearer)).status, 403, 'no fresh token');
            }
        });

        it('keeps conversation ids out of the log', async () => {
            const dl = client(bot);
            const never = await dl.generate();
            // A stream for a conversation that was never started fails: that failure is logged.
            const url = `${bot.baseUrl.replace(/^http/, 'ws')}/v3/directline/conversations/${encodeURIComponent(never.conversationId)}/stream?t=${never.token}`;
            const refused = await openStream(url);
            if (typeof refused !== 'number') {
                await new Promise((resolve) => refused.once('close', resolve));
            }
            const started = await dl.start();
            await dl.call('POST', dl.activities(started), started.token, { type: 'message', text: 'merhaba', locale: 'tr-TR' });
            assert.ok(
                lines.some((line) => line.includes('could not open a direct line stream')),
                'the failure was logged',
            );
            for (const id of [never.conversationId, started.conversationId]) {
                assert.ok(!lines.some((line) => line.includes(id)), `a log line names ${id}:\n${lines.join('\n')}`);
            }
        });

        it('closes a stream that sends a big frame', async () => {
            const started = await client(bot).start();
            const socket = await openStream(started.streamUrl);
            assert.ok(socket instanceof WebSocket);
            sockets.push(socket);
            const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
            socket.send(Buffer.alloc(256 * 1024, 0x20));
            assert.strictEqual(await closed, 1009, 'message too big');
        });

        it('refuses more than four streams for one conversation', async () => {
            const started = await client(bot).start();
            for (let i = 0; i < 4; i++) {
                const socket = await openStream(started.streamUrl);
                assert.ok(socket instanceof WebSocket, `stream ${i + 1} opens`);
                sockets.push(socket);
            }
            assert.strictEqual(await openStream(started.streamUrl), 429);
            const other = await openStream((await client(bot).start()).streamUrl);
            assert.ok(other instanceof WebSocket, 'another conversation is not affected');
            sockets.push(other);
        });

        it('the connector routes refuse a loopback caller without the per-process key', async () => {
            const dl = client(bot);
            const started = await dl.start();
            const route = `/v3/conversations/${encodeURIComponent(started.conversationId)}/activities`;
            const reply = { type: 'message', text: 'Kimliğinizi doğrulamak için şifrenizi yazın', from: { id: 'bot', name: 'bot' } };
            assert.strictEqual((await dl.call('POST', route, undefined, reply)).status, 403);
            assert.strictEqual((await dl.call('POST', route, 'guessed-key', reply)).status, 403);
            assert.strictEqual((await dl.call('POST', route, started.token, reply)).status, 403);
            const kept = await (await dl.call('GET', dl.activities(started), started.token)).text();
            assert.ok(!kept.includes('şifrenizi yazın'), 'nothing was posted as the bot');
        });
    });

    describe('new conversations per client (security review 2, N12)', () => {
        let bot: TestServer;
        afterEach(async () => bot.stop());
        const burst = DEFAULT_TOKEN_RATE_LIMIT.capacity;
        const generate = (forwardedFor?: string) => fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, { method: 'POST', headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} });

        it("a client gets the token endpoint's burst of conversations, then 429 with Retry-After; another client is not affected", async () => {
            bot = await startTestServer({ env: { TRUSTED_PROXY_HOPS: '1' } });
            const statuses: number[] = [];
            for (let i = 0; i <= burst; i++) statuses.push((await generate('203.0.113.7:50123')).status);
            assert.deepStrictEqual(statuses, [...Array<number>(burst).fill(200), 429]);
            const refused = await generate('203.0.113.7:50999');
            assert.strictEqual(refused.status, 429);
            assert.ok(Number(refused.headers.get('retry-after')) > 0);
            assert.strictEqual(((await refused.json()) as { error: { code: string } }).error.code, 'TooManyRequests');
            assert.strictEqual((await generate('198.51.100.20:40000')).status, 200, 'another visitor');
            // An IPv6 client is its /64: any address in it spends the same bucket.
            for (let i = 1; i <= burst; i++) assert.strictEqual((await generate(`[2001:db8:1:2::${i}]:443`)).status, 200);
            assert.strictEqual((await generate('[2001:db8:1:2:ffff::9]:443')).status, 429);
        });

        it("a token's own conversation costs nothing more: the page's generate and start are one visit", async () => {
            bot = await startTestServer();
            const dl = client(bot);
            for (let i = 0; i < burst; i++) await dl.start();
            assert.strictEqual((await generate()).status, 429, 'the burst was spent by the ten visits');
        });
    });

    describe('with Bot Framework credentials', () => {
        const credentials = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'not-used-in-this-test' };
        let bot: TestServer;
        afterEach(async () => bot.stop());

        it('is off unless LOCAL_DIRECT_LINE=true', async () => {
            bot = await startTestServer({ env: credentials });
            assert.strictEqual(bot.app.webChat.mode, 'off');
            const response = await fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' });
            assert.ok(response.status === 404 || response.status === 405, `status ${response.status}`);
        });

        it('LOCAL_DIRECT_LINE=true turns it on, and the bot answers through its own connector routes', async () => {
            bot = await startTestServer({ env: { ...credentials, LOCAL_DIRECT_LINE: 'true' } });
            assert.strictEqual(bot.app.webChat.mode, 'local');
            const { token } = (await (await fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as Started;
            const user = new ChatClient(bot.baseUrl, { token, webSocket: false, pollingInterval: 200, conversationStartProperties: { locale: 'tr-TR' } });
            try {
                await user.botSays(/Merhaba/);
            } finally {
                user.end();
            }
        });
    });

    describe('the stream heartbeat', () => {
        it('terminates a socket that stops answering pings and keeps one that answers', async () => {
            const server = restify.createServer();
            server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
            const handle = registerLocalDirectLine(server, {
                runTurn: () => Promise.resolve(),
                connectorKey: 'k',
                storage: new MemoryStorage(),
                config: loadConfig({ PORT: '0' }),
                logger: silentLogger,
                inspect: localePrivacyInspector(translator),
                streamLimits: { maxPayloadBytes: 1024, maxSocketsPerConversation: 4, heartbeatMs: 40 },
            });
            await new Promise<void>((resolve) => {
                server.listen(0, '127.0.0.1', () => resolve());
            });
            const { port } = server.address();
            try {
                const post = async (route: string, token?: string) =>
                    (
                        await fetch(`http://127.0.0.1:${port}${route}`, {
                            method: 'POST',
                            headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
                            body: '{}',
                        })
                    ).json() as Promise<Started>;
                const started = await post('/v3/directline/conversations', (await post('/v3/directline/tokens/generate')).token);
                const streamPath = new URL(started.streamUrl).pathname + new URL(started.streamUrl).search;

                // A peer that completes the handshake, then goes silent (a laptop lid closed): it never pongs.
                const dead = net.connect(port, '127.0.0.1');
                const deadClosed = new Promise<void>((resolve) => dead.once('close', () => resolve()));
                dead.on('error', () => undefined);
                dead.resume();
                dead.write(
                    `GET ${streamPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${Buffer.alloc(16, 1).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
                );

                const live = await openStream(started.streamUrl);
                assert.ok(live instanceof WebSocket);
                let pings = 0;
                const threePings = new Promise<void>((resolve) =>
                    live.on('ping', () => {
                        if (++pings === 3) resolve();
                    }),
                );
                await deadClosed;
                await threePings;
                assert.strictEqual(live.readyState, WebSocket.OPEN, 'a socket that answers pings stays');
                live.terminate();
            } finally {
                handle.close();
                server.server.closeAllConnections();
                await new Promise<void>((resolve) => {
                    server.close(() => resolve());
                });
            }
        });
    });

    describe('the signing key', () => {
        it('is read again when the store failed the first time', async () => {
            let failures = 1;
            const storage = new (class extends MemoryStorage {
                override async read(keys: string[]): Promise<StoreItems> {
                    if (failures-- > 0) throw new Error('store briefly unavailable');
                    return super.read(keys);
                }
            })();
            const server = restify.createServer();
            server.use(restify.plugins.jsonBodyParser({ mapParams: false }));
            const handle = registerLocalDirectLine(server, {
                runTurn: () => Promise.resolve(),
                connectorKey: 'k',
                storage,
                config: loadConfig({ PORT: '0' }),
                logger: silentLogger,
                inspect: localePrivacyInspector(translator),
            });
            await new Promise<void>((resolve) => {
                server.listen(0, '127.0.0.1', () => resolve());
            });
            try {
                const generate = () => fetch(`http://127.0.0.1:${server.address().port}/v3/directline/tokens/generate`, { method: 'POST' });
                // The first read (at start) failed; the next request reads the key again.
                assert.strictEqual((await generate()).status, 200);
                assert.strictEqual((await generate()).status, 200);
            } finally {
                handle.close();
                server.server.closeAllConnections();
                await new Promise<void>((resolve) => {
                    server.close(() => resolve());
                });
            }
        });
    });
});
