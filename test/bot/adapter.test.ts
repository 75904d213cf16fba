import * as assert from 'assert';
import * as http from 'http';
import * as os from 'os';
import type { AddressInfo } from 'net';
import { ActivityTypes, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import { createAdapter } from '../../bot/adapter';
import { isTransientFailure } from '../../bot/turnErrorHandler';
import { loadConfig } from '../../core/config';
import { ServiceUrlRefusedError } from '../../core/errors';

/*
 * bot/adapter.ts is botbuilder's CloudAdapter with the bot's guard on every outgoing call. These
 * tests send real turns through it at a Bot Connector on loopback that records what arrives.
 */

interface Received {
    method: string;
    path: string;
    headers: http.IncomingHttpHeaders;
    body: Partial<Activity>;
}

/** A Bot Connector on loopback: records every request, answers 200 `{ id }`, or a scripted status first. */
class RecordingConnector {
    readonly received: Received[] = [];
    readonly statuses: number[] = [];
    private readonly server = http.createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
            this.received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: JSON.parse(body || '{}') as Partial<Activity> });
            const status = this.statuses.shift() ?? 200;
            res.writeHead(status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(status === 200 ? { id: `activity-${this.received.length}` } : { error: { code: 'BotNotInConversationRoster', message: 'not in the roster' } }));
        });
    });

    async start(host = '127.0.0.1'): Promise<string> {
        await new Promise<void>((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(0, host, resolve);
        });
        return `http://${host}:${(this.server.address() as AddressInfo).port}`;
    }

    async stop(): Promise<void> {
        this.server.closeAllConnections();
        await new Promise<void>((resolve) => this.server.close(() => resolve()));
    }
}

