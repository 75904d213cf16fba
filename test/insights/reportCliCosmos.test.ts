import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CosmosInsightLog } from '../../storage/cosmosInsightLog';
import { CosmosTicketStore } from '../../storage/cosmosTicketStore';
import { runCli } from '../support/cliProcess';
import { CosmosTestServer } from '../support/cosmosServer';
import { sampleTicket } from '../tickets/sampleTickets';

const CLI = path.join(__dirname, '..', '..', 'tools', 'reportCli.js');
const AT = Date.UTC(2026, 10, 24, 9, 0);

/** `npm run report` reads the store the bot uses: Cosmos DB when COSMOS_ENDPOINT is set. */
describe('npm run report on Cosmos DB (local Cosmos server)', function () {
    this.timeout(60_000);
    const server = new CosmosTestServer();
    const database = `report-${randomUUID()}`;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-report-cosmos-'));

    before(async () => {
        await server.start();
        const log = new CosmosInsightLog(server.settings(database));
        await log.record({ type: 'stepReached', at: AT, kind: 'lost', stepId: 'replacementReason', stepNumber: 1, visitor: 'v1' });
        await log.record({ type: 'stepReached', at: AT + 1, kind: 'lost', stepId: 'replacementReason', stepNumber: 1, visitor: 'v2' });
        await log.close();
        const tickets = new CosmosTicketStore(server.settings(database));
        await tickets.create(sampleTicket({ createdAt: AT, updatedAt: AT }), []);
        await tickets.close();
    });
    after(async () => {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('prints the funnel and the tickets kept in Cosmos DB', async () => {
        // 30 s, as before: a CLI on Cosmos DB first opens its client to the local server over TLS.
        const run = (args: string[]) => runCli(CLI, dataDir, args, { ...server.processEnv(database), WORKING_TIME_ZONE: 'Europe/Istanbul' }, 30_000);
        const { code, stdout } = await run(['--from', '2026-11-23', '--to', '2026-11-29', '--json']);
        assert.strictEqual(code, 0);
        const report = JSON.parse(stdout) as { funnels: Array<{ kind: string; started: number }>; tickets: { openedPerKind: Record<string, number>; openNow: number } };
        assert.strictEqual(report.funnels.find((funnel) => funnel.kind === 'lost')!.started, 2);
        assert.strictEqual(report.tickets.openedPerKind.help, 1);
        assert.strictEqual(report.tickets.openNow, 1);
        const text = await run(['--from', '2026-11-23', '--to', '2026-11-29', '--lang', 'en']);
        assert.match(text.stdout, /Lost, stolen or damaged card: 2 people started/);
    });
});
