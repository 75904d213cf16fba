import * as assert from 'assert';
import * as http from 'http';
import * as os from 'os';
import type { AddressInfo } from 'net';
import { ActivityTypes, CardFactory, ConfigurationBotFrameworkAuthentication, InputHints, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import { createAdapter, type BotAdapter } from '../../bot/adapter';
import { ConnectorCallError, proxyConfigured, withDirectReplies, type ConnectorClient } from '../../bot/directReplies';
import { isTransientFailure } from '../../bot/turnErrorHandler';
import { loadConfig } from '../../core/config';
import { ServiceUrlRefusedError } from '../../core/errors';

/*
 * bot/directReplies.ts sends the Bot Connector's two reply calls itself instead of through
 * botframework-connector's ConnectorClient. These tests hold it to the SDK client it replaces: the
 * same request at a fake Bot Connector, the same retries, the same signing, the same failures.
 */

/** One request as the fake Bot Connector received it. */
interface Received {
    method: string;
    /** The raw request target, exactly as sent. */
    path: string;
    headers: http.IncomingHttpHeaders;
    body: string;
    /** The status it was answered with. */
    status: number;
}

interface Scripted {
    status: number;
    /** Never answer (the connection stays open until the connector stops). */
    hang?: boolean;
    headers?: Record<string, string>;
    body?: unknown;
}

/** A Bot Connector on loopback that records every request and answers from a script, then 200 `{ id }`. */
class RecordingConnector {
    readonly received: Received[] = [];
    /** Answers for the next requests, in order; a request beyond the script gets the default answer. */
    readonly script: Scripted[] = [];
    /** Connections to drop (ECONNRESET at the client) before answering anything. */
    resets = 0;
    private readonly server = http.createServer((req, res) => this.handle(req, res));

    async start(host = '127.0.0.1'): Promise<string> {
        await new Promise<void>((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(0, host, resolve);
        });
        return this.url(host);
    }

    url(host = '127.0.0.1'): string {
        return `http://${host}:${(this.server.address() as AddressInfo).port}`;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }

    /** The requests of one kind (the SDK's and the direct path are told apart by their user-agent). */
    direct(): Received[] {
        return this.received.filter((request) => isDirect(request));
    }

    private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
        if (this.resets > 0) {
            this.resets--;
            this.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: '', status: 0 });
            req.socket.destroy();
            return;
        }
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
            const answer = this.script.shift() ?? this.defaultAnswer(req);
            this.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, status: answer.status });
            if (answer.hang) return;
            res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
            res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
        });
    }

    private defaultAnswer(req: http.IncomingMessage): Scripted {
        if (req.method === 'GET' && /\/members\//.test(req.url ?? '')) return { status: 200, body: { id: '29:user', name: 'Ayşe Yılmaz' } };
        return { status: 200, body: { id: `activity-${this.received.length + 1}` } };
    }
}

/** One of the client's conversation operations, as a value (to tell whose it is). */
const operation = (client: ConnectorClient, name: string): unknown => (client.conversations as unknown as Record<string, unknown>)[name];

const isDirect = (request: Received) => /e-imza-asistani/.test(String(request.headers['user-agent']));
const parsed = (request: Received): unknown => JSON.parse(request.body);

/** botbuilder's own connector client, as CloudAdapter gets it in local mode (no credentials): the SDK's pipeline. */
async function sdkClient(serviceUrl: string): Promise<ConnectorClient> {
    const authentication = new ConfigurationBotFrameworkAuthentication({});
    const result = await authentication.authenticateRequest({ type: ActivityTypes.Message, serviceUrl, channelId: 'msteams' } as Activity, '');
    assert.ok(result.connectorFactory, 'botbuilder gives a connector factory without credentials');
    return result.connectorFactory.create(serviceUrl, result.audience);
}

