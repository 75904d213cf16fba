import { randomUUID } from 'crypto';
import type { Container, CosmosClient } from '@azure/cosmos';
import { keptId, questionToKeep, type QuestionLog, type QuestionOutcome, type UnansweredQuestion } from '../understanding/questionLog';
import { createCosmosClient, deleteItems, lazyContainer, queryPartition, statusOf, withRetry, type CosmosSettings } from './cosmosClient';

export const QUESTIONS_CONTAINER = 'questions';
/**
 * One logical partition, like the tickets: the report and the retention sweep are then
 * single-partition queries. Questions are short and swept after DATA_RETENTION_DAYS, far below a
 * logical partition's 20 GB.
 */
const PARTITION = 'library';

interface QuestionItem {
    /** Random (the question's own id when it has one): it names the item, never a person or a conversation. */
    id: string;
    pk: string;
    text: string;
    language: UnansweredQuestion['language'];
    stepId?: string;
    askedAt: number;
    /** Absent on items kept before unsure questions were: those are 'unknown'. */
    outcome?: QuestionOutcome;
    candidates?: string[];
    chosen?: string;
    /** Ties between questions of the same millisecond keep the order they were recorded in. */
    seq: number;
}

let lastSeq = 0;
/** Increasing within a process; across instances only `askedAt` orders (ties are rare and harmless). */
function nextSeq(): number {
    lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
    return lastSeq;
}

/** Unanswered questions in a Cosmos DB container of their own (created when missing, like the others). */
export class CosmosQuestionLog implements QuestionLog {
    private readonly client: CosmosClient;
    private readonly container: () => Promise<Container>;

    constructor(settings: CosmosSettings) {
        this.client = createCosmosClient(settings);
        this.container = lazyContainer(this.client, settings.database, {
            id: QUESTIONS_CONTAINER,
            partitionKey: { paths: ['/pk'] },
            indexingPolicy: {
                // Queries filter and sort by time only; the text is never searched.
                includedPaths: [{ path: '/askedAt/?' }, { path: '/seq/?' }],
                excludedPaths: [{ path: '/*' }],
                compositeIndexes: [
                    [
                        { path: '/askedAt', order: 'ascending' },
                        { path: '/seq', order: 'ascending' },
                    ],
                ],
            },
        });
    }

    async record(question: UnansweredQuestion): Promise<void> {
        const kept = questionToKeep(question);
        const item: QuestionItem = { ...kept, id: kept.id ?? randomUUID(), pk: PARTITION, seq: nextSeq() };
        const container = await this.container();
        // The id is fixed before the first try: a retry after a create that did land answers 409, not a duplicate.
        await withRetry(
            () =>
                container.items.create(item).catch((error: unknown) => {
                    if (statusOf(error) !== 409) throw error;
                }),
            QUESTIONS_CONTAINER,
        );
    }

    async recordChoice(id: string, chosen: string): Promise<void> {
        const container = await this.container();
        await withRetry(async () => {
            const { resource } = await container.item(keptId(id), PARTITION).read<QuestionItem>();
            // Swept by retention, or never kept: there is nothing to note the choice on.
            if (!resource) return;
            await container.item(resource.id, PARTITION).replace({ ...resource, chosen: keptId(chosen) });
        }, QUESTIONS_CONTAINER);
    }

    async list(from: number, to: number): Promise<UnansweredQuestion[]> {
        const items = await this.query<QuestionItem>('SELECT * FROM c WHERE c.pk = @pk AND c.askedAt >= @from AND c.askedAt < @to ORDER BY c.askedAt, c.seq', { '@from': from, '@to': to });
        return items.map((item) => ({
            id: item.id,
            text: item.text,
            language: item.language,
            ...(item.stepId ? { stepId: item.stepId } : {}),
            askedAt: item.askedAt,
            outcome: item.outcome ?? 'unknown',
            ...(item.candidates?.length ? { candidates: item.candidates } : {}),
            ...(item.chosen ? { chosen: item.chosen } : {}),
        }));
    }

    async deleteOlderThan(cutoff: number): Promise<number> {
        const old = await this.query<{ id: string }>('SELECT c.id FROM c WHERE c.pk = @pk AND c.askedAt < @cutoff', { '@cutoff': cutoff });
        return deleteItems(
            await this.container(),
            PARTITION,
            old.map(({ id }) => id),
        );
    }

    close(): Promise<void> {
        this.client.dispose();
        return Promise.resolve();
    }

    private async query<T>(query: string, values: Record<string, number>): Promise<T[]> {
        return queryPartition<T>(await this.container(), PARTITION, query, values, QUESTIONS_CONTAINER);
    }
}
