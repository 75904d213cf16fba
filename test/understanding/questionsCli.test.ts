import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createTranslator } from '../../core/i18n';
import type { Language } from '../../core/language';
import { QUESTIONS_FILE, SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import { parseQuestionsArguments, questionWindow } from '../../tools/questionsCli';
import { groupQuestions, type QuestionGroup } from '../../understanding/questionGroups';
import type { UnansweredQuestion } from '../../understanding/questionLog';
import { runCli as runNodeCli } from '../support/cliProcess';
import { withTempDir } from '../support/tempDir';

const translator = createTranslator();
const CLI = path.join(__dirname, '..', '..', 'tools', 'questionsCli.js');
const DAY = 86_400_000;
const HOUR = 3_600_000;
const STEP = 'requestSent';

// SQLite even where the shell has Cosmos DB set, and a fixed library time zone for the day windows.
const runCli = (dataDir: string, args: string[]) => runNodeCli(CLI, dataDir, args, { COSMOS_ENDPOINT: '', WORKING_TIME_ZONE: 'Europe/Istanbul' });

const t = (key: string, values?: Record<string, unknown>, language: Language = 'tr') => translator.t(language, `cli.unanswered.${key}`, values);
const share = (name: string, count: number, language: Language = 'tr') => t('share', { name, count }, language);
const stepTitle = (language: Language = 'tr') => translator.t(language, `steps.${STEP}.title`);
/** The lines that start a group, "3 × text", in the order printed. */
const groupLines = (output: string) => output.split('\n').filter((line) => /^\d+ × /.test(line));

describe('npm run questions', () => {
    let dataDir: string;
    const now = Date.now();

    before(async () => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-questions-cli-'));
        const log = new SqliteQuestionLog(path.join(dataDir, QUESTIONS_FILE));
        const recent: UnansweredQuestion[] = [
            { text: 'where is the library?', language: 'en', askedAt: now - 5 * DAY },
            { text: 'e-imza ücreti ne kadar?', language: 'tr', stepId: STEP, askedAt: now - 4 * DAY },
            { text: 'E-İMZA ÜCRETİ NE KADAR', language: 'tr', stepId: STEP, askedAt: now - 3 * DAY },
            { text: 'sms gelmedi', language: 'tr', askedAt: now - 3 * DAY, outcome: 'unsure', candidates: ['smsNotReceived', 'smsTimer'], chosen: 'smsNotReceived' },
            { text: 'Where is the library', language: 'en', stepId: STEP, askedAt: now - 2 * DAY },
            { text: 'e-imza ücreti ne kadar?', language: 'en', askedAt: now - DAY },
            { text: 'too old to show', language: 'tr', askedAt: now - 40 * DAY },
            // Days in Istanbul (UTC+3): 2026-03-10 10:00, 2026-03-12 23:30 and 2026-03-13 00:30.
            { text: 'march first', language: 'tr', askedAt: Date.UTC(2026, 2, 10, 7, 0) },
            { text: 'march last', language: 'tr', askedAt: Date.UTC(2026, 2, 12, 20, 30) },
            { text: 'march next day', language: 'tr', askedAt: Date.UTC(2026, 2, 12, 21, 30) },
        ];
        for (const question of recent) await log.record(question);
        await log.close();
    });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('groups the last 30 days by folded text, most frequent first, with counts, languages and steps', async () => {
        const { code, stdout, stderr } = await runCli(dataDir, []);
        assert.deepStrictEqual([code, stderr], [0, '']);
        const lines = stdout.split('\n');
        const [from, to] = lines[0].match(/\d{4}-\d{2}-\d{2}/g) ?? [];
        assert.strictEqual(lines[0], t('heading', { from, to, total: 6, unsure: 1, distinct: 3 }));
        assert.deepStrictEqual(groupLines(stdout), [
            t('group', { count: 3, text: 'e-imza ücreti ne kadar?' }),
            t('group', { count: 2, text: 'where is the library?' }),
            t('group', { count: 1, text: 'sms gelmedi' }),
        ]);
        const detailsOf = (groupLine: string) => lines[lines.indexOf(groupLine) + 1];
        assert.strictEqual(
            detailsOf(groupLines(stdout)[0]),
            t('details', {
                languages: [share(t('languages.tr'), 2), share(t('languages.en'), 1)].join(', '),
                steps: [share(stepTitle(), 2), share(t('noStep'), 1)].join(', '),
            }),
        );
        assert.strictEqual(
            detailsOf(groupLines(stdout)[1]),
            t('details', {
                languages: share(t('languages.en'), 2),
                steps: [share(t('noStep'), 1), share(stepTitle(), 1)].join(', '),
            }),
        );
        // The unsure one: what was offered and what the person chose.
        assert.strictEqual(
            lines[lines.indexOf(groupLines(stdout)[2]) + 2],
            t('offered', {
                unsure: 1,
                offered: [share(translator.t('tr', 'answers.smsNotReceived.title'), 1), share(translator.t('tr', 'answers.smsTimer.title'), 1)].join(', '),
                chosen: share(translator.t('tr', 'answers.smsNotReceived.title'), 1),
            }),
        );
        assert.ok(!stdout.includes('too old to show') && !stdout.includes('march'));
    });

    it("--from and --to are days in the library's time zone, both included", async () => {
        const { code, stdout } = await runCli(dataDir, ['--from', '2026-03-10', '--to', '2026-03-12']);
        assert.strictEqual(code, 0);
        assert.strictEqual(stdout.split('\n')[0], t('heading', { from: '2026-03-10', to: '2026-03-12', total: 2, unsure: 0, distinct: 2 }));
        assert.deepStrictEqual(groupLines(stdout), [t('group', { count: 1, text: 'march first' }), t('group', { count: 1, text: 'march last' })]);
    });

    it('--json gives the same groups as data', async () => {
        const { code, stdout } = await runCli(dataDir, ['--json']);
        assert.strictEqual(code, 0);
        const report = JSON.parse(stdout) as { from: string; to: string; total: number; groups: QuestionGroup[] };
        assert.strictEqual(report.total, 6);
        const none = { outcomes: { unknown: 0, unsure: 0 }, offered: [], chosen: [] };
        assert.deepStrictEqual(report.groups, [
            {
                text: 'e-imza ücreti ne kadar?',
                count: 3,
                ...none,
                outcomes: { unknown: 3, unsure: 0 },
                languages: [
                    { language: 'tr', count: 2 },
                    { language: 'en', count: 1 },
                ],
                steps: [
                    { stepId: STEP, count: 2 },
                    { stepId: null, count: 1 },
                ],
            },
            {
                text: 'where is the library?',
                count: 2,
                ...none,
                outcomes: { unknown: 2, unsure: 0 },
                languages: [{ language: 'en', count: 2 }],
                steps: [
                    { stepId: null, count: 1 },
                    { stepId: STEP, count: 1 },
                ],
            },
            {
                text: 'sms gelmedi',
                count: 1,
                outcomes: { unknown: 0, unsure: 1 },
                offered: [
                    { answerId: 'smsNotReceived', count: 1 },
                    { answerId: 'smsTimer', count: 1 },
                ],
                chosen: [{ choice: 'smsNotReceived', count: 1 }],
                languages: [{ language: 'tr', count: 1 }],
                steps: [{ stepId: null, count: 1 }],
            },
        ]);
        assert.ok(Date.parse(report.to) - Date.parse(report.from) === 30 * DAY);
    });

    it('--lang en writes in English', async () => {
        const { stdout } = await runCli(dataDir, ['--lang', 'en']);
        const lines = stdout.split('\n');
        assert.ok(
            lines.includes(t('details', { languages: share(t('languages.en', {}, 'en'), 2, 'en'), steps: [share(t('noStep', {}, 'en'), 1, 'en'), share(stepTitle('en'), 1, 'en')].join(', ') }, 'en')),
            stdout,
        );
    });

    it('an empty window says so; wrong options print the usage', async () => {
        const empty = await runCli(dataDir, ['--from', '2020-01-01', '--to', '2020-01-31']);
        assert.deepStrictEqual([empty.code, empty.stdout.trim()], [0, t('none', { from: '2020-01-01', to: '2020-01-31' })]);
        const wrong = await runCli(dataDir, ['--from', '2026-02-30']);
        assert.deepStrictEqual([wrong.code, wrong.stderr.trim()], [2, t('usage')]);
    });

    it('without a store file says there are no questions, and creates nothing', () =>
        withTempDir('eimza-questions-cli-empty-', async (emptyDir) => {
            const { code, stdout } = await runCli(emptyDir, ['--from', '2026-01-01', '--to', '2026-01-02']);
            assert.deepStrictEqual([code, stdout.trim()], [0, t('none', { from: '2026-01-01', to: '2026-01-02' })]);
            assert.deepStrictEqual(fs.readdirSync(emptyDir), []);
        }));

    describe('arguments', () => {
        const cases: Array<[string[], ReturnType<typeof parseQuestionsArguments>]> = [
            [[], { show: 'report', json: false, language: 'tr' }],
            [['--from', '2026-01-01', '--to', '2026-01-31', '--json', '--lang', 'en'], { show: 'report', from: '2026-01-01', to: '2026-01-31', json: true, language: 'en' }],
            [['--from', '2026-1-1'], { show: 'usage', language: 'tr', invalid: true }],
            [['--from', '2026-02-01', '--to', '2026-01-01'], { show: 'usage', language: 'tr', invalid: true }],
            [['--lang', 'de'], { show: 'usage', language: 'tr', invalid: true }],
            [['--help', '--lang', 'en'], { show: 'usage', language: 'en', invalid: false }],
            [['march'], { show: 'usage', language: 'tr', invalid: true }],
        ];
        for (const [args, expected] of cases) {
            it(`${JSON.stringify(args)} → ${expected.show}`, () => assert.deepStrictEqual(parseQuestionsArguments(args), expected));
        }

        it('a window of local days starts and ends at local midnight, across a time-zone change', () => {
            assert.deepStrictEqual(questionWindow({ from: '2026-03-10', to: '2026-03-12' }, 0, 'Europe/Istanbul'), {
                from: Date.UTC(2026, 2, 9, 21),
                to: Date.UTC(2026, 2, 12, 21),
                firstDay: '2026-03-10',
                lastDay: '2026-03-12',
            });
            // Berlin moves its clocks forward on 29 March 2026: that day has 23 hours.
            const berlin = questionWindow({ from: '2026-03-29', to: '2026-03-29' }, 0, 'Europe/Berlin');
            assert.deepStrictEqual([berlin.from, berlin.to - berlin.from], [Date.UTC(2026, 2, 28, 23), 23 * HOUR]);
        });
    });

    it('groups ignore case, Turkish letters and punctuation, and show the most frequent spelling', () => {
        const at = 0;
        const groups = groupQuestions([
            { text: 'SMS gelmedi!', language: 'tr', askedAt: at },
            { text: 'sms gelmedi', language: 'tr', askedAt: at },
            { text: 'Sms gelmedi', language: 'tr', askedAt: at },
            { text: 'sms gelmedi', language: 'tr', askedAt: at },
            { text: 'ıslak imza', language: 'tr', askedAt: at },
            { text: 'Islak İmza?', language: 'tr', askedAt: at },
        ]);
        assert.deepStrictEqual(
            groups.map((group) => [group.text, group.count]),
            [
                ['sms gelmedi', 4],
                ['ıslak imza', 2],
            ],
        );
    });
});
