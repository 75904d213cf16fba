import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { createCosmosClient } from '../../storage/cosmosClient';
import { CosmosQuestionLog, QUESTIONS_CONTAINER } from '../../storage/cosmosQuestionLog';
import { StoreUnavailableError } from '../../core/errors';
import { CosmosTestServer } from '../support/cosmosServer';
import { questionLogContract, QUESTION_TIME } from './questionLogContract';

const server = new CosmosTestServer();

/** Every item of the container as stored, without the server's own properties (_rid, _etag…). */
async function rawItems(database: string): Promise<Record<string, unknown>[]> {
    const client = createCosmosClient(server.settings(database));
    try {
        const { resources } = await client.database(database).container(QUESTIONS_CONTAINER).items.readAll<Record<string, unknown>>().fetchAll();
        return resources.map((item) => Object.fromEntries(Object.entries(item).filter(([key]) => !key.startsWith('_'))));
    } finally {
        client.dispose();
    }
}

describe('Cosmos DB question log (local Cosmos server)', function () {
    this.timeout(30_000);
    before(() => server.start());
    after(() => server.stop());

    questionLogContract('Cosmos DB', () => {
        const database = `questions-${randomUUID()}`;
        const log = new CosmosQuestionLog(server.settings(database));
        return Promise.resolve({ log, raw: () => rawItems(database), close: () => log.close() });
    });

    it('keeps its questions in a container of their own, partitioned by /pk', async () => {
        const database = `questions-${randomUUID()}`;
        const log = new CosmosQuestionLog(server.settings(database));
        const client = createCosmosClient(server.settings(database));
        try {
            await log.record({ text: 'where', language: 'en', askedAt: QUESTION_TIME });
            const { resource } = await client.database(database).container(QUESTIONS_CONTAINER).read();
            assert.deepStrictEqual(resource?.partitionKey?.paths, ['/pk']);
        } finally {
            client.dispose();
            await log.close();
        }
    });

    it('with the server down a record is refused with StoreUnavailableError; it works again once it is back', async () => {
        const log = new CosmosQuestionLog(server.settings(`questions-${randomUUID()}`));
        try {
            await log.record({ text: 'before', language: 'tr', askedAt: QUESTION_TIME });
            await server.stop();
            try {
                await assert.rejects(log.record({ text: 'during', language: 'tr', askedAt: QUESTION_TIME + 1 }), StoreUnavailableError);
                await assert.rejects(log.list(0, QUESTION_TIME + 10), StoreUnavailableError);
            } finally {
                await server.start();
            }
            await log.record({ text: 'after', language: 'tr', askedAt: QUESTION_TIME + 2 });
            assert.deepStrictEqual(
                (await log.list(0, QUESTION_TIME + 10)).map((q) => q.text),
                ['before', 'after'],
            );
        } finally {
            await log.close();
        }
    });
});