/** The connector client a turn of `adapter` gets for `serviceUrl` (CloudAdapter keeps it in the turn state). */
async function turnClient(adapter: BotAdapter, serviceUrl: string): Promise<ConnectorClient> {
    let client: ConnectorClient | undefined;
    await adapter.processActivityDirect('', { ...incoming('probe'), serviceUrl } as Activity, (context) => {
        client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        return Promise.resolve();
    });
    assert.ok(client, 'the turn had a connector client');
    return client;
}

/** The client with signing replaced: records every signed URL and signs with 'Bearer test'. */
function signedWithTestToken(client: ConnectorClient, signed: string[]): ConnectorClient {
    const stub = Object.create(client) as ConnectorClient;
    const credentials = {
        signRequest: (request: { url: string; headers: { set(name: string, value: string): void } }) => {
            signed.push(request.url);
            request.headers.set('Authorization', 'Bearer test');
            return Promise.resolve(request);
        },
    };
    Object.defineProperty(stub, 'credentials', { value: credentials });
    return stub;
}

/** What it threw, for assertions on the error itself. */
async function failure(promise: Promise<unknown>): Promise<Error & { statusCode?: number; code?: string }> {
    try {
        await promise;
    } catch (error) {
        return error as Error & { statusCode?: number; code?: string };
    }
    assert.fail('expected a failure');
}

/** A port nothing listens on (ECONNREFUSED). */
async function closedPort(): Promise<number> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

const externalAddress = () => Object.values(os.networkInterfaces()).flat().find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

const TEAMS_CONVERSATION = '19:abc@thread.skype;messageid=1';
const TEAMS_CONVERSATION_IN_PATH = '19%3Aabc%40thread.skype%3Bmessageid%3D1';
const REPLY_TO = '1:1700000000000';

