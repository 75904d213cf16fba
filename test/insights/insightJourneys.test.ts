import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MemoryStorage } from 'botbuilder';
import type { InsightLog } from '../../insights/insightLog';
import { gatherReport } from '../../insights/insightService';
import type { InsightReport } from '../../insights/insightReport';
import { CosmosInsightLog } from '../../storage/cosmosInsightLog';
import { CosmosTicketStore } from '../../storage/cosmosTicketStore';
import { SqliteInsightLog } from '../../storage/sqliteInsightLog';
import { SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import type { HistoryEntry, TicketKind, TicketStatus } from '../../tickets/ticket';
import type { TicketStore } from '../../tickets/ticketStore';
import { workingCalendar } from '../../core/workingHours';
import type { QuestionLog } from '../../understanding/questionLog';
import { CosmosTestServer } from '../support/cosmosServer';
import { FakeClock } from '../support/fakeClock';
import { TestChat } from '../support/testBot';
import { sampleTicket, staffMember, TICKET_TIME } from '../tickets/sampleTickets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const START = Date.UTC(2026, 10, 27, 9, 0); // Friday 12:00 in Istanbul
const calendar = workingCalendar('08:30-17:30', 'Europe/Istanbul');
const HASH_KEY = 'test-insights-key';

/**
 * Three people start a first application: one stops at step 3 and goes quiet, one chooses
 * "continue later" on step 1, one stops at step 3 too after asking a question the bot knows.
 * One of them also types a national ID number and a question nobody can answer.
 */
async function walkJourneys(insights: InsightLog, questions: QuestionLog, clock: FakeClock): Promise<TestChat[]> {
    const chat = (userId: string) => new TestChat({ clock, userId, insights, questions, insightsHashKey: HASH_KEY });
    const quiet = chat('29:user-quiet');
    await quiet.say('merhaba');
    await quiet.pick('first');
    await quiet.pick('yes');
    await quiet.pick('no');
    await quiet.say('TC kimlik numaram 10000000146');
    await quiet.say('kütüphanenin otoparkı nerede acaba xyzzy');
    const later = chat('29:user-later');
    await later.say('merhaba');
    await later.pick('first');
    await later.pick('no');
    await later.pick('later');
    const asker = chat('29:user-asker');
    await asker.say('merhaba');
    await asker.pick('first');
    await asker.pick('yes');
    await asker.say('eimza basvurusu nasil yapilir');
    await asker.pick('no');
    return [quiet, later, asker];
}

/** Tickets with a known story: times in working hours (08:30-17:30, Istanbul). */
async function knownTickets(store: TicketStore): Promise<void> {
    const make = async (kind: TicketKind, createdAt: number, status: TicketStatus, steps: Array<[HistoryEntry['action'], number]>) => {
        const history: HistoryEntry[] = [
            { at: createdAt, actor: { id: 'webchat-user-1', name: 'Ayşe Işık', role: 'user' }, action: 'created' },
            ...steps.map(([action, at]): HistoryEntry => ({ at, actor: { ...staffMember, role: 'staff' }, action })),
        ];
        await store.create(sampleTicket({ kind, createdAt, updatedAt: createdAt, status, history, ...(status !== 'new' ? { assignee: staffMember } : {}) }), []);
    };
    // Friday 12:00 → claimed 14:00 (2 h) → resolved Monday 10:30 (5.5 h + 2 h = 7.5 working hours).
    await make('help', TICKET_TIME, 'resolved', [
        ['claimed', TICKET_TIME + 2 * HOUR],
        ['resolved', TICKET_TIME + 3 * DAY - 1.5 * HOUR],
    ]);
    // Friday 12:00 → claimed 13:00 (1 h), still open: the oldest open ticket.
    await make('esignatureRequest', TICKET_TIME, 'claimed', [['claimed', TICKET_TIME + HOUR]]);
    // Friday 16:00, nobody yet.
    await make('formDelivery', TICKET_TIME + 4 * HOUR, 'new', []);
}

function checkReport(report: InsightReport): void {
    const first = report.funnels.find((funnel) => funnel.kind === 'first')!;
    assert.strictEqual(first.started, 3);
    assert.strictEqual(first.finished, 0);
    assert.deepStrictEqual(
        first.steps.slice(0, 4).map((step) => [step.number, step.stepId, step.reached, step.dropOff, step.stopped]),
        [
            [1, 'requestSent', 3, 1, 1],
            [2, 'otherInstitution', 2, 0, 0],
            [3, 'kamusmMail', 2, 2, 2],
            [4, 'signatureValid', 0, 0, 0],
        ],
    );
    assert.deepStrictEqual(
        first.mostStopped.map((step) => [step.number, step.stopped]),
        [
            [3, 2],
            [1, 1],
        ],
    );
    assert.deepStrictEqual(
        report.funnels.filter((funnel) => funnel.kind !== 'first').map((funnel) => funnel.started),
        [0, 0],
    );
    // The message with the ID number is answered too ("nobody needs it"), with the number masked.
    assert.deepStrictEqual(report.answers, [
        { answerId: 'privacyNeverNeeded', count: 1 },
        { answerId: 'startRequest', count: 1 },
    ]);
    // Asked once: counted, not shown (only what three people asked reaches the staff channel).
    assert.deepStrictEqual(report.unanswered, []);
    assert.strictEqual(report.unansweredNotShown, 1);
    assert.deepStrictEqual(report.tickets.openedPerKind, { esignatureRequest: 1, formDelivery: 1, help: 1 });
    assert.strictEqual(report.tickets.medianHoursToClaim, 1.5);
    assert.strictEqual(report.tickets.medianHoursToResolve, 7.5);
    assert.strictEqual(report.tickets.openNow, 2);
    assert.strictEqual(report.tickets.oldestOpen?.kind, 'esignatureRequest');
}

/** The known journeys and tickets into these stores, then the report over them checked: the same figures on every store. */
async function reportOnKnownJourneys(insights: InsightLog, questions: QuestionLog, tickets: TicketStore): Promise<void> {
    await walkJourneys(insights, questions, new FakeClock(START));
    await knownTickets(tickets);
    const now = START + 15 * DAY;
    checkReport(await gatherReport({ insights, questions, listTickets: () => tickets.list(), calendar, idleDays: 14 }, START - DAY, now, now));
}

async function checkNoIds(insights: InsightLog, questions: QuestionLog): Promise<void> {
    const stored = JSON.stringify([await insights.list(0, Number.MAX_SAFE_INTEGER), await questions.list(0, Number.MAX_SAFE_INTEGER)]);
    for (const secret of ['29:user-quiet', '29:user-later', '29:user-asker', 'user-quiet', '10000000146', HASH_KEY]) {
        assert.ok(!stored.includes(secret), `${secret} was stored: ${stored}`);
    }
}

describe('Insights: events along journeys, and the report on known journeys', () => {
    let dir: string;
    beforeEach(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-insight-journeys-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('records step reached, "continue later" and answers with kind, step, language and channel, never a user id or a typed secret', async () => {
        const insights = new SqliteInsightLog(path.join(dir, 'insights.sqlite'));
        const questions = new SqliteQuestionLog(path.join(dir, 'questions.sqlite'));
        const clock = new FakeClock(START);
        try {
            await walkJourneys(insights, questions, clock);
            const events = await insights.list(0, Number.MAX_SAFE_INTEGER);
            const steps = events.filter((event) => event.type === 'stepReached');
            assert.ok(steps.every((event) => event.kind === 'first' && event.language === 'tr' && event.channel === 'test' && /^[0-9a-f]{16}$/.test(event.visitor ?? '')));
            assert.strictEqual(new Set(steps.map((event) => event.visitor)).size, 3, 'three people, three visitor hashes');
            assert.deepStrictEqual(
                events.filter((event) => event.type === 'flowLeft').map((event) => [event.stepId, event.stepNumber, event.detail]),
                [['requestHowTo', 1, 'later']],
            );
            assert.deepStrictEqual(
                events.filter((event) => event.type === 'answerGiven').map((event) => [event.detail, event.visitor]),
                [
                    ['privacyNeverNeeded', undefined],
                    ['startRequest', undefined],
                ],
            );
            await checkNoIds(insights, questions);
        } finally {
            await insights.close();
            await questions.close();
        }
    });

    it("no event can be matched to a user's state by its time: events keep the hour, state the minute (security review 2, N10)", async () => {
        const insights = new SqliteInsightLog(path.join(dir, 'insights.sqlite'));
        const storage = new MemoryStorage();
        // The join an attacker would try: three users a few hundred milliseconds apart, each event's time equal to a state's updatedAt.
        const clock = new FakeClock(START + 1_234_567);
        try {
            const states: Array<{ updatedAt: number; lastSeenAt: number }> = [];
            for (const userId of ['ins-ayse', 'ins-burak', 'ins-cem']) {
                const chat = new TestChat({ clock, userId, conversationId: `c-${userId}`, insights, insightsHashKey: HASH_KEY, storage });
                await chat.say('merhaba');
                await chat.pick('first');
                const key = { user: `test/users/${userId}/`, conversation: `test/conversations/c-${userId}/` };
                const stored = await storage.read([key.user, key.conversation]);
                states.push({
                    updatedAt: (stored[key.user] as { flowProgress: { updatedAt: number } }).flowProgress.updatedAt,
                    lastSeenAt: (stored[key.conversation] as { lastSeenAt: number }).lastSeenAt,
                });
                clock.advanceMinutes(0.0543);
            }
            const events = await insights.list(0, Number.MAX_SAFE_INTEGER);
            assert.ok(events.length >= 3);
            for (const event of events) assert.strictEqual(event.at % HOUR, 0, `an event kept ${new Date(event.at).toISOString()}`);
            for (const state of states) {
                assert.strictEqual(state.updatedAt % 60_000, 0, 'flowProgress.updatedAt to the minute');
                assert.strictEqual(state.lastSeenAt % 60_000, 0, 'lastSeenAt to the minute');
                assert.deepStrictEqual(
                    events.filter((event) => event.at === state.updatedAt || event.at === state.lastSeenAt),
                    [],
                );
            }
            assert.strictEqual(new Set(states.map((state) => state.updatedAt)).size, 1, "the three users' states cannot be told apart by time");
        } finally {
            await insights.close();
        }
    });

    it('the visitor hash changes with the month (the key rotates)', async () => {
        const { visitorHash } = await import('../../insights/insightLog');
        assert.notStrictEqual(visitorHash('k', 'u', START), visitorHash('k', 'u', START + 40 * DAY));
        assert.strictEqual(visitorHash('k', 'u', START), visitorHash('k', 'u', START + DAY));
        assert.notStrictEqual(visitorHash('k', 'u', START), visitorHash('other key', 'u', START));
    });

    it('SQLite: funnel, answers, unanswered questions and ticket figures on the known journeys', async () => {
        const insights = new SqliteInsightLog(path.join(dir, 'insights.sqlite'));
        const questions = new SqliteQuestionLog(path.join(dir, 'questions.sqlite'));
        const tickets = new SqliteTicketStore(path.join(dir, 'tickets.sqlite'));
        try {
            await reportOnKnownJourneys(insights, questions, tickets);
        } finally {
            await insights.close();
            await questions.close();
            await tickets.close();
        }
    });

    describe('on the local Cosmos server', function () {
        this.timeout(60_000);
        const server = new CosmosTestServer();
        before(() => server.start());
        after(() => server.stop());

        it('Cosmos DB: the same figures', async () => {
            const database = `insights-${randomUUID()}`;
            const insights = new CosmosInsightLog(server.settings(database));
            const tickets = new CosmosTicketStore(server.settings(database));
            const questions = new SqliteQuestionLog(path.join(dir, 'questions.sqlite'));
            try {
                await reportOnKnownJourneys(insights, questions, tickets);
                await checkNoIds(insights, questions);
            } finally {
                await insights.close();
                await tickets.close();
                await questions.close();
            }
        });
    });
});
