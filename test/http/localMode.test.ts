import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import { loadConfig, misspeltCredentialNames } from '../../core/config';
import { ConfigurationError } from '../../core/errors';
import { createLogger } from '../../core/logger';
import { BotProcess, freePort } from '../support/botProcess';
import { startTestServer, type TestServer } from '../web/startTestServer';

const BASE = { PORT: '0', DATA_DIR: os.tmpdir() };
const refusal = (env: Record<string, string>) => {
    try {
        loadConfig({ ...BASE, ...env });
    } catch (error) {
        assert.ok(error instanceof ConfigurationError, `a ConfigurationError, not ${String(error)}`);
        return error.message;
    }
    return assert.fail(`accepted ${JSON.stringify(env)}`);
};

/** An address of this machine that is not loopback, if it has one. */
function externalAddress(): string | undefined {
    return Object.values(os.networkInterfaces())
        .flat()
        .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
}

/** Resolves with true when a TCP connection to host:port opens, false when it is refused. */
const reachable = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port });
        socket.once('connect', () => {
            socket.destroy();
            resolve(true);
        });
        socket.once('error', () => resolve(false));
    });

describe('local mode is never switched on by accident (issue 12, point 2)', function () {
    this.timeout(30_000);

    describe('credentials', () => {
        it('misspelt credential names stop the start, each named', () => {
            for (const name of [
                'MICROSOFT_APP_ID',
                'MicrosoftAppID',
                'MICROSOFTAPPID',
                'microsoftappid',
                'Microsoft_App_Password',
                'MicrosoftAppPassWord',
                'MicrosoftAppPasword',
                'MICROSOFT_APP_TENANT_ID',
                'MicrosoftApp_Type',
                'MicrosoftAppSecret',
                'MicrosoftAppTenant',
                'MicrosftAppId',
                'BOT_ID',
                'BOT_PASSWORD',
                'BOT_TENANT_ID',
                'BOT_TYPE',
                'bot_id',
            ]) {
                const message = refusal({ [name]: 'something' });
                assert.ok(message.includes(name), `${name} is named: ${message}`);
            }
            assert.deepStrictEqual(misspeltCredentialNames({ MicrosoftAppId: 'x', BOT_DOMAIN: 'bot.example', PATH: '/bin', MICROSOFT_APP_ID: '' }), [], 'right names, unrelated names and empty values pass');
            assert.match(refusal({ MICROSOFT_APP_ID: 'a', BOT_PASSWORD: 'b' }), /BOT_PASSWORD, MICROSOFT_APP_ID/);
        });

        it('half-set credentials stop the start, naming what is missing or stray', () => {
            assert.match(refusal({ MicrosoftAppPassword: 'secret' }), /MicrosoftAppPassword set without MicrosoftAppId/);
            assert.match(refusal({ MicrosoftAppTenantId: 'tenant', MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppType, MicrosoftAppTenantId set without MicrosoftAppId/);
            assert.match(refusal({ MicrosoftAppId: 'id' }), /MicrosoftAppPassword/);
            assert.match(refusal({ MicrosoftAppId: 'id', MicrosoftAppType: 'MultiTenant' }), /MicrosoftAppPassword/);
            assert.match(refusal({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }), /MicrosoftAppTenantId/);
            assert.match(refusal({ MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI' }), /MicrosoftAppTenantId/);
            assert.match(refusal({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'Multi' }), /MicrosoftAppType/);
            assert.match(refusal({ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }), /MicrosoftAppPassword must not be set/);
        });

        it('complete credentials and none at all are accepted; none means loopback only', () => {
            assert.strictEqual(loadConfig({ ...BASE, MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }).localMode, false);
            assert.strictEqual(loadConfig({ ...BASE, MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }).localMode, false);
            assert.strictEqual(loadConfig({ ...BASE, MicrosoftAppId: 'id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }).localMode, false);
            assert.strictEqual(loadConfig({ ...BASE, MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'multitenant' }).localMode, false, 'botbuilder reads the type case-insensitively');
            const local = loadConfig({ ...BASE, MicrosoftAppId: '  ', MicrosoftAppPassword: '' });
            assert.strictEqual(local.localMode, true);
            assert.deepStrictEqual(local.listenHosts, ['127.0.0.1', '::1']);
            assert.strictEqual(loadConfig({ ...BASE, LISTEN_ALL_INTERFACES: 'true' }).listenHosts, undefined);
            assert.strictEqual(loadConfig({ ...BASE, MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }).listenHosts, undefined);
        });

        it('the started bot refuses to start with a misspelt variable, and says which', async () => {
            const bot = new BotProcess(await freePort(), { MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000000', DATA_DIR: os.tmpdir() });
            await assert.rejects(bot.start(), (error: Error) => /exited with 1/.test(error.message) && /MICROSOFT_APP_ID/.test(error.message) && /CONFIGURATION_INVALID/.test(error.message));
        });
    });

    describe('listening', () => {
        let bot: TestServer | undefined;
        afterEach(async () => {
            await bot?.stop();
            bot = undefined;
        });

        it('listens on 127.0.0.1 and ::1 only', async function () {
            bot = await startTestServer();
            const { port } = bot.app.server.address();
            assert.strictEqual(await reachable('127.0.0.1', port), true);
            const external = externalAddress();
            if (external) assert.strictEqual(await reachable(external, port), false, `${external} must not reach local mode`);
            const ipv6 = await fetch(`http://[::1]:${port}/healthz`).then(
                (response) => response.status,
                () => undefined,
            );
            if (ipv6 !== undefined) assert.strictEqual(ipv6, 200);
            if (!external) this.skip();
        });

        it('LISTEN_ALL_INTERFACES=true widens it, with a loud warning', async function () {
            const lines: string[] = [];
            bot = await startTestServer({ env: { LISTEN_ALL_INTERFACES: 'true' }, logger: createLogger('warn', (line) => lines.push(line)) });
            assert.ok(
                lines.some((line) => line.includes('LOCAL MODE ON EVERY INTERFACE')),
                lines.join('\n'),
            );
            const external = externalAddress();
            if (!external) this.skip();
            assert.strictEqual(await reachable(external, bot.app.server.address().port), true);
        });
    });

    describe('talking to loopback service URLs only', () => {
        let bot: TestServer;
        beforeEach(async () => {
            bot = await startTestServer({ env: { STAFF_TEAM_ID: '19:staff@thread.tacv2' } });
        });
        afterEach(async () => bot.stop());

        const post = (activity: unknown) => fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });

        it('refuses an activity whose serviceUrl is not loopback before the bot sees it (no staff channel learnt)', async () => {
            const team = { channelData: { eventType: 'teamMemberAdded', team: { id: '19:staff@thread.tacv2' }, tenant: { id: 't' } } };
            for (const serviceUrl of ['http://attacker.example', 'https://10.0.0.5:443/', 'http://127.0.0.1.attacker.example/', undefined]) {
                const response = await post({
                    type: 'conversationUpdate',
                    channelId: 'msteams',
                    serviceUrl,
                    ...team,
                    conversation: { id: '19:staff@thread.tacv2', conversationType: 'channel', isGroup: true },
                    recipient: { id: '28:bot', name: 'bot' },
                    from: { id: '29:x', name: 'x' },
                    membersAdded: [{ id: '28:bot', name: 'bot' }],
                });
                assert.strictEqual(response.status, 403, String(serviceUrl));
                assert.strictEqual(((await response.json()) as { error: string }).error, 'SERVICE_URL_REFUSED');
            }
            // The registry is configured for that team (STAFF_TEAM_ID above) and learnt nothing.
            assert.ok(bot.app.staffChannels.configured);
            assert.strictEqual(await bot.app.staffChannels.get(), undefined);
            // Loopback is fine.
            const local = await post({
                type: 'message',
                channelId: 'emulator',
                serviceUrl: 'http://127.0.0.1:1',
                deliveryMode: 'expectReplies',
                text: 'merhaba',
                from: { id: 'u', name: 'u' },
                recipient: { id: 'b', name: 'b' },
                conversation: { id: 'c-local' },
            });
            assert.strictEqual(local.status, 200);
        });

        it('never sends to a non-loopback serviceUrl, even proactively', async function () {
            const external = externalAddress();
            if (!external) this.skip();
            // A would-be attacker's connector on this machine's network address: it must hear nothing.
            const heard: string[] = [];
            const attacker = http.createServer((req, res) => {
                heard.push(`${req.method} ${req.url}`);
                res.writeHead(200, { 'Content-Type': 'application/json' });
                res.end('{"id":"1"}');
            });
            await new Promise<void>((resolve) => attacker.listen(0, external, resolve));
            try {
                const serviceUrl = `http://${external}:${(attacker.address() as net.AddressInfo).port}/`;
                const reference = {
                    channelId: 'msteams',
                    serviceUrl,
                    conversation: { id: 'x', isGroup: false, conversationType: 'personal', name: '' },
                    bot: { id: 'b', name: 'b' },
                    user: { id: 'u', name: 'u' },
                };
                let failure: unknown;
                await bot.app.adapter.continueConversationAsync('', reference, async (context) => {
                    try {
                        await context.sendActivity('to the attacker');
                    } catch (error) {
                        failure = error;
                    }
                });
                assert.match(String((failure as Error | undefined)?.message), /loopback/);
                assert.deepStrictEqual(heard, []);
            } finally {
                attacker.closeAllConnections();
                await new Promise<void>((resolve) => attacker.close(() => resolve()));
            }
        });
    });
});
