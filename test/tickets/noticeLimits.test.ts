import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLogger } from '../../core/logger';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import { MAX_DELIVERY_ATTEMPTS, NoticeDispatcher, type TicketMessenger } from '../../tickets/noticeDispatcher';
import { terminalSafe } from '../../tickets/ticketReport';
import { FakeClock } from '../support/fakeClock';
import { changed, minutes, sampleTicket, TICKET_TIME } from './sampleTickets';
import { runCli } from '../support/cliProcess';

/** Control characters (C0, DEL, C1) and direction overrides. */
const hasControl = (text: string) =>
    [...text].some((char) => {
        const code = char.charCodeAt(0);
        return code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
    });

const CLI = path.join(__dirname, '..', '..', 'tools', 'ticketsCli.js');

const runTicketsCli = (dataDir: string, args: string[]) => runCli(CLI, dataDir, args);

/** A notice that fails for good used to be retried for ever. */
describe('the notice outbox gives up on a notice that keeps failing', () => {
    let dataDir: string;
    let store: SqliteTicketStore;

    beforeEach(() => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-outbox-'));
        store = new SqliteTicketStore(path.join(dataDir, 'tickets.sqlite'));
    });
    afterEach(async () => {
        await store.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it(`after ${MAX_DELIVERY_ATTEMPTS} tries: recorded as failed, never tried again, shown by npm run tickets`, async () => {
        const clock = new FakeClock(TICKET_TIME);
        const lines: string[] = [];
        let staffTries = 0;
        let userTries = 0;
        const messenger: TicketMessenger = {
            notifyStaff: () => {
                staffTries++;
                return Promise.reject(new Error('Request Entity Too Large: the card is over the limit'));
            },
            notifyUser: () => {
                userTries++;
                return Promise.resolve();
            },
        };
        const dispatcher = new NoticeDispatcher(
            store,
            messenger,
            clock,
            createLogger('debug', (line) => lines.push(line)),
        );
        const ticket = await store.create(sampleTicket(), [
            { target: 'staff', historyIndex: 0 },
            { target: 'user', historyIndex: 0 },
        ]);
        // Far more sweeps than tries allowed, each after the longest backoff.
        for (let sweep = 0; sweep < MAX_DELIVERY_ATTEMPTS * 3; sweep++) {
            dispatcher.kick();
            await dispatcher.settled();
            clock.advanceMinutes(16);
        }
        assert.strictEqual(staffTries, MAX_DELIVERY_ATTEMPTS);
        assert.strictEqual(userTries, 1, 'the other notice was delivered as usual');
        assert.deepStrictEqual(await store.pendingNotices(Number.MAX_SAFE_INTEGER, 10), []);
        const [failed] = await store.failedNotices();
        assert.strictEqual(failed.attempts, MAX_DELIVERY_ATTEMPTS);
        assert.match(failed.failure, /Request Entity Too Large/);
        assert.ok(
            lines.some((line) => line.includes('given up')),
            'the operator is told in the log',
        );
        await store.update(changed(ticket, 'claimed', TICKET_TIME + minutes(1), 'claimed'), []);

        const list = await runTicketsCli(dataDir, []);
        assert.strictEqual(list.code, 0);
        assert.match(list.stdout, /Teslim edilemeyen bildirimler/);
        assert.match(list.stdout, new RegExp(`#${ticket.number} · personel kanalına · .* · ${MAX_DELIVERY_ATTEMPTS} deneme · Request Entity Too Large`));
        const detail = await runTicketsCli(dataDir, ['--number', String(ticket.number), '--lang', 'en']);
        assert.match(detail.stdout, /Notices that could not be delivered[\s\S]*to the staff channel/);
    });
});

describe('npm run tickets prints what people typed without terminal control sequences', () => {
    const hostile = 'Ayşe\u001b[2J\u001b[31mKIRMIZI\u001b]0;başlık\u0007\u001b]8;;https://evil.example\u001b\\tıkla\u001b]8;;\u001b\\\u0007\u0008\u202etxt.exe\r\nikinci satır\u009b31m';

    it('removes escape sequences, control characters and direction overrides, keeping the words', () => {
        const safe = terminalSafe(hostile);
        assert.ok(!hasControl(safe), JSON.stringify(safe));
        for (const word of ['Ayşe', 'KIRMIZI', 'tıkla', 'txt.exe', 'ikinci satır']) assert.ok(safe.includes(word), `${word} in ${JSON.stringify(safe)}`);
        assert.ok(!safe.includes('evil.example'), 'the hidden link target is gone');
        assert.ok(terminalSafe(`\u001b]${'x'.repeat(100_000)}`).length <= 100_000);
    });

    it('in the list and in the detail of a ticket', async () => {
        const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-cli-escape-'));
        try {
            const store = new SqliteTicketStore(path.join(dataDir, 'tickets.sqlite'));
            const draft = sampleTicket();
            const created = await store.create({ ...draft, requester: { ...draft.requester, name: hostile }, details: { ...draft.details, question: hostile } }, []);
            await store.update(changed(created, 'userMessage', TICKET_TIME + minutes(1), 'new', hostile), []);
            await store.close();
            for (const args of [[], ['--number', String(created.number)]]) {
                const { code, stdout } = await runTicketsCli(dataDir, args);
                assert.strictEqual(code, 0);
                assert.ok(!hasControl(stdout.replace(/\n/g, '')), `control characters in ${JSON.stringify(stdout)}`);
                assert.ok(stdout.includes('KIRMIZI'));
            }
        } finally {
            fs.rmSync(dataDir, { recursive: true, force: true });
        }
    });
});
