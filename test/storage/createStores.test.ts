import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig } from '../../core/config';
import { createLogger } from '../../core/logger';
import { createStores } from '../../storage/createStores';
import { CosmosTestServer } from '../support/cosmosServer';
import { changed, minutes, sampleTicket } from '../tickets/sampleTickets';

const DAY = 86_400_000;
const quiet = createLogger('error', () => undefined);

describe('createStores', function () {
    this.timeout(30_000);
    const server = new CosmosTestServer();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-stores-'));
    before(() => server.start());
    after(async () => {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const configs = {
        sqlite: () => loadConfig({ DATA_DIR: dataDir, DATA_RETENTION_DAYS: '30' }),
        cosmos: () => loadConfig({ DATA_DIR: dataDir, DATA_RETENTION_DAYS: '30', ...server.env(`stores-${randomUUID()}`) }),
    };

    for (const kind of ['sqlite', 'cosmos'] as const) {
        it(`${kind}: the retention sweep deletes closed tickets, idle state and unanswered questions older than DATA_RETENTION_DAYS, and nothing younger; reminders after their expiry month`, async () => {
            const stores = createStores(configs[kind](), quiet, server.overrides);
            try {
                assert.strictEqual(stores.kind, kind);
                await stores.ping();
                const now = Date.now();
                const created = await stores.tickets.create(sampleTicket({ createdAt: now, updatedAt: now }), []);
                await stores.tickets.update(changed(created, 'resolved', now + minutes(1), 'resolved'), []);
                await stores.storage.write({ [`webchat/users/u-${kind}`]: { language: 'tr' } });
                await stores.questions.record({ text: 'unanswered', language: 'tr', askedAt: now });

                // A renewal reminder for a certificate that expires in the month 30 days from now: it ends with that month (kept no longer than needed).
                const expiry = new Date(now + 30 * DAY);
                await stores.tickets.saveRenewalReminder(
                    {
                        id: randomUUID(),
                        userId: 'directline:dl_former',
                        language: 'tr',
                        expiryMonth: expiry.getUTCMonth() + 1,
                        expiryYear: expiry.getUTCFullYear(),
                        email: 'former.staff@bezmialem.edu.tr',
                        createdAt: now,
                    },
                    [],
                );

                assert.deepStrictEqual(await stores.sweepExpired(now + 29 * DAY), { tickets: 0, states: 0, questions: 0, reminders: 0 });
                assert.deepStrictEqual(await stores.sweepExpired(now + 31 * DAY), { tickets: 1, states: 1, questions: 1, reminders: 0 });
                assert.deepStrictEqual(await stores.sweepExpired(now + 62 * DAY), { tickets: 0, states: 0, questions: 0, reminders: 1 }, 'the reminder, once its expiry month is over');
                assert.deepStrictEqual(await stores.tickets.listAllRenewalReminders(), []);
                assert.deepStrictEqual(await stores.questions.list(0, now + 31 * DAY), []);
                assert.strictEqual(await stores.tickets.get(created.id), undefined);
                assert.deepStrictEqual(await stores.storage.read([`webchat/users/u-${kind}`]), {});
            } finally {
                await stores.close();
            }
        });
    }

    it('cosmos: references and Direct Line conversations live in containers of their own', async () => {
        const stores = createStores(configs.cosmos(), quiet, server.overrides);
        try {
            await stores.references.write({ 'references/users/u-1': { reference: { conversation: { id: 'c-1' } } } });
            await stores.directLine.write({ 'directline/conversations/d-1': { activities: [] } });
            assert.ok((await stores.references.read(['references/users/u-1']))['references/users/u-1']);
            assert.deepStrictEqual(await stores.storage.read(['references/users/u-1', 'directline/conversations/d-1']), {}, 'not in the state container');
            assert.deepStrictEqual(await stores.references.read(['directline/conversations/d-1']), {});
            assert.deepStrictEqual(await stores.sweepExpired(Date.now() + 400 * DAY), { tickets: 0, states: 2, questions: 0, reminders: 0 }, 'retention covers every container');
        } finally {
            await stores.close();
        }
    });

    it('keeps data a year by default', () => {
        assert.strictEqual(loadConfig({}).DATA_RETENTION_DAYS, 365);
    });
});
