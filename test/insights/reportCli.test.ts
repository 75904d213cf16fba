import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseReportArguments, runReport } from '../../tools/reportCli';
import { SqliteInsightLog } from '../../storage/sqliteInsightLog';

const AT = Date.UTC(2026, 10, 24, 9, 0);

describe('npm run report', () => {
    let dir: string;
    const saved = { ...process.env };
    beforeEach(async () => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eimza-report-'));
        process.env.DATA_DIR = dir;
        delete process.env.COSMOS_ENDPOINT;
        const log = new SqliteInsightLog(path.join(dir, 'insights.sqlite'));
        for (const [visitor, numbers] of [
            ['v1', [1, 2, 3]],
            ['v2', [1]],
        ] as const) {
            for (const number of numbers) await log.record({ type: 'stepReached', at: AT + number, kind: 'renewal', stepNumber: number, stepId: 'x', visitor });
        }
        await log.record({ type: 'answerGiven', at: AT, detail: 'fee' });
        await log.close();
    });
    afterEach(() => {
        process.env = { ...saved };
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('parses --from/--to (each optional: the last 30 days without them) and one of --json/--csv', () => {
        assert.deepStrictEqual(parseReportArguments(['--from', '2026-11-01', '--to', '2026-11-30', '--csv']), { show: 'report', from: '2026-11-01', to: '2026-11-30', format: 'csv', language: 'tr' });
        assert.deepStrictEqual(parseReportArguments([]), { show: 'report', format: 'text', language: 'tr' });
        assert.deepStrictEqual(parseReportArguments(['--from', '2026-11-01']), { show: 'report', from: '2026-11-01', format: 'text', language: 'tr' });
        for (const wrong of [
            ['--from', '2026-11-31', '--to', '2026-12-01'],
            ['--to', '2026-13-01'],
            ['--from', '2026-11-02', '--to', '2026-11-01'],
            ['--from', '2026-11-01', '--to', '2026-11-30', '--json', '--csv'],
            ['2026-11-01'],
        ]) {
            assert.strictEqual(parseReportArguments(wrong).show, 'usage', wrong.join(' '));
        }
    });

    it('without arguments reports the last 30 days up to now', async () => {
        const before = Date.now();
        const result = await runReport(['--json']);
        assert.strictEqual(result.exitCode, 0, result.stderr);
        const { from, to } = JSON.parse(result.stdout) as { from: number; to: number };
        assert.ok(to >= before && to <= Date.now(), 'up to now');
        assert.strictEqual(to - from, 30 * 86_400_000);
        assert.strictEqual((await runReport([])).exitCode, 0);
    });

    it('prints the funnel per kind as text, JSON and CSV', async () => {
        const text = await runReport(['--from', '2026-11-23', '--to', '2026-11-29']);
        assert.strictEqual(text.exitCode, 0);
        assert.match(text.stdout, /Yenileme: 2 kişi başladı, 0 kişi bitirdi/);
        const english = await runReport(['--from', '2026-11-23', '--to', '2026-11-29', '--lang', 'en']);
        assert.match(english.stdout, /Renewal: 2 people started, 0 finished/);
        const json = JSON.parse((await runReport(['--from', '2026-11-23', '--to', '2026-11-29', '--json'])).stdout) as { funnels: Array<{ kind: string; steps: Array<{ reached: number }> }> };
        assert.deepStrictEqual(
            json.funnels
                .find((funnel) => funnel.kind === 'renewal')!
                .steps.slice(0, 4)
                .map((step) => step.reached),
            [2, 1, 1, 0],
        );
        const csv = (await runReport(['--from', '2026-11-23', '--to', '2026-11-29', '--csv'])).stdout.split('\n');
        assert.strictEqual(csv[0], '"section","kind","item","value"');
        assert.ok(csv.includes('"started","renewal","",2') && csv.includes('"answer","","fee",1'), csv.join('\n'));
        const outside = await runReport(['--from', '2026-10-01', '--to', '2026-10-31']);
        assert.match(outside.stdout, /Yenileme: bu dönemde kimse başlamadı/);
    });
});
