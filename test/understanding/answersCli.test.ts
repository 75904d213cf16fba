import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAnswersArguments } from '../../tools/answersCli';
import { createTranslator } from '../../core/i18n';
import { ANSWERS_FILE, SqliteStaffAnswerStore } from '../../storage/sqliteStaffAnswerStore';
import { runCli as runNodeCli } from '../support/cliProcess';
import { tempDir } from '../support/tempDir';
import { draftAnswer } from './staffAnswerStoreContract';

const translator = createTranslator();
const CLI = path.join(__dirname, '..', '..', 'tools', 'answersCli.js');
const t = (key: string, values?: Record<string, unknown>) => translator.t('tr', `staffAnswers.${key}`, values);
// SQLite even where the shell has Cosmos DB set.
const runCli = (dataDir: string, args: string[]) => runNodeCli(CLI, dataDir, args, { COSMOS_ENDPOINT: '', WORKING_TIME_ZONE: 'Europe/Istanbul' });

describe('npm run answers', function () {
    this.timeout(30_000);
    let dataDir: string;
    let cleanup: () => void;

    beforeEach(async () => {
        ({ dir: dataDir, cleanup } = tempDir('eimza-answers-cli-'));
        const store = new SqliteStaffAnswerStore(path.join(dataDir, ANSWERS_FILE));
        await store.create(draftAnswer('Kütüphane nerede?', { examples: { tr: ['kütüphane hangi binada'] } }));
        await store.create(draftAnswer('Otopark', { status: 'retired', conflicts: ['libraryContact'] }));
        await store.close();
    });
    afterEach(() => cleanup());

    it('lists the answers in use; --all with the retired ones and their conflicts; --number shows one with its history', async () => {
        const active = await runCli(dataDir, []);
        assert.strictEqual(active.code, 0, active.stderr);
        assert.ok(active.stdout.includes('C1 · Kütüphane nerede?') && !active.stdout.includes('Otopark'), active.stdout);
        const all = await runCli(dataDir, ['--all']);
        assert.ok(all.stdout.includes('C2 · Otopark') && all.stdout.includes(t('cli.conflicts', { titles: translator.t('tr', 'answers.libraryContact.title') })), all.stdout);
        const one = await runCli(dataDir, ['--number', '1']);
        assert.ok(one.stdout.includes('kütüphane hangi binada') && one.stdout.includes(t('cli.actions.added')), one.stdout);
        const json = JSON.parse((await runCli(dataDir, ['--json', '--all'])).stdout) as Array<{ number: number }>;
        assert.deepStrictEqual(
            json.map((answer) => answer.number),
            [1, 2],
        );
        assert.strictEqual((await runCli(dataDir, ['--number', '9'])).code, 1);
    });

    it('retires and restores an answer, audited under the name given', async () => {
        assert.strictEqual((await runCli(dataDir, ['--retire', '1'])).code, 2, 'a change needs --by');
        const retired = await runCli(dataDir, ['--retire', '1', '--by', 'Ayşe']);
        assert.strictEqual(retired.code, 0, retired.stderr);
        assert.ok(retired.stdout.includes(t('notices.retired', { number: 1 })), retired.stdout);
        assert.ok(!(await runCli(dataDir, [])).stdout.includes('Kütüphane nerede?'));
        await runCli(dataDir, ['--restore', '1', '--by', 'Ayşe']);
        const store = new SqliteStaffAnswerStore(path.join(dataDir, ANSWERS_FILE));
        const answer = await store.getByNumber(1);
        await store.close();
        assert.deepStrictEqual(
            answer?.history.map((entry) => [entry.action, entry.actor.name]),
            [
                ['added', 'Ayşe Kütüphaneci'],
                ['retired', 'Ayşe'],
                ['restored', 'Ayşe'],
            ],
        );
        assert.ok(answer?.history[1].actor.id.startsWith('cli:'));
    });

    it('edits an answer; one that overlaps the guide is saved only with --confirm', async () => {
        const edited = await runCli(dataDir, ['--edit', '1', '--by', 'Burak', '--text-tr', 'A blok, zemin kat.', '--examples-tr', 'kütüphane hangi binada|kütüphane kaçıncı katta']);
        assert.strictEqual(edited.code, 0, edited.stderr);
        const overlapping = ['--edit', '1', '--by', 'Burak', '--examples-tr', 'sms kodu gelmedi'];
        const refused = await runCli(dataDir, overlapping);
        assert.strictEqual(refused.code, 1);
        assert.ok(refused.stderr.includes(translator.t('tr', 'answers.smsNotReceived.title')), refused.stderr);
        assert.strictEqual((await runCli(dataDir, [...overlapping, '--confirm'])).code, 0);
        const store = new SqliteStaffAnswerStore(path.join(dataDir, ANSWERS_FILE));
        const answer = await store.getByNumber(1);
        await store.close();
        assert.deepStrictEqual([answer?.text.tr, answer?.examples.tr, answer?.conflicts], ['A blok, zemin kat.', ['sms kodu gelmedi'], ['smsNotReceived']]);
    });

    it('reads nothing into being: without the file it lists none and creates nothing', async () => {
        const { dir, cleanup: done } = tempDir('eimza-answers-empty-');
        try {
            const { code, stdout } = await runCli(dir, []);
            assert.deepStrictEqual([code, stdout.trim()], [0, t('cli.none')]);
            assert.deepStrictEqual(fs.readdirSync(dir), []);
        } finally {
            done();
        }
    });

    it('parses its arguments; anything else is the usage text', () => {
        assert.deepStrictEqual(parseAnswersArguments([]), { show: 'list', all: false, json: false, language: 'tr' });
        assert.deepStrictEqual(parseAnswersArguments(['--retire', '3', '--by', 'A']), { show: 'status', number: 3, status: 'retired', by: 'A', language: 'tr' });
        for (const wrong of [['--retire', 'x'], ['--retire', '1', '--edit', '2'], ['--nope'], ['--lang', 'de'], ['--number', '0']]) {
            assert.strictEqual(parseAnswersArguments(wrong).show, 'usage', wrong.join(' '));
        }
    });
});
