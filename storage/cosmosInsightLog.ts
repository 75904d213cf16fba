import { randomUUID } from 'crypto';
import type { Container, CosmosClient } from '@azure/cosmos';
import { eventToKeep, type InsightEvent, type InsightLog } from '../insights/insightLog';
import { createCosmosClient, deleteItems, lazyContainer, queryPartition, statusOf, withRetry, type CosmosSettings } from './cosmosClient';

export const INSIGHTS_CONTAINER = 'insights';
/** One logical partition, like the questions: small items, swept after DATA_RETENTION_DAYS. */
const PARTITION = 'library';

type EventItem = InsightEvent & { id: string; pk: string; doc: 'event' };

interface DigestItem {
    id: string;
    pk: string;
    doc: 'digest';
    leaseOwner?: string;
    leaseUntil: number;
    sentAt?: number;
    _etag?: string;
}

/** Anonymous usage events and the digest leases in a Cosmos DB container of their own. */
export class CosmosInsightLog implements InsightLog {
    private readonly client: CosmosClient;
    private readonly container: () => Promise<Container>;

    constructor(settings: CosmosSettings) {
        this.client = createCosmosClient(settings);
        this.container = lazyContainer(this.client, settings.database, {
            id: INSIGHTS_CONTAINER,
            partitionKey: { paths: ['/pk'] },
            indexingPolicy: {
                includedPaths: [{ path: '/at/?' }, { path: '/doc/?' }],
                excludedPaths: [{ path: '/*' }],
            },
        });
    }

    async record(event: InsightEvent): Promise<void> {
        const item: EventItem = { id: randomUUID(), pk: PARTITION, doc: 'event', ...eventToKeep(event) };
        const container = await this.container();
        await withRetry(
            () =>
                container.items.create(item).catch((error: unknown) => {
                    if (statusOf(error) !== 409) throw error;
                }),
            INSIGHTS_CONTAINER,
        );
    }

    async list(from: number, to: number): Promise<InsightEvent[]> {
        const items = await this.query<EventItem>("SELECT * FROM c WHERE c.pk = @pk AND c.doc = 'event' AND c.at >= @from AND c.at < @to", { '@from': from, '@to': to });
        return items.map((item) => eventToKeep(item)).sort((a, b) => a.at - b.at);
    }

    async deleteOlderThan(cutoff: number): Promise<number> {
        const old = await this.query<{ id: string }>("SELECT c.id FROM c WHERE c.pk = @pk AND c.doc = 'event' AND c.at < @cutoff", { '@cutoff': cutoff });
        return deleteItems(
            await this.container(),
            PARTITION,
            old.map(({ id }) => id),
        );
    }

    async claimDigest(key: string, owner: string, until: number, now: number): Promise<boolean> {
        const container = await this.container();
        const id = `digest-${key}`;
        const existing = await withRetry(
            () =>
                container
                    .item(id, PARTITION)
                    .read<DigestItem>()
                    .then(
                        (response) => response.resource,
                        (error: unknown) => {
                            if (statusOf(error) === 404) return undefined;
                            throw error;
                        },
                    ),
            id,
        );
        const claim: DigestItem = { id, pk: PARTITION, doc: 'digest', leaseOwner: owner, leaseUntil: until };
        try {
            if (!existing) {
                await container.items.create(claim);
                return true;
            }
            if (existing.sentAt !== undefined) return false;
            if (existing.leaseOwner && existing.leaseOwner !== owner && existing.leaseUntil > now) return false;
            await container.item(id, PARTITION).replace(claim, { accessCondition: { type: 'IfMatch', condition: existing._etag } });
            return true;
        } catch (error) {
            // Another instance created or took it between our read and our write.
            if (statusOf(error) === 409 || statusOf(error) === 412) return false;
            throw error;
        }
    }

    async markDigestSent(key: string, at: number): Promise<void> {
        const container = await this.container();
        const id = `digest-${key}`;
        await withRetry(() => container.items.upsert({ id, pk: PARTITION, doc: 'digest', leaseUntil: 0, sentAt: at } satisfies DigestItem), id);
    }

    close(): Promise<void> {
        this.client.dispose();
        return Promise.resolve();
    }

    private async query<T>(query: string, values: Record<string, number>): Promise<T[]> {
        return queryPartition<T>(await this.container(), PARTITION, query, values, INSIGHTS_CONTAINER);
    }
}