const externalAddress = () =>
    Object.values(os.networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

const CONVERSATION = '19:abc@thread.skype;messageid=1';
const CONVERSATION_IN_PATH = encodeURIComponent(CONVERSATION);
const REPLY_TO = '1:1700000000000';

/** A user's message as a channel sends it. */
function incoming(serviceUrl: string, text = 'merhaba'): Activity {
    return {
        type: ActivityTypes.Message,
        id: REPLY_TO,
        text,
        channelId: 'msteams',
        locale: 'tr-TR',
        serviceUrl,
        from: { id: '29:user', name: 'Ayşe Yılmaz' },
        recipient: { id: '28:bot', name: 'E-İmza Asistanı' },
        conversation: { id: CONVERSATION, conversationType: 'personal', isGroup: false, name: '' },
    } as Activity;
}

/** What the turn threw, for assertions on the error itself. */
async function failure(run: () => Promise<unknown>): Promise<unknown> {
    try {
        await run();
    } catch (error) {
        return error;
    }
    return assert.fail('expected a failure');
}

describe("the adapter: botbuilder's CloudAdapter with a guard on every outgoing call", () => {
    let connector: RecordingConnector;
    let serviceUrl: string;
    beforeEach(async () => {
        connector = new RecordingConnector();
        serviceUrl = await connector.start();
    });
    afterEach(async () => connector.stop());

    it('replies, a message with nothing to reply to and a proactive message reach the Bot Connector, and the ids it answers reach the bot', async () => {
        const { adapter } = createAdapter(loadConfig({ PORT: '0' }));
        const sent: string[] = [];
        await adapter.processActivityDirect('', incoming(serviceUrl), async (context) => {
            sent.push((await context.sendActivity('Merhaba!'))?.id ?? '');
        });
        await adapter.processActivityDirect('', { ...incoming(serviceUrl), id: undefined }, async (context) => {
            await context.sendActivity('Hoş geldiniz.');
        });
        await adapter.continueConversationAsync('', TurnContext.getConversationReference(incoming(serviceUrl)), async (context) => {
            await context.sendActivity('Talebiniz güncellendi.');
        });
        const [reply, unanswered, proactive] = connector.received;
        assert.strictEqual(connector.received.length, 3);
        assert.deepStrictEqual(
            [reply.method, reply.path, reply.body.text, reply.body.replyToId],
            ['POST', `/v3/conversations/${CONVERSATION_IN_PATH}/activities/${encodeURIComponent(REPLY_TO)}`, 'Merhaba!', REPLY_TO],
        );
        assert.deepStrictEqual(reply.body.recipient, incoming(serviceUrl).from);
        assert.deepStrictEqual([unanswered.path, unanswered.body.text], [`/v3/conversations/${CONVERSATION_IN_PATH}/activities`, 'Hoş geldiniz.']);
        assert.match(proactive.path, new RegExp(`^/v3/conversations/${CONVERSATION_IN_PATH}/activities/[^/]+$`));
        assert.strictEqual(proactive.body.text, 'Talebiniz güncellendi.');
        assert.deepStrictEqual(sent, ['activity-1']);
    });

    it("a turn of the local Direct Line runs as the bot, and its replies to the own connector routes carry the per-process key, no one else's", async () => {
        const other = new RecordingConnector();
        const otherUrl = await other.start();
        try {
            const { adapter, ownConnectorTurns } = createAdapter(loadConfig({ PORT: '0' }), { key: 'own-connector-key', owns: (url) => url.startsWith(serviceUrl) });
            await adapter.processActivityDirect(ownConnectorTurns, incoming(serviceUrl), async (context) => {
                await context.sendActivity(MessageFactory.text('anahtarlı'));
            });
            await adapter.processActivityDirect('', incoming(otherUrl), async (context) => {
                await context.sendActivity(MessageFactory.text('anahtarsız'));
            });
            assert.deepStrictEqual(
                connector.received.map((request) => [request.body.text, request.headers.authorization]),
                [['anahtarlı', 'Bearer own-connector-key']],
            );
            assert.deepStrictEqual(
                other.received.map((request) => [request.body.text, request.headers.authorization]),
                [['anahtarsız', undefined]],
            );
        } finally {
            await other.stop();
        }
    });

    it('local mode: a non-loopback service URL is refused before any request, and the refusal is not a hiccup to retry', async () => {
        const external = externalAddress();
        // Reachable at a non-loopback address where the machine has one: a request, if one were made, would arrive.
        const outside = new RecordingConnector();
        const outsideUrl = external ? await outside.start(external) : undefined;
        try {
            const { adapter } = createAdapter(loadConfig({ PORT: '0' }));
            for (const url of [outsideUrl, 'https://smba.trafficmanager.net/teams/'].filter((url): url is string => !!url)) {
                for (const activity of [incoming(url), { ...incoming(url), id: undefined }]) {
                    let refused: unknown;
                    await adapter.processActivityDirect('', activity, async (context) => {
                        refused = await failure(() => context.sendActivity('dışarı'));
                    });
                    assert.ok(refused instanceof ServiceUrlRefusedError, `${url}: ${String(refused)}`);
                    assert.strictEqual(isTransientFailure(refused), false);
                }
            }
            assert.deepStrictEqual(connector.received, []);
        } finally {
            if (outsideUrl) await outside.stop();
        }
        assert.deepStrictEqual(outside.received, [], 'nothing reached the non-loopback connector');
    });

    it("a Bot Connector refusal (403) reaches the turn as botbuilder's RestError, which the turn error handler counts as transient", async () => {
        const { adapter } = createAdapter(loadConfig({ PORT: '0' }));
        connector.statuses.push(403);
        let refused: unknown;
        await adapter.processActivityDirect('', incoming(serviceUrl), async (context) => {
            refused = await failure(() => context.sendActivity('reddedilecek'));
        });
        assert.strictEqual(connector.received.length, 1, 'a 403 is not retried');
        assert.deepStrictEqual([(refused as Error).name, (refused as { statusCode?: number }).statusCode], ['RestError', 403]);
        assert.strictEqual(isTransientFailure(refused), true);
    });
});
