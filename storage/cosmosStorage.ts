import type { Container, CosmosClient } from '@azure/cosmos';
import type { Storage, StoreItems } from 'botbuilder';
import { CosmosDbPartitionedStorage } from 'botbuilder-azure';
import { createCosmosClient, lazyContainer, toStoreError, withRetry, type CosmosSettings } from './cosmosClient';
import { isIdleStateKey } from './stateRetention';

export const STATE_CONTAINER = 'botState';
/** Where users can be reached (conversation references), apart from the state they change every turn. */
export const REFERENCES_CONTAINER = 'references';
/** The local Direct Line endpoint's conversations, when one runs beside Cosmos DB. */
export const DIRECT_LINE_CONTAINER = 'directLineConversations';

/**
 * Conversation and user state in Cosmos DB through botbuilder-azure's CosmosDbPartitionedStorage
 * (`compatibilityMode: false`: keys up to 1023 characters, never hashed). Its errors are turned
 * into ours: 412 → ETagConflictError, an unreachable store → StoreUnavailableError.
 */
export class CosmosStorage implements Storage {
    private readonly client: CosmosClient;
    private readonly inner: CosmosDbPartitionedStorage;
    private readonly container: () => Promise<Container>;
    private handedOver?: Container;

    constructor(settings: CosmosSettings, private readonly containerId = STATE_CONTAINER) {
        this.client = createCosmosClient(settings);
        // Partition key /id: state is only ever read and written by key (what botbuilder-azure expects).
        // Only the key and the write time are indexed (the retention sweep's query): cheaper writes.
        this.container = lazyContainer(this.client, settings.database, {
            id: containerId,
            partitionKey: { paths: ['/id'] },
            indexingPolicy: { includedPaths: [{ path: '/realId/?' }, { path: '/_ts/?' }], excludedPaths: [{ path: '/*' }] },
        });
        this.inner = new CosmosDbPartitionedStorage({
            cosmosDbEndpoint: settings.endpoint,
            // Only to satisfy its constructor: it never builds a client, the container it gets is ours.
            authKey: settings.key ?? 'unused-managed-identity',
            databaseId: settings.database,
            containerId,
            compatibilityMode: false,
        });
    }

    async read(keys: string[]): Promise<StoreItems> {
        await this.ready();
        return withRetry(() => this.inner.read(keys), keys.join(','));
    }

    async write(changes: StoreItems): Promise<void> {
        await this.ready();
        try {
            await this.inner.write(changes);
        } catch (error) {
            throw toStoreError(error, Object.keys(changes ?? {}).join(','));
        }
    }

    async delete(keys: string[]): Promise<void> {
        await this.ready();
        return withRetry(() => this.inner.delete(keys), keys.join(','));
    }

    async ping(): Promise<void> {
        const container = await this.container();
        await withRetry(() => container.read(), this.containerId);
    }

    /** KVKK: conversation and user state nobody touched since `cutoff` (ms) is deleted. */
    async deleteIdleBefore(cutoff: number): Promise<number> {
        const container = await this.container();
        const { resources } = await withRetry(() => container.items.query<{ id: string; realId: string }>({
            query: 'SELECT c.id, c.realId FROM c WHERE c._ts < @cutoff',
            parameters: [{ name: '@cutoff', value: Math.floor(cutoff / 1000) }],
        }).fetchAll(), this.containerId);
        const idle = resources.filter((item) => isIdleStateKey(item.realId));
        for (const item of idle) {
            await withRetry(() => container.item(item.id, item.id).delete().catch((error: { code?: number }) => {
                if (error.code !== 404) throw error;
            }), item.realId);
        }
        return idle.length;
    }

    close(): void {
        this.client.dispose();
    }

    /**
     * botbuilder-azure caches its container promise per database/container name for the whole
     * process, failures included: a bot started while Cosmos is down would never recover. We
     * create the container ourselves and hand it over, so its own initialisation never runs.
     */
    private async ready(): Promise<void> {
        if (this.handedOver) return;
        this.handedOver = await this.container();
        (this.inner as unknown as { container: Container }).container = this.handedOver;
    }
}
