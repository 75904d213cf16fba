import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CosmosTicketStore } from '../../storage/cosmosTicketStore';
import { runCli } from '../support/cliProcess';
import { CosmosTestServer } from '../support/cosmosServer';
import { sampleTicket, TICKET_TIME } from './sampleTickets';

const CLI = path.join(__dirname, '..', '..', 'tools', 'ticketsCli.js');

/** `npm run tickets` reads the store the bot uses: Cosmos DB when COSMOS_ENDPOINT is set, never a local file the bot does not use. */
describe('npm run tickets on Cosmos DB (local Cosmos server)', function () {
    this.timeout(60_000);
    const server = new CosmosTestServer();
    const database = `cli-${randomUUID()}`;
    // An empty DATA_DIR: the tickets can only come from Cosmos DB.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-cli-cosmos-'));

    before(async () => {
        await server.start();
        const store = new CosmosTicketStore(server.settings(database));
        await store.create(sampleTicket({ createdAt: TICKET_TIME }), []);
        await store.create(sampleTicket({ createdAt: TICKET_TIME + 60_000 }), []);
        await store.close();
    });
    after(async () => {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('lists the tickets kept in Cosmos DB, and shows one by number', async () => {
        // 30 s, as before: a CLI on Cosmos DB first opens its client to the local server over TLS.
        const run = (args: string[]) => runCli(CLI, dataDir, args, { ...server.processEnv(database), WORKING_TIME_ZONE: 'Europe/Istanbul' }, 30_000);
        const list = await run([]);
        assert.strictEqual(list.code, 0, list.stderr);
        assert.deepStrictEqual(
            list.stdout
                .split('\n')
                .map((line) => /^(\d{4}) /.exec(line)?.[1])
                .filter(Boolean),
            ['1002', '1001'],
        );
        const one = await run(['--number', '1001']);
        assert.strictEqual(one.code, 0, one.stderr);
        assert.match(one.stdout, /1001/);
        assert.deepStrictEqual(fs.readdirSync(dataDir), [], 'nothing written to DATA_DIR');
    });
});
