import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { openSqlite } from '../../storage/openSqlite';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import { sampleTicket } from './sampleTickets';
import { ticketStoreContract } from './ticketStoreContract';
import { outboxClaimsAndRetention } from './outboxClaimsAndRetention';
import { assertWalJournal, isStoreUnavailable, tempSqliteFile } from '../support/sqliteFiles';

const tempFile = () => tempSqliteFile('eimza-tickets-', 'tickets.sqlite');

ticketStoreContract('SQLite', () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteTicketStore(file);
    return Promise.resolve({
        store,
        close: async () => {
            await store.close();
            cleanup();
        },
    });
});

/** What the writer said it committed: ticket number → history length. */
type Acknowledged = Map<number, number>;

/** Runs the writer until it has acknowledged `commits` writes, then kills it with SIGKILL. */
function writeThenKill(file: string, commits: number): Promise<Acknowledged> {
    const writer = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'ticketWriter.js'), file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acknowledged: Acknowledged = new Map();
    let seen = 0;
    let buffered = '';
    let errors = '';
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            writer.kill('SIGKILL');
            reject(new Error(`writer stalled after ${seen} commits: ${errors}`));
        }, 15_000);
        writer.stderr.on('data', (chunk: Buffer) => {
            errors += chunk.toString();
        });
        writer.stdout.on('data', (chunk: Buffer) => {
            buffered += chunk.toString();
            const lines = buffered.split('\n');
            buffered = lines.pop() ?? '';
            for (const line of lines) {
                const [number, length] = line.split(' ').map(Number);
                acknowledged.set(number, length);
                if (++seen === commits) writer.kill('SIGKILL');
            }
        });
        writer.on('exit', (_code, signal) => {
            clearTimeout(timer);
            if (signal === 'SIGKILL') resolve(acknowledged);
            else reject(new Error(`writer ended by itself (${String(signal)}): ${errors}`));
        });
    });
}

async function assertIntact(file: string, acknowledged: Acknowledged): Promise<number> {
    const raw = openSqlite(file, { readonly: true });
    try {
        assert.strictEqual(raw.prepare('PRAGMA integrity_check').pluck().get(), 'ok');
    } finally {
        raw.close();
    }
    const store = new SqliteTicketStore(file);
    try {
        const tickets = await store.list();
        const numbers = tickets.map((ticket) => ticket.number).sort((a, b) => a - b);
        assert.deepStrictEqual(
            numbers,
            numbers.map((_, i) => 1001 + i),
            'numbers unique and without gaps',
        );
        const notices = await store.pendingNotices(Number.MAX_SAFE_INTEGER, 1_000_000);
        for (const ticket of tickets) {
            assert.deepStrictEqual(await store.get(ticket.id), ticket);
            const indexes = notices
                .filter((notice) => notice.ticketId === ticket.id)
                .map((notice) => notice.historyIndex)
                .sort((a, b) => a - b);
            assert.deepStrictEqual(
                indexes,
                ticket.history.map((_, i) => i),
                `ticket ${ticket.number}: one notice per history entry`,
            );
        }
        assert.strictEqual(
            notices.length,
            tickets.reduce((sum, ticket) => sum + ticket.history.length, 0),
            'no notice without its ticket',
        );
        for (const [number, length] of acknowledged) {
            const stored = tickets.find((ticket) => ticket.number === number);
            assert.ok(stored && stored.history.length >= length, `ticket ${number}: acknowledged change with ${length} entries lost`);
        }
        return tickets.length;
    } finally {
        await store.close();
    }
}

describe('SQLite ticket store file', () => {
    it('numbers start at 1001', async () => {
        const { file, cleanup } = tempFile();
        const store = new SqliteTicketStore(file);
        try {
            assert.strictEqual((await store.create(sampleTicket(), [])).number, 1001);
        } finally {
            await store.close();
            cleanup();
        }
    });

    it('keeps tickets, notices and the next number across a restart', async () => {
        const { file, cleanup } = tempFile();
        try {
            const first = new SqliteTicketStore(file);
            const created = await first.create(sampleTicket(), [{ target: 'staff', historyIndex: 0 }]);
            await first.close();
            const second = new SqliteTicketStore(file);
            assert.deepStrictEqual(await second.get(created.id), created);
            assert.strictEqual((await second.pendingNotices(Number.MAX_SAFE_INTEGER, 10)).length, 1);
            assert.strictEqual((await second.create(sampleTicket(), [])).number, created.number + 1);
            await second.close();
            assertWalJournal(file);
        } finally {
            cleanup();
        }
    });

    it('a closed store answers StoreUnavailableError, not a raw SQLite error', async () => {
        const { file, cleanup } = tempFile();
        const store = new SqliteTicketStore(file);
        await store.close();
        try {
            await assert.rejects(store.ping(), isStoreUnavailable);
            await assert.rejects(store.create(sampleTicket(), []), isStoreUnavailable);
        } finally {
            cleanup();
        }
    });

    it('after kill -9 at random moments, no ticket, history entry or notice is lost or half-written', async function () {
        this.timeout(60_000);
        const { file, cleanup } = tempFile();
        try {
            const acknowledged: Acknowledged = new Map();
            let previous = 0;
            for (let round = 0; round < 6; round++) {
                const commits = 20 + Math.floor(Math.random() * 400);
                for (const [number, length] of await writeThenKill(file, commits)) acknowledged.set(number, length);
                const count = await assertIntact(file, acknowledged);
                assert.ok(count > previous, `round ${round} added tickets after the previous crash`);
                previous = count;
            }
        } finally {
            cleanup();
        }
    });
});

outboxClaimsAndRetention('SQLite', () => {
    const { file, cleanup } = tempFile();
    const store = new SqliteTicketStore(file);
    return Promise.resolve({
        store,
        close: async () => {
            await store.close();
            cleanup();
        },
    });
});

describe('SQLite ticket store upgrade', () => {
    it('a file from before notice claims opens, keeps its outbox, and its notices can be claimed', async () => {
        const { file, cleanup } = tempFile();
        try {
            const first = new SqliteTicketStore(file);
            await first.create(sampleTicket(), [{ target: 'staff', historyIndex: 0 }]);
            await first.close();
            const raw = openSqlite(file);
            raw.exec('ALTER TABLE notices DROP COLUMN lease_owner; ALTER TABLE notices DROP COLUMN lease_until;');
            raw.close();
            const upgraded = new SqliteTicketStore(file);
            const [notice] = await upgraded.pendingNotices(Number.MAX_SAFE_INTEGER, 10);
            assert.strictEqual(await upgraded.claimNotice(notice.id, 'a', 2, 1), true);
            await upgraded.close();
        } finally {
            cleanup();
        }
    });
});
