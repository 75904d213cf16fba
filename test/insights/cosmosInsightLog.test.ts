import { randomUUID } from 'crypto';
import { createCosmosClient } from '../../storage/cosmosClient';
import { CosmosInsightLog, INSIGHTS_CONTAINER } from '../../storage/cosmosInsightLog';
import { CosmosTestServer } from '../support/cosmosServer';
import { insightLogContract } from './insightLogContract';

const server = new CosmosTestServer();

async function rawItems(database: string): Promise<Record<string, unknown>[]> {
    const client = createCosmosClient(server.settings(database));
    try {
        const { resources } = await client.database(database).container(INSIGHTS_CONTAINER).items.readAll<Record<string, unknown>>().fetchAll();
        return resources.filter((item) => item.doc === 'event').map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('_'))));
    } finally {
        client.dispose();
    }
}

describe('Cosmos DB insight log (local Cosmos server)', function () {
    this.timeout(30_000);
    before(() => server.start());
    after(() => server.stop());

    insightLogContract('Cosmos DB', () => {
        const database = `insights-${randomUUID()}`;
        const log = new CosmosInsightLog(server.settings(database));
        return Promise.resolve({ log, raw: () => rawItems(database), close: () => log.close() });
    });
});
