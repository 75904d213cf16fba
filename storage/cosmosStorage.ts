import type { Container, CosmosClient, ItemDefinition } from '@azure/cosmos';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { createCosmosClient, lazyContainer, statusOf, toStoreError, withRetry, type CosmosSettings } from './cosmosClient';
import { isIdleStateKey } from './stateRetention';

export const STATE_CONTAINER = 'botState';
/** Where users can be reached (conversation references), apart from the state they change every turn. */
export const REFERENCES_CONTAINER = 'references';
/** The local Direct Line endpoint's conversations, when one runs beside Cosmos DB. */
export const DIRECT_LINE_CONTAINER = 'directLineConversations';

/** One stored key: the layout botbuilder-azure's CosmosDbPartitionedStorage wrote, so state saved by it reads unchanged. */
interface StateDocument extends ItemDefinition {
    id: string;
    realId: string;
    document: Record<string, unknown>;
}

/** Characters Cosmos DB refuses in an id, written as `*` and their hex code (as botbuilder-azure does with `compatibilityMode: false`). */
const ILLEGAL_ID_CHARACTERS = /[\\?/#\t\n\r*]/g;

function documentIdOf(key: string): string {
    return key.replace(ILLEGAL_ID_CHARACTERS, (character) => `*${character.charCodeAt(0).toString(16)}`);
}

/**
 * Conversation and user state in Cosmos DB, botbuilder's `Storage` on `@azure/cosmos`. Each key is
 * one item, partition key `/id`: `{ id, realId, document }`, the key escaped into `id` (keys up to
 * 1023 characters, never hashed). A write with an eTag is conditional. Errors become ours:
 * 412 → ETagConflictError, an unreachable store → StoreUnavailableError.
 */
export class CosmosStorage implements Storage {
    private readonly client: CosmosClient;
    private readonly container: () => Promise<Container>;

    constructor(
        settings: CosmosSettings,
        private readonly containerId = STATE_CONTAINER,
    ) {
        this.client = createCosmosClient(settings);
        // Partition key /id: state is only ever read and written by key.
        // Only the key and the write time are indexed (the retention sweep's query): cheaper writes.
        this.container = lazyContainer(this.client, settings.database, {
            id: containerId,
            partitionKey: { paths: ['/id'] },
            indexingPolicy: { includedPaths: [{ path: '/realId/?' }, { path: '/_ts/?' }], excludedPaths: [{ path: '/*' }] },
        });
    }

    async read(keys: string[]): Promise<StoreItems> {
        if (keys.length === 0) return {};
        const container = await this.container();
        const found = await Promise.all(keys.map((key) => withRetry(() => this.readOne(container, key), key)));
        return Object.fromEntries(found.filter((item) => item !== undefined));
    }

    async write(changes: StoreItems): Promise<void> {
        const container = await this.container();
        await Promise.all(
            Object.entries(changes).map(async ([key, { eTag, ...document }]: [string, StoreItem]) => {
                const item: StateDocument = { id: documentIdOf(key), realId: key, document };
                // '*' or none: last writer wins, as botbuilder's storages do.
                const condition = typeof eTag === 'string' && eTag !== '*' && eTag.length > 0 ? { accessCondition: { type: 'IfMatch', condition: eTag } } : undefined;
                try {
                    await container.items.upsert(item, condition);
                } catch (error) {
                    throw toStoreError(error, key);
                }
            }),
        );
    }

    async delete(keys: string[]): Promise<void> {
        const container = await this.container();
        await Promise.all(
            keys.map((key) =>
                withRetry(() => {
                    const id = documentIdOf(key);
                    return container
                        .item(id, id)
                        .delete()
                        .then(
                            () => undefined,
                            (error: unknown) => {
                                if (statusOf(error) !== 404) throw error;
                            },
                        );
                }, key),
            ),
        );
    }

    private async readOne(container: Container, key: string): Promise<[string, StoreItem] | undefined> {
        const id = documentIdOf(key);
        try {
            const { resource } = await container.item(id, id).read<StateDocument>();
            return resource ? [resource.realId, { ...resource.document, eTag: resource._etag }] : undefined;
        } catch (error) {
            if (statusOf(error) === 404) return undefined;
            throw error;
        }
    }

    async ping(): Promise<void> {
        const container = await this.container();
        await withRetry(() => container.read(), this.containerId);
    }

    /** KVKK: conversation and user state nobody touched since `cutoff` (ms) is deleted. */
    async deleteIdleBefore(cutoff: number): Promise<number> {
        const container = await this.container();
        const { resources } = await withRetry(
            () =>
                container.items
                    .query<{ id: string; realId: string }>({
                        query: 'SELECT c.id, c.realId FROM c WHERE c._ts < @cutoff',
                        parameters: [{ name: '@cutoff', value: Math.floor(cutoff / 1000) }],
                    })
                    .fetchAll(),
            this.containerId,
        );
        const idle = resources.filter((item) => isIdleStateKey(item.realId));
        for (const item of idle) {
            await withRetry(
                () =>
                    container
                        .item(item.id, item.id)
                        .delete()
                        .catch((error: { code?: number }) => {
                            if (error.code !== 404) throw error;
                        }),
                item.realId,
            );
        }
        return idle.length;
    }

    close(): void {
        this.client.dispose();
    }
}