/** A user's message as a channel sends it. */
function incoming(text: string): Partial<Activity> {
    return {
        type: ActivityTypes.Message, id: REPLY_TO, text, channelId: 'msteams', locale: 'tr-TR',
        from: { id: '29:user', name: 'Ayşe Yılmaz', aadObjectId: '00000000-0000-0000-0000-000000000001' },
        recipient: { id: '28:bot', name: 'E-İmza Asistanı' },
        conversation: { id: TEAMS_CONVERSATION, conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
    };
}

/** A reply as TurnContext sends it: addressed back to the user, in reply to their message. */
function reply(activity: Partial<Activity>, serviceUrl: string): Partial<Activity> {
    return {
        channelId: 'msteams', serviceUrl, locale: 'tr-TR', replyToId: REPLY_TO,
        from: { id: '28:bot', name: 'E-İmza Asistanı' },
        recipient: { id: '29:user', name: 'Ayşe Yılmaz', aadObjectId: '00000000-0000-0000-0000-000000000001' },
        conversation: { id: TEAMS_CONVERSATION, conversationType: 'personal', tenantId: 'tenant-1', isGroup: false } as Activity['conversation'],
        ...activity,
    };
}

const adaptiveCard = CardFactory.adaptiveCard({
    type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5',
    body: [
        { type: 'TextBlock', text: 'Adım 2 / 5 — e-İmza başvurusu', weight: 'Bolder', wrap: true },
        { type: 'FactSet', facts: [{ title: 'Kurum', value: 'Üniversite "Rektörlük"' }, { title: 'Ücret', value: '₺ 0,00' }] },
        { type: 'Input.ChoiceSet', id: 'choice', choices: [{ title: 'Evet', value: 'yes' }], isMultiSelect: false, value: null },
    ],
    actions: [{ type: 'Action.Submit', title: 'Devam', data: { step: 2, flow: 'nes', flags: [true, false, null], emoji: '✅' } }],
});

/** Representative replies of the bot: what the comparison with the SDK sends. */
function representativeActivities(serviceUrl: string): Array<[string, Partial<Activity>]> {
    const mention = { type: 'mention', text: '<at>Ayşe Yılmaz</at>', mentioned: { id: '29:user', name: 'Ayşe Yılmaz' } };
    return [
        ['plain text', reply(MessageFactory.text('Merhaba! Nitelikli e-imza (NES) başvurusunda yol göstereyim. 😀 "tırnak" \\ \u2028', 'Merhaba', InputHints.AcceptingInput), serviceUrl)],
        ['an Adaptive Card attachment', reply({ ...MessageFactory.attachment(adaptiveCard), summary: 'Adım 2' }, serviceUrl)],
        ['suggestedActions', reply(MessageFactory.suggestedActions([{ type: 'imBack', title: 'Evet', value: 'evet' }, { type: 'messageBack', title: 'Hayır', text: 'hayır', displayText: 'Hayır', value: { answer: 'no', n: 1.5 } }], 'Devam edelim mi?'), serviceUrl)],
        ['entities with a mention', reply({ type: ActivityTypes.Message, text: '<at>Ayşe Yılmaz</at> talebiniz alındı.', textFormat: 'xml', entities: [mention] }, serviceUrl)],
        ['channelData', reply({ type: ActivityTypes.Message, text: 'Bildirim', channelData: { notification: { alert: true, alertInMeeting: false }, tenant: { id: 'tenant-1' }, feedbackLoopEnabled: true, nested: { list: [1, 'iki', null, { üç: 3 }] } } }, serviceUrl)],
        ['a Date timestamp', reply({ type: ActivityTypes.Message, text: 'Zamanlı', timestamp: new Date('2024-05-06T07:08:09.123Z'), localTimestamp: new Date('2024-05-06T10:08:09.123Z'), expiration: new Date(0) }, serviceUrl)],
        ['a typing indicator', { type: ActivityTypes.Typing, channelId: 'msteams', serviceUrl, replyToId: REPLY_TO, from: { id: '28:bot' } as Activity['from'], recipient: { id: '29:user' } as Activity['recipient'], conversation: { id: TEAMS_CONVERSATION } as Activity['conversation'] }],
    ];
}

/** `actual` has every field of `expected`, equal (extra fields allowed, at any depth). */
function assertIncludes(actual: unknown, expected: unknown, at = 'body'): void {
    if (expected === null || typeof expected !== 'object') return assert.deepStrictEqual(actual, expected, at);
    assert.ok(actual !== null && typeof actual === 'object', `${at} is an object`);
    assert.strictEqual(Array.isArray(actual), Array.isArray(expected), `${at}: array or not`);
    if (Array.isArray(expected)) assert.strictEqual((actual as unknown[]).length, expected.length, `${at}.length`);
    for (const [key, value] of Object.entries(expected)) assertIncludes((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'HTTP_PROXY', 'ALL_PROXY', 'https_proxy', 'http_proxy', 'all_proxy'];

describe('direct replies (bot/directReplies.ts)', () => {
    let connector: RecordingConnector;
    let serviceUrl: string;
    const savedEnvironment: Record<string, string | undefined> = {};

    before(() => {
        // The adapter sends replies directly only without a proxy: the tests need that path.
        for (const name of PROXY_VARIABLES) {
            savedEnvironment[name] = process.env[name];
            delete process.env[name];
        }
    });
    after(() => {
        for (const [name, value] of Object.entries(savedEnvironment)) if (value !== undefined) process.env[name] = value;
    });

    beforeEach(async () => {
        connector = new RecordingConnector();
        serviceUrl = await connector.start();
    });
    afterEach(async () => connector.stop());

    describe('the same request as the SDK client', () => {
        for (const base of ['', '/', '/teams/', '/amer']) {
            it(`replyToActivity and sendToConversation: same method, path, headers that matter and JSON body (service URL path "${base}")`, async () => {
                const url = `${serviceUrl}${base}`;
                const sdk = await sdkClient(url);
                const direct = withDirectReplies(sdk);
                for (const [name, activity] of representativeActivities(url)) {
                    for (const operation of ['replyToActivity', 'sendToConversation'] as const) {
                        const before = connector.received.length;
                        const send = (client: ConnectorClient) => operation === 'replyToActivity'
                            ? client.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, activity)
                            : client.conversations.sendToConversation(TEAMS_CONVERSATION, activity);
                        const viaSdk = await send(sdk);
                        const viaDirect = await send(direct);
                        const [bySdk, byDirect] = connector.received.slice(before);
                        const what = `${name}, ${operation}`;
                        assert.ok(bySdk && byDirect && !isDirect(bySdk) && isDirect(byDirect), `${what}: one request each way`);
                        assert.strictEqual(byDirect.method, bySdk.method, what);
                        assert.strictEqual(byDirect.method, 'POST', what);
                        assert.strictEqual(byDirect.path, bySdk.path, what);
                        const basePath = base.replace(/\/+$/, '');
                        const expectedPath = `${basePath}/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities${operation === 'replyToActivity' ? '/1%3A1700000000000' : ''}`;
                        assert.strictEqual(byDirect.path, expectedPath, what);
                        assert.deepStrictEqual(parsed(byDirect), parsed(bySdk), what);
                        assert.strictEqual(byDirect.headers['content-type'], bySdk.headers['content-type'], what);
                        assert.strictEqual(byDirect.headers['x-ms-conversation-id'], bySdk.headers['x-ms-conversation-id'], `${what}: x-ms-conversation-id`);
                        assert.strictEqual(byDirect.headers.authorization, bySdk.headers.authorization, what);
                        assert.strictEqual(Number(byDirect.headers['content-length']), Buffer.byteLength(byDirect.body), what);
                        // The ResourceResponse: the id the connector answered.
                        assert.deepStrictEqual(viaSdk, { id: `activity-${before + 1}` }, what);
                        assert.deepStrictEqual(viaDirect, { id: `activity-${before + 2}` }, what);
                    }
                }
                assert.strictEqual(connector.received.filter((request) => request.headers['x-ms-conversation-id'] === TEAMS_CONVERSATION).length, 2 * representativeActivities(url).length,
                    'replyToActivity names the conversation in x-ms-conversation-id, both ways');
            });
        }

        it('fields outside the Bot Framework schema: everything the SDK sends is sent the same, the rest passes through', async () => {
            const sdk = await sdkClient(serviceUrl);
            const activity = reply({
                type: ActivityTypes.Message, text: 'alıntılı yanıt',
                entities: [{ type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', additionalType: ['AIGeneratedContent'] }, { type: 'clientInfo', locale: 'tr-TR' }],
                attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/a.png', name: 'a.png', thumbnailUrl: 'https://example.org/t.png' }],
            }, serviceUrl);
            await sdk.conversations.sendToConversation(TEAMS_CONVERSATION, activity);
            await withDirectReplies(sdk).conversations.sendToConversation(TEAMS_CONVERSATION, activity);
            const [bySdk, byDirect] = connector.received;
            assertIncludes(parsed(byDirect), parsed(bySdk));
            assert.deepStrictEqual(parsed(byDirect), JSON.parse(JSON.stringify(activity)));
        });

        it('an answer without an id (202, empty body) is a reply without an id, as through the SDK', async () => {
            const sdk = await sdkClient(serviceUrl);
            connector.script.push({ status: 202 }, { status: 202 });
            const viaSdk = await sdk.conversations.sendToConversation(TEAMS_CONVERSATION, { type: ActivityTypes.Message, text: 'x' });
            const viaDirect = await withDirectReplies(sdk).conversations.sendToConversation(TEAMS_CONVERSATION, { type: ActivityTypes.Message, text: 'x' });
            assert.ok(!viaSdk.id && !viaDirect.id);
            assert.strictEqual(connector.received.length, 2);
        });
    });

    describe('retries, as the SDK', () => {
        const send = (client: ConnectorClient) => client.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, { type: ActivityTypes.Message, text: 'tekrar' });

        it('429 with Retry-After: 0 once, then 200: delivered on the second request, resolves (the SDK does the same)', async () => {
            const sdk = await sdkClient(serviceUrl);
            for (const client of [withDirectReplies(sdk), sdk]) {
                const before = connector.received.length;
                connector.script.push({ status: 429, headers: { 'retry-after': '0' }, body: { error: { code: 'Throttled', message: 'slow down' } } });
                const response = await send(client);
                const requests = connector.received.slice(before);
                assert.deepStrictEqual(requests.map((request) => request.status), [429, 200], client === sdk ? 'SDK' : 'direct');
                assert.strictEqual(requests[0].body, requests[1].body, 'the same activity again');
                assert.strictEqual(response.id, `activity-${before + 2}`);
            }
        });

        it('503 without Retry-After, then 200: backs off and resolves', async () => {
            connector.script.push({ status: 503 });
            const response = await send(withDirectReplies(await sdkClient(serviceUrl), { retryDelayMs: 1 }));
            assert.deepStrictEqual(connector.received.map((request) => request.status), [503, 200]);
            assert.strictEqual(response.id, 'activity-2');
        });

        it('503 with Retry-After as an HTTP date in the past: retried at once', async () => {
            connector.script.push({ status: 503, headers: { 'retry-after': new Date(Date.now() - 60_000).toUTCString() } });
            await send(withDirectReplies(await sdkClient(serviceUrl)));
            assert.deepStrictEqual(connector.received.map((request) => request.status), [503, 200]);
        });

        it('500 four times: rejects with statusCode 500 after exactly 4 requests (3 retries)', async () => {
            for (let i = 0; i < 4; i++) connector.script.push({ status: 500, body: { error: { code: 'ServiceError', message: 'internal' } } });
            const error = await failure(send(withDirectReplies(await sdkClient(serviceUrl), { retryDelayMs: 1 })));
            assert.ok(error instanceof ConnectorCallError);
            assert.strictEqual(error.name, 'RestError');
            assert.strictEqual(error.statusCode, 500);
            assert.strictEqual(connector.received.length, 4);
            assert.deepStrictEqual(connector.received.map((request) => request.status), [500, 500, 500, 500]);
        });

        it('maxRetries is honoured', async () => {
            for (let i = 0; i < 4; i++) connector.script.push({ status: 502 });
            const error = await failure(send(withDirectReplies(await sdkClient(serviceUrl), { retryDelayMs: 1, maxRetries: 1 })));
            assert.strictEqual(error.statusCode, 502);
            assert.strictEqual(connector.received.length, 2);
        });

        it('408 and 5xx but 501 and 505 are retried; 4xx, 501, 505 and 429 without Retry-After are not', async () => {
            const direct = withDirectReplies(await sdkClient(serviceUrl), { retryDelayMs: 1 });
            const cases: Array<[number, number]> = [[408, 4], [500, 4], [502, 4], [503, 4], [504, 4], [400, 1], [401, 1], [404, 1], [412, 1], [429, 1], [501, 1], [505, 1]];
            for (const [status, requests] of cases) {
                const before = connector.received.length;
                for (let i = 0; i < 4; i++) connector.script.push({ status });
                const error = await failure(send(direct));
                assert.strictEqual(error.statusCode, status);
                assert.strictEqual(connector.received.length - before, requests, `${status}: ${requests} request(s)`);
                connector.script.length = 0;
            }
        });

        it('403: rejects at once after one request, a ConnectorCallError as the SDK\'s RestError, transient for the turn error handler', async () => {
            const sdk = await sdkClient(serviceUrl);
            const body = { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } };
            connector.script.push({ status: 403, body });
            const error = await failure(send(withDirectReplies(sdk, { retryDelayMs: 1 })));
            assert.strictEqual(connector.received.length, 1);
            assert.ok(error instanceof ConnectorCallError, String(error));
            assert.strictEqual(error.statusCode, 403);
            assert.strictEqual(error.name, 'RestError');
            assert.deepStrictEqual(error.body, body);
            assert.strictEqual(isTransientFailure(error), true);
            // The SDK's error for the same answer: what failure handling reads is the same.
            connector.script.push({ status: 403, body });
            const sdkError = await failure(send(sdk));
            assert.strictEqual(connector.received.length, 2);
            assert.deepStrictEqual([error.name, error.statusCode, error.code, error.message], [sdkError.name, sdkError.statusCode, sdkError.code, sdkError.message]);
            assert.strictEqual(isTransientFailure(sdkError), true);
        });

        it('connection refused (a closed port): retried, then rejects with code ECONNREFUSED', async () => {
            const port = await closedPort();
            const signed: string[] = [];
            const client = signedWithTestToken(await sdkClient(`http://127.0.0.1:${port}`), signed);
            const error = await failure(send(withDirectReplies(client, { retryDelayMs: 1 })));
            assert.ok(error instanceof ConnectorCallError, String(error));
            assert.strictEqual(error.name, 'RestError');
            assert.strictEqual(error.code, 'ECONNREFUSED');
            assert.strictEqual(error.statusCode, undefined);
            assert.strictEqual(isTransientFailure(error), true);
            // Every attempt is signed before it is sent: four attempts, the first and three retries.
            assert.strictEqual(signed.length, 4);
        });

        it('a connection dropped without an answer (ECONNRESET) is retried and the reply delivered', async () => {
            connector.resets = 1;
            const response = await send(withDirectReplies(await sdkClient(serviceUrl), { retryDelayMs: 1 }));
            assert.deepStrictEqual(connector.received.map((request) => request.status), [0, 200]);
            assert.strictEqual(response.id, 'activity-2');
        });

        it('no answer within timeoutMs: abandoned, not retried (it may have been delivered)', async () => {
            connector.script.push({ status: 0, hang: true }, { status: 0, hang: true });
            const error = await failure(send(withDirectReplies(await sdkClient(serviceUrl), { retryDelayMs: 1, timeoutMs: 50 })));
            assert.ok(error instanceof ConnectorCallError);
            assert.strictEqual(error.name, 'RestError');
            assert.strictEqual(error.code, 'REQUEST_TIMEOUT');
            assert.strictEqual(connector.received.length, 1);
        });
    });

    describe('signing', () => {
        it('every reply is signed by the client\'s credentials, and their authorization header reaches the connector', async () => {
            const signed: string[] = [];
            const direct = withDirectReplies(signedWithTestToken(await sdkClient(`${serviceUrl}/`), signed));
            await direct.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, { type: ActivityTypes.Message, text: 'imzalı' });
            await direct.conversations.sendToConversation(TEAMS_CONVERSATION, { type: ActivityTypes.Message, text: 'imzalı' });
            assert.deepStrictEqual(signed, [
                `${serviceUrl}/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities/1%3A1700000000000`,
                `${serviceUrl}/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities`,
            ]);
            assert.deepStrictEqual(connector.received.map((request) => request.headers.authorization), ['Bearer test', 'Bearer test']);
        });

        it('a signing failure is thrown as it is, once, with nothing sent (as the SDK, which signs outside its retries)', async () => {
            const sdk = await sdkClient(serviceUrl);
            const direct = withDirectReplies(sdk);
            // The token endpoint could not be reached: an error with a network code, from signing, not from the reply.
            const tokenUnavailable = Object.assign(new Error('getaddrinfo ENOTFOUND login.microsoftonline.com'), { code: 'ENOTFOUND' });
            let signings = 0;
            Object.defineProperty(sdk, 'credentials', { value: { signRequest: () => (signings++, Promise.reject(tokenUnavailable)) } });
            assert.strictEqual(await failure(sdk.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, { type: ActivityTypes.Message, text: 'x' })), tokenUnavailable);
            assert.strictEqual(signings, 1, 'SDK');
            assert.strictEqual(await failure(direct.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, { type: ActivityTypes.Message, text: 'x' })), tokenUnavailable);
            assert.strictEqual(await failure(direct.conversations.sendToConversation(TEAMS_CONVERSATION, { type: ActivityTypes.Message, text: 'x' })), tokenUnavailable);
            assert.strictEqual(signings, 3, 'direct: once a call');
            assert.deepStrictEqual(connector.received, []);
        });

        it('the bot\'s own credentials (the own-connector key) sign the direct reply as they sign the SDK\'s', async () => {
            const adapter = createAdapter(loadConfig({ PORT: '0' }), { key: 'own-connector-key', owns: (url) => url.startsWith(serviceUrl) });
            const direct = await turnClient(adapter, serviceUrl);
            const sdk = Object.getPrototypeOf(direct) as ConnectorClient;
            assert.notStrictEqual(operation(direct, 'replyToActivity'), operation(sdk, 'replyToActivity'), 'the adapter wraps its clients');
            const activity = reply(MessageFactory.text('anahtarlı'), serviceUrl);
            await sdk.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, activity);
            await direct.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, activity);
            const [bySdk, byDirect] = connector.received;
            assert.ok(!isDirect(bySdk) && isDirect(byDirect));
            assert.strictEqual(bySdk.headers.authorization, 'Bearer own-connector-key');
            assert.strictEqual(byDirect.headers.authorization, 'Bearer own-connector-key');
            assert.strictEqual(byDirect.path, bySdk.path);
            assert.deepStrictEqual(parsed(byDirect), parsed(bySdk));
        });

        it('local mode: a non-loopback service URL is refused before any request, with the same error as through the SDK', async function () {
            const external = externalAddress();
            if (!external) this.skip();
            // The connector is reachable at a non-loopback address: a request, if one were made, would arrive.
            const outside = new RecordingConnector();
            const outsideUrl = await outside.start(external);
            try {
                const adapter = createAdapter(loadConfig({ PORT: '0' }));
                for (const url of [`${outsideUrl}/`, 'https://smba.trafficmanager.net/teams/']) {
                    const direct = await turnClient(adapter, url);
                    const sdk = Object.getPrototypeOf(direct) as ConnectorClient;
                    assert.notStrictEqual(direct, sdk);
                    for (const client of [direct, sdk]) {
                        const refusedReply = await failure(client.conversations.replyToActivity(TEAMS_CONVERSATION, REPLY_TO, { type: ActivityTypes.Message, text: 'dışarı' }));
                        const refusedSend = await failure(client.conversations.sendToConversation(TEAMS_CONVERSATION, { type: ActivityTypes.Message, text: 'dışarı' }));
                        for (const error of [refusedReply, refusedSend]) {
                            assert.ok(error instanceof ServiceUrlRefusedError, `${client === sdk ? 'SDK' : 'direct'}: ${String(error)}`);
                            // Refused on purpose: not a connector hiccup that trying again would fix.
                            assert.strictEqual(isTransientFailure(error), false);
                        }
                    }
                }
                assert.deepStrictEqual(outside.received, [], 'nothing reached the non-loopback connector');
            } finally {
                await outside.stop();
            }
        });
    });

    describe('everything else is the SDK client\'s', () => {
        it('credentials, baseUri and the other operations are inherited; the client itself is left as it was', async () => {
            const sdk = await sdkClient(`${serviceUrl}/`);
            const direct = withDirectReplies(sdk);
            assert.strictEqual(direct.credentials, sdk.credentials);
            assert.strictEqual((direct as unknown as { baseUri: string }).baseUri, (sdk as unknown as { baseUri: string }).baseUri);
            for (const name of ['updateActivity', 'getConversationMember', 'deleteActivity', 'createConversation', 'getConversationPagedMembers']) {
                assert.strictEqual(operation(direct, name), operation(sdk, name), name);
            }
            assert.notStrictEqual(operation(direct, 'replyToActivity'), operation(sdk, 'replyToActivity'));
            assert.notStrictEqual(operation(direct, 'sendToConversation'), operation(sdk, 'sendToConversation'));

            const updated = await direct.conversations.updateActivity(TEAMS_CONVERSATION, 'activity-9', { type: ActivityTypes.Message, id: 'activity-9', text: 'güncel' });
            const member = await direct.conversations.getConversationMember(TEAMS_CONVERSATION, '29:user');
            await sdk.conversations.sendToConversation(TEAMS_CONVERSATION, { type: ActivityTypes.Message, text: 'hâlâ SDK' });
            assert.deepStrictEqual(connector.received.map((request) => [request.method, request.path, isDirect(request)]), [
                ['PUT', `/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities/activity-9`, false],
                ['GET', `/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/members/29%3Auser`, false],
                ['POST', `/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities`, false],
            ]);
            assert.strictEqual(updated.id, 'activity-1');
            assert.strictEqual(member.name, 'Ayşe Yılmaz');
        });

        it('a client whose baseUri is not http(s) is returned as it is', async () => {
            const sdk = await sdkClient(serviceUrl);
            const odd = Object.create(sdk) as ConnectorClient;
            Object.defineProperty(odd, 'baseUri', { value: 'urn:bot:connector' });
            assert.strictEqual(withDirectReplies(odd), odd);
        });
    });

    describe('proxyConfigured', () => {
        for (const name of PROXY_VARIABLES) {
            it(`true with ${name}`, () => {
                assert.strictEqual(proxyConfigured({ [name]: 'http://proxy.example:8080' }), true);
            });
        }
        it('false without a proxy variable, or with an empty one or only NO_PROXY', () => {
            assert.strictEqual(proxyConfigured({}), false);
            assert.strictEqual(proxyConfigured({ HTTPS_PROXY: '', http_proxy: '' }), false);
            assert.strictEqual(proxyConfigured({ NO_PROXY: 'localhost', PATH: '/usr/bin' }), false);
        });
    });

    describe('a turn of the bot', () => {
        it('createAdapter (local mode): replies, a message with nothing to reply to and a proactive message reach the connector through the direct path', async () => {
            const adapter = createAdapter(loadConfig({ PORT: '0' }));
            const activity = { ...incoming('merhaba'), serviceUrl } as Activity;
            const sent: string[] = [];
            await adapter.processActivityDirect('', activity, async (context: TurnContext) => {
                const first = await context.sendActivity('Merhaba! Size nasıl yardımcı olabilirim?');
                const second = await context.sendActivity(MessageFactory.attachment(adaptiveCard));
                sent.push(first?.id ?? '', second?.id ?? '');
            });
            // An incoming activity without an id: the answer replies to nothing, so "send to conversation".
            await adapter.processActivityDirect('', { ...activity, id: undefined }, async (context: TurnContext) => {
                await context.sendActivity('Hoş geldiniz.');
            });
            // botbuilder's proactive message: a reply to the continuation event it makes up.
            await adapter.continueConversationAsync('', TurnContext.getConversationReference(activity), async (context) => {
                await context.sendActivity('Talebiniz güncellendi.');
            });

            assert.strictEqual(connector.received.length, 4);
            assert.ok(connector.received.every(isDirect), connector.received.map((request) => request.headers['user-agent']).join('\n'));
            const [first, second, unanswered, proactive] = connector.received;
            for (const request of [first, second]) {
                assert.strictEqual(request.method, 'POST');
                assert.strictEqual(request.path, `/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities/1%3A1700000000000`);
                assert.strictEqual(request.headers['x-ms-conversation-id'], TEAMS_CONVERSATION);
                assert.strictEqual((parsed(request) as Activity).replyToId, REPLY_TO);
            }
            assert.strictEqual((parsed(first) as Activity).text, 'Merhaba! Size nasıl yardımcı olabilirim?');
            assert.deepStrictEqual((parsed(second) as Activity).attachments, JSON.parse(JSON.stringify([adaptiveCard])));
            assert.deepStrictEqual((parsed(first) as Activity).recipient, activity.from);
            assert.strictEqual(unanswered.path, `/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities`);
            assert.strictEqual((parsed(unanswered) as Activity).text, 'Hoş geldiniz.');
            assert.strictEqual(unanswered.headers['x-ms-conversation-id'], undefined);
            assert.match(proactive.path, new RegExp(`^/v3/conversations/${TEAMS_CONVERSATION_IN_PATH}/activities/[^/]+$`));
            assert.strictEqual((parsed(proactive) as Activity).text, 'Talebiniz güncellendi.');
            assert.deepStrictEqual(sent, ['activity-1', 'activity-2'], 'the ids the connector answered reach the bot');
        });
    });
});

