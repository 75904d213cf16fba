import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Activity } from 'botbuilder';
import { BotProcess, freePort } from '../support/botProcess';
import { readableText } from '../support/cardText';
import { CosmosTestServer } from '../support/cosmosServer';
import { FakeConnector } from '../support/fakeConnector';
import { STAFF, STAFF_TEAM, TENANT, ticketIdOf } from '../support/ticketWorld';

const BOT = { id: '28:bot', name: 'e-İmza Asistanı' };

describe('Cosmos DB: two bot processes on one database', function () {
    this.timeout(90_000);
    const cosmos = new CosmosTestServer();
    const connector = new FakeConnector({}, Object.values(STAFF));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-processes-'));
    let a: BotProcess;
    let b: BotProcess;

    before(async () => {
        await cosmos.start();
        await connector.start();
        const env = {
            ...cosmos.processEnv(`processes-${randomUUID()}`),
            STAFF_TEAM_ID: STAFF_TEAM,
            DATA_DIR: dataDir,
            LOG_LEVEL: 'info',
        };
        a = new BotProcess(await freePort(), env);
        b = new BotProcess(await freePort(), env);
        await Promise.all([a.start(), b.start()]);
    });

    after(async () => {
        await Promise.all([a?.kill('SIGTERM'), b?.kill('SIGTERM')]);
        await connector.stop();
        await cosmos.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const user = (bot: BotProcess, extra: Partial<Activity>) =>
        bot
            .exchange({
                type: 'message',
                channelId: 'webchat',
                serviceUrl: connector.url,
                locale: 'tr-TR',
                from: { id: 'web-two-processes', name: '' },
                recipient: BOT,
                conversation: { id: 'webchat-two-processes' } as never,
                ...extra,
            })
            .then((replies) => replies.map(readableText).join('\n'));

    const staffClick = (bot: BotProcess, member: (typeof STAFF)['ayse'], verb: string, data: Record<string, unknown>, threadId: string) =>
        bot
            .post('/api/messages', {
                type: 'invoke',
                name: 'adaptiveCard/action',
                channelId: 'msteams',
                serviceUrl: connector.url,
                from: member,
                recipient: BOT,
                conversation: { id: threadId, conversationType: 'channel', isGroup: true },
                channelData: { team: { id: STAFF_TEAM }, channel: { id: STAFF_TEAM }, tenant: { id: TENANT } },
                value: { action: { type: 'Action.Execute', verb: `ticket.${verb}`, data }, trigger: 'manual' },
            })
            .then(({ body }) => readableText({ attachments: [{ contentType: '', content: (body as { value: unknown }).value }] }));

    it('a conversation goes on across processes, a ticket reaches the staff once, and simultaneous claims have one winner', async () => {
        await a.post('/api/messages', {
            type: 'conversationUpdate',
            channelId: 'msteams',
            serviceUrl: connector.url,
            recipient: BOT,
            from: STAFF.ayse,
            conversation: { id: STAFF_TEAM, conversationType: 'channel', isGroup: true },
            membersAdded: [BOT],
            channelData: { eventType: 'teamMemberAdded', team: { id: STAFF_TEAM }, tenant: { id: TENANT } },
        });

        await user(a, { text: 'merhaba' });
        assert.match(await user(a, { value: { choice: 'first' } }), /Adım 1 \/ 18/);
        assert.match(await user(b, { value: { choice: 'yes' } }), /Adım 2 \/ 18/, 'instance B continues what A started');
        assert.match(await user(a, { value: { choice: 'no' } }), /Adım 3 \/ 18/);

        await user(b, { text: 'kütüphaneye yaz' });
        await user(a, { text: 'İki süreç denemesi' });
        await user(b, { text: 'Deniz Su' });
        assert.match(await user(a, { text: 'deniz.su@bezmialem.edu.tr' }), /#1001/);

        const card = await connector.waitFor((call) => call.kind === 'createConversation', 20_000);
        const [fromA, fromB] = await Promise.all([
            staffClick(a, STAFF.ayse, 'claim', { ticketId: ticketIdOf(card) }, card.conversationId),
            staffClick(b, STAFF.burak, 'claim', { ticketId: ticketIdOf(card) }, card.conversationId),
        ]);
        const refused = [fromA, fromB].filter((text) => /zaten üstlendi/.test(text));
        assert.strictEqual(refused.length, 1, `exactly one claim refused:\n${fromA}\n---\n${fromB}`);
        assert.strictEqual(connector.calls.filter((call) => call.kind === 'createConversation').length, 1, 'one staff thread, though both processes deliver notices');
    });
});
