import type { Agent } from 'http';
import { CosmosClient, type Container, type ContainerRequest, type Database, type OperationInput, type OperationResponse } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { ETagConflictError, StoreUnavailableError } from '../core/errors';

export interface CosmosSettings {
    endpoint: string;
    /** Without a key the client signs in with a managed identity (DefaultAzureCredential). */
    key?: string;
    database: string;
    /** Tests only: an agent that accepts the local server's self-signed certificate. */
    agent?: Agent;
    /** Tests only: the local server describes no regions to discover. */
    endpointDiscovery?: boolean;
}

export function createCosmosClient(settings: CosmosSettings): CosmosClient {
    return new CosmosClient({
        endpoint: settings.endpoint,
        ...(settings.key ? { key: settings.key } : { aadCredentials: new DefaultAzureCredential() }),
        ...(settings.agent ? { agent: settings.agent } : {}),
        connectionPolicy: {
            // A turn has ~15 s before Teams gives up: fail (politely) before that rather than hang.
            requestTimeout: 5_000,
            enableEndpointDiscovery: settings.endpointDiscovery ?? true,
            // 429: the SDK waits the server's retry-after; 9 tries but at most 8 s in all, so a throttled turn still answers.
            retryOptions: { maxRetryAttemptCount: 9, fixedRetryIntervalInMilliseconds: 0, maxWaitTimeInSeconds: 8 },
        },
    });
}

/**
 * Database and container created when missing. Not cached when it fails: a bot that starts while
 * Cosmos is unreachable tries again on the next call instead of staying broken.
 */
export function lazyContainer(client: CosmosClient, databaseId: string, request: ContainerRequest): () => Promise<Container> {
    let ready: Promise<Container> | undefined;
    return () => {
        const ensure = async (): Promise<Container> => {
            const { database }: { database: Database } = await client.databases.createIfNotExists({ id: databaseId });
            const { container } = await database.containers.createIfNotExists(request);
            return container;
        };
        // 409: another instance created it between our read and our create; now it exists.
        ready ??= ensure()
            .catch((error: unknown) => {
                if (statusOf(error) === 409) return ensure();
                throw error;
            })
            .catch((error: unknown) => {
                ready = undefined;
                throw toStoreError(error, request.id ?? 'container');
            });
        return ready;
    };
}

interface CosmosFailure {
    code?: number | string;
    statusCode?: number;
    message?: string;
}

export function statusOf(error: unknown): number | string | undefined {
    const failure = error as CosmosFailure | undefined;
    return failure?.code ?? failure?.statusCode;
}

/** 412 → a lost race; anything that is not the caller's own mistake (4xx) → the store is unavailable. */
export function toStoreError(error: unknown, key: string): Error {
    if (error instanceof ETagConflictError || error instanceof StoreUnavailableError) return error;
    const status = statusOf(error);
    if (status === 412) return new ETagConflictError(key);
    if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429) return error as Error;
    return new StoreUnavailableError(`Cosmos DB: ${(error as CosmosFailure)?.message ?? String(error)}`, { cause: error });
}

const TRANSIENT = new Set<number | string>([408, 449, 503, 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNREFUSED']);
const BACKOFF_MS = [50, 250];

/**
 * Retries an idempotent call (a read, a query, a conditional write) on network blips and
 * 408/449/503, which the SDK does not retry for every operation; 429 is the SDK's own retry.
 */
export async function withRetry<T>(work: () => Promise<T>, key: string): Promise<T> {
    for (let attempt = 0; ; attempt++) {
        try {
            return await work();
        } catch (error) {
            const status = statusOf(error);
            if (attempt >= BACKOFF_MS.length || status === undefined || !TRANSIENT.has(status)) throw toStoreError(error, key);
            await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS[attempt] * (1 + Math.random())));
        }
    }
}

/**
 * A parameterised query within one logical partition. The partition is also in the WHERE clause
 * (`c.pk = @pk`), so the query means the same on any server.
 */
export async function queryPartition<T>(container: Container, partition: string, query: string, values: Record<string, number>, label: string): Promise<T[]> {
    const parameters = [{ name: '@pk', value: partition }, ...Object.entries(values).map(([name, value]) => ({ name, value }))];
    const { resources } = await withRetry(() => container.items.query<T>({ query, parameters }, { partitionKey: partition }).fetchAll(), label);
    return resources;
}

/** Deletes items of one partition by id; one another instance's sweep deleted first is neither a failure nor counted. */
export async function deleteItems(container: Container, partition: string, ids: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const id of ids) {
        await withRetry(
            () =>
                container
                    .item(id, partition)
                    .delete()
                    .then(
                        () => deleted++,
                        (error: unknown) => {
                            if (statusOf(error) !== 404) throw error;
                        },
                    ),
            id,
        );
    }
    return deleted;
}

/** A conditional operation of a transactional batch lost its race: the batch wrote nothing. */
export class BatchRaceError extends ETagConflictError {
    constructor(
        key: string,
        readonly operationIndex: number,
    ) {
        super(key);
    }
}

/**
 * One transactional batch in one logical partition. When an operation at one of the `conditional`
 * indexes fails as a lost race (412, or 404/409 for an item gone or already there) it throws
 * `BatchRaceError`; any other failure means the store is unavailable.
 */
export async function transactionalBatch(container: Container, partition: string, operations: OperationInput[], key: string, store: string, conditional: readonly number[] = [0]): Promise<OperationResponse[]> {
    let results: OperationResponse[];
    try {
        results = (await container.items.batch(operations, partition)).result ?? [];
    } catch (error) {
        throw toStoreError(error, key);
    }
    // The operation that failed; the others answer 424 (failed dependency).
    const failedAt = results.findIndex((result) => result.statusCode >= 400 && result.statusCode !== 424);
    if (failedAt < 0 && results.length === operations.length) return results;
    const status = results[failedAt]?.statusCode;
    if (conditional.includes(failedAt) && (status === 412 || status === 404 || status === 409)) throw new BatchRaceError(key, failedAt);
    throw new StoreUnavailableError(`${store}: batch failed with ${status ?? 'no answer'}`);
}

/** Runs `attempt` again while it loses a race, a random moment apart (more with each try); `giveUp` when it keeps losing. */
export async function retryRaces<T>(attempt: () => Promise<T>, lost: (error: unknown) => boolean, giveUp: () => Error, tries = 50): Promise<T> {
    for (let round = 0; round < tries; round++) {
        try {
            return await attempt();
        } catch (error) {
            if (!lost(error)) throw error;
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (round + 1)));
        }
    }
    throw giveUp();
}
