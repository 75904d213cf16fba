import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createTranslator } from '../../core/i18n';
import type { Language } from '../../core/language';
import { SqliteTicketStore } from '../../storage/sqliteTicketStore';
import { parseCliArguments } from '../../tools/ticketsCli';
import { changed, minutes, sampleTicket, staffMember, TICKET_TIME } from './sampleTickets';
import { runCli as runNodeCli } from '../support/cliProcess';
import { withTempDir } from '../support/tempDir';

const translator = createTranslator();
const CLI = path.join(__dirname, '..', '..', 'tools', 'ticketsCli.js');

const runCli = (dataDir: string, args: string[]) => runNodeCli(CLI, dataDir, args);

/** The table row of a ticket: the line that starts with its number. */
const rowOf = (output: string, number: number) => output.split('\n').find((line) => line.startsWith(`${number} `)) ?? '';
const numbersIn = (output: string) =>
    output
        .split('\n')
        .map((line) => /^(\d{4}) /.exec(line)?.[1])
        .filter(Boolean)
        .map(Number);

describe('npm run tickets', () => {
    let dataDir: string;
    const t = (key: string, language: Language = 'tr') => translator.t(language, key);

    before(async () => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-cli-'));
        const store = new SqliteTicketStore(path.join(dataDir, 'tickets.sqlite'));
        await store.create(sampleTicket({ createdAt: TICKET_TIME }), []); // 1001: help, new
        const request = await store.create(
            sampleTicket({
                kind: 'esignatureRequest',
                requester: { ...sampleTicket().requester, id: 'teams-user', name: 'Mehmet Öztürk' },
                details: { fullName: 'Mehmet Öztürk', unit: 'Tıp Fakültesi', applicationKind: 'first' },
                createdAt: TICKET_TIME + minutes(10),
            }),
            [],
        ); // 1002: claimed by Elif, then replied
        const claimed = await store.update({ ...changed(request, 'claimed', TICKET_TIME + minutes(20), 'claimed'), assignee: staffMember }, []);
        await store.update(changed(claimed, 'replied', TICKET_TIME + minutes(30), 'claimed', 'Formunuzu kütüphaneye getirin.'), []);
        const delivery = await store.create(sampleTicket({ kind: 'formDelivery', createdAt: TICKET_TIME + minutes(40) }), []); // 1003: resolved
        await store.update(changed(delivery, 'resolved', TICKET_TIME + minutes(50), 'resolved', 'Form alındı.'), []);
        await store.close();
    });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('lists every ticket newest first, in Turkish, with number, kind, status, people and times', async () => {
        const { code, stdout } = await runCli(dataDir, []);
        assert.strictEqual(code, 0);
        const [header] = stdout.split('\n');
        for (const column of ['number', 'kind', 'status', 'requester', 'assignee', 'created', 'lastChange']) {
            assert.ok(header.includes(t(`cli.columns.${column}`)), `header lacks ${column}: ${header}`);
        }
        assert.deepStrictEqual(numbersIn(stdout), [1003, 1002, 1001]);
        const row = rowOf(stdout, 1002);
        for (const cell of [t('cli.kinds.esignatureRequest'), t('cli.statuses.claimed'), 'Mehmet Öztürk', staffMember.name, '2026-11-27 12:10', '2026-11-27 12:30']) {
            assert.ok(row.includes(cell), `row 1002 lacks "${cell}": ${row}`);
        }
        assert.ok(rowOf(stdout, 1001).includes(t('cli.nobody')), 'an unclaimed ticket shows nobody as assignee');
    });

    it('--open leaves out resolved tickets', async () => {
        const { code, stdout } = await runCli(dataDir, ['--open']);
        assert.strictEqual(code, 0);
        assert.deepStrictEqual(numbersIn(stdout), [1002, 1001]);
    });

    it('--number shows one ticket with its details and whole history', async () => {
        const { code, stdout } = await runCli(dataDir, ['--number', '1002']);
        assert.strictEqual(code, 0);
        assert.ok(stdout.startsWith(translator.t('tr', 'cli.heading', { number: 1002, kind: t('cli.kinds.esignatureRequest'), status: t('cli.statuses.claimed') })));
        for (const expected of ['Tıp Fakültesi', t('cli.applicationKinds.first'), t('cli.sections.history'), 'Formunuzu kütüphaneye getirin.']) {
            assert.ok(stdout.includes(expected), `lacks "${expected}":\n${stdout}`);
        }
        const actions = stdout.split('\n').filter((line) => /^2026-/.test(line));
        assert.strictEqual(actions.length, 3);
        assert.ok(actions[0].includes(t('cli.actions.created')) && actions[0].includes('Mehmet Öztürk'));
        assert.ok(actions[1].includes(t('cli.actions.claimed')) && actions[1].includes(`${staffMember.name} (${t('cli.roles.staff')})`));
        assert.ok(actions[2].includes(t('cli.actions.replied')) && actions[2].includes('Formunuzu kütüphaneye getirin.'));
    });

    it('--lang en writes in English', async () => {
        const { stdout } = await runCli(dataDir, ['--open', '--lang', 'en']);
        assert.ok(stdout.split('\n')[0].includes(t('cli.columns.lastChange', 'en')));
        assert.ok(rowOf(stdout, 1002).includes(t('cli.statuses.claimed', 'en')));
        assert.ok(!stdout.includes(t('cli.columns.lastChange')));
    });

    it('an unknown number fails with a message; unknown options print the usage', async () => {
        const missing = await runCli(dataDir, ['--number', '999']);
        assert.deepStrictEqual([missing.code, missing.stdout, missing.stderr.trim()], [1, '', translator.t('tr', 'cli.notFound', { number: 999 })]);
        const wrong = await runCli(dataDir, ['--everything']);
        assert.deepStrictEqual([wrong.code, wrong.stderr.trim()], [2, t('cli.usage')]);
    });

    it('without a store file says there are no tickets, and creates nothing', () =>
        withTempDir('eimza-cli-empty-', async (empty) => {
            const { code, stdout } = await runCli(empty, []);
            assert.deepStrictEqual([code, stdout.trim()], [0, t('cli.noTickets')]);
            assert.deepStrictEqual(fs.readdirSync(empty), []);
        }));

    describe('arguments', () => {
        const cases: Array<[string[], ReturnType<typeof parseCliArguments>]> = [
            [[], { show: 'list', openOnly: false, language: 'tr' }],
            [['--open', '--lang', 'en'], { show: 'list', openOnly: true, language: 'en' }],
            [['--number', '1042'], { show: 'ticket', number: 1042, language: 'tr' }],
            [['--number', 'abc'], { show: 'usage', language: 'tr', invalid: true }],
            [['--number', '1042', '--open'], { show: 'usage', language: 'tr', invalid: true }],
            [['--lang', 'de'], { show: 'usage', language: 'tr', invalid: true }],
            [['--help', '--lang', 'en'], { show: 'usage', language: 'en', invalid: false }],
            [['1042'], { show: 'usage', language: 'tr', invalid: true }],
        ];
        for (const [args, expected] of cases) {
            it(`${JSON.stringify(args)} → ${expected.show}`, () => assert.deepStrictEqual(parseCliArguments(args), expected));
        }
    });
});
