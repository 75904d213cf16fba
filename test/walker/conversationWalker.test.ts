import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import * as fs from 'fs';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import { SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import { TicketService } from '../../tickets/ticketService';
import { silentLogger } from '../../core/logger';
import { FakeClock } from '../support/fakeClock';
import { ConversationWalker, type WalkResult } from './conversationWalker';

/**
 * The model of the conversation: seeded random walks through the whole bot, in memory, with the
 * invariants of conversationWalker.ts checked on every turn. `WALKS=20000` walks more (from seed
 * `WALK_FROM`, 1 by default), `WALK_SEED=1234` replays one walk and prints its log, `WALK_TURNS`
 * sets the longest walk.
 */
const WALKS = Number(process.env.WALKS ?? 2000);
const FIRST_SEED = Number(process.env.WALK_SEED ?? process.env.WALK_FROM ?? 1);
const ONLY_ONE = process.env.WALK_SEED !== undefined;
const MAX_TURNS = Number(process.env.WALK_TURNS ?? 16);

describe('a model of the conversation: seeded random walks keep every invariant', function () {
    this.timeout(30 * 60_000);
    let dir: string;
    let tickets: SqliteTicketStore;
    let questions: SqliteQuestionLog;

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-walker-'));
        tickets = new SqliteTicketStore(path.join(dir, 'tickets.sqlite'));
        questions = new SqliteQuestionLog(path.join(dir, 'questions.sqlite'));
    });

    after(async () => {
        await tickets.close();
        await questions.close();
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it(`${ONLY_ONE ? `walk ${FIRST_SEED}` : `${WALKS} walks from seed ${FIRST_SEED}`}: no "I didn't understand" after a click, no situation the user did not give, no step skipped by a click meant for another, no error`, async () => {
        const walker = new ConversationWalker({ tickets: new TicketService(tickets, new FakeClock(), silentLogger), questions });
        const failed: WalkResult[] = [];
        let turns = 0;
        let walks = 0;
        const started = Date.now();
        for (let seed = FIRST_SEED; seed < FIRST_SEED + (ONLY_ONE ? 1 : WALKS); seed++) {
            const result = await walker.walk(seed, MAX_TURNS);
            walks++;
            turns += result.turns;
            if (result.violations.length > 0) failed.push(result);
            if (ONLY_ONE) console.log(result.log.map((line) => `      ${line}`).join('\n'));
            if (failed.length >= 5) break;
        }
        const seconds = (Date.now() - started) / 1000;
        console.log(`      ${walks} walks, ${turns} turns, ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(turns, 1)).toFixed(2)} ms a turn)`);
        const report = failed
            .map((result) =>
                [
                    `seed ${result.seed} (replay: WALK_SEED=${result.seed} npx mocha --no-config --exit dist/test/walker/conversationWalker.test.js)`,
                    ...result.violations.map((violation) => `  turn ${violation.turn}: ${violation.rule}: ${violation.detail}`),
                    ...result.log.map((line) => `    ${line}`),
                ].join('\n'),
            )
            .join('\n\n');
        assert.strictEqual(failed.length, 0, report);
    });
});
