import { randomUUID } from 'crypto';
import type { Container, CosmosClient, JSONObject, OperationInput, OperationResponse } from '@azure/cosmos';
import { ETagConflictError, StoreUnavailableError } from '../core/errors';
import type { NewStaffAnswer, StaffAnswer, StaffAnswerStore } from '../understanding/staffAnswers';
import { BatchRaceError, createCosmosClient, lazyContainer, queryPartition, retryRaces, statusOf, transactionalBatch, withRetry, type CosmosSettings } from './cosmosClient';

export const ANSWERS_CONTAINER = 'answers';
/** One logical partition: the answers and their counter commit together, every query is single-partition. */
const PARTITION = 'library';
const COUNTER_ID = 'counter-staffAnswers';

interface AnswerItem {
    id: string;
    pk: string;
    type: 'staffAnswer';
    number: number;
    answer: Omit<StaffAnswer, 'eTag'>;
    _etag?: string;
}

/** The next answer number and the version every instance polls; written in the same batch as each answer. */
interface CounterItem {
    id: string;
    pk: string;
    type: 'counter';
    next: number;
    version: number;
    _etag?: string;
}

const inPartition = { partitionKey: PARTITION } as const;
const json = (item: object) => item as JSONObject;

/**
 * Staff answers in a Cosmos DB container of their own. Every write is one transactional batch:
 * the counter (conditional on its eTag: the version moves on exactly once per write) and the
 * answer (conditional on its own eTag for an edit), so a lost race writes nothing.
 */
export class CosmosStaffAnswerStore implements StaffAnswerStore {
    private readonly client: CosmosClient;
    private readonly container: () => Promise<Container>;

    constructor(settings: CosmosSettings) {
        this.client = createCosmosClient(settings);
        this.container = lazyContainer(this.client, settings.database, {
            id: ANSWERS_CONTAINER,
            partitionKey: { paths: ['/pk'] },
            indexingPolicy: { includedPaths: [{ path: '/type/?' }, { path: '/number/?' }], excludedPaths: [{ path: '/*' }] },
        });
    }

    create(answer: NewStaffAnswer): Promise<StaffAnswer> {
        // Another instance may take the number read: the counter write is conditional, so read again.
        return retryRaces(
            async () => {
                const counter = await this.counter();
                const number = counter?.next ?? 1;
                const stored = { ...answer, id: randomUUID(), number };
                const results = await this.batch([this.counterOperation(counter, { next: number + 1 }), { operationType: 'Create', resourceBody: json(item(stored)), ...inPartition }], COUNTER_ID);
                return { ...stored, eTag: results[1].eTag! };
            },
            (error) => error instanceof ETagConflictError,
            () => new StoreUnavailableError('Staff answer store: could not allocate an answer number'),
        );
    }

    async get(id: string): Promise<StaffAnswer | undefined> {
        const container = await this.container();
        const found = await withRetry(
            () =>
                container
                    .item(id, PARTITION)
                    .read<AnswerItem>()
                    .then((response) => response.resource),
            id,
        ).catch((error: unknown) => {
            if (statusOf(error) === 404) return undefined;
            throw error;
        });
        return found?.type === 'staffAnswer' ? toAnswer(found) : undefined;
    }

    async getByNumber(number: number): Promise<StaffAnswer | undefined> {
        const items = await this.query("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'staffAnswer' AND c.number = @number", { '@number': number });
        return items[0] ? toAnswer(items[0]) : undefined;
    }

    update(answer: StaffAnswer): Promise<StaffAnswer> {
        const { eTag, ...body } = answer;
        // The answer's own eTag decides who wins; a race on the counter alone is read again and retried.
        return retryRaces(
            async () => {
                const counter = await this.counter();
                const results = await this.batch(
                    [{ operationType: 'Replace', id: answer.id, ifMatch: eTag, resourceBody: json(item(body)), ...inPartition }, this.counterOperation(counter, {})],
                    `staffAnswer/${answer.id}`,
                );
                return { ...body, eTag: results[0].eTag! };
            },
            (error) => error instanceof BatchRaceError && error.operationIndex === 1,
            () => new StoreUnavailableError('Staff answer store: the version counter is too busy'),
        );
    }

    async list(): Promise<StaffAnswer[]> {
        const items = await this.query("SELECT * FROM c WHERE c.pk = @pk AND c.type = 'staffAnswer'", {});
        return items.map(toAnswer).sort((a, b) => a.number - b.number);
    }

    async version(): Promise<number> {
        return (await this.counter())?.version ?? 0;
    }

    async ping(): Promise<void> {
        await this.counter();
    }

    close(): Promise<void> {
        this.client.dispose();
        return Promise.resolve();
    }

    private counterOperation(counter: CounterItem | undefined, change: Partial<CounterItem>): OperationInput {
        return counter
            ? { operationType: 'Replace', id: COUNTER_ID, ifMatch: counter._etag, resourceBody: json({ ...counter, ...change, version: counter.version + 1 }), ...inPartition }
            : { operationType: 'Create', resourceBody: json({ id: COUNTER_ID, pk: PARTITION, type: 'counter', next: 1, ...change, version: 1 }), ...inPartition };
    }

    private async counter(): Promise<CounterItem | undefined> {
        const container = await this.container();
        return withRetry(
            () =>
                container
                    .item(COUNTER_ID, PARTITION)
                    .read<CounterItem>()
                    .then((response) => response.resource),
            COUNTER_ID,
        ).catch((error: unknown) => {
            if (statusOf(error) === 404) return undefined;
            throw error;
        });
    }

    private async query(query: string, values: Record<string, number>): Promise<AnswerItem[]> {
        return queryPartition<AnswerItem>(await this.container(), PARTITION, query, values, ANSWERS_CONTAINER);
    }

    /** Both operations are conditional (the counter's eTag, the answer's): either lost race writes nothing. */
    private async batch(operations: OperationInput[], key: string): Promise<OperationResponse[]> {
        return transactionalBatch(await this.container(), PARTITION, operations, key, 'Staff answer store', [0, 1]);
    }
}

function item(answer: Omit<StaffAnswer, 'eTag'>): AnswerItem {
    return { id: answer.id, pk: PARTITION, type: 'staffAnswer', number: answer.number, answer };
}

function toAnswer(stored: AnswerItem): StaffAnswer {
    return { ...stored.answer, eTag: stored._etag ?? '' };
}
