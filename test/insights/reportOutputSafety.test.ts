import * as assert from 'assert';
import * as path from 'path';
import { buildInsightReport } from '../../insights/insightReport';
import { renderReportCsv } from '../../insights/reportText';
import { QUESTIONS_FILE, SqliteQuestionLog } from '../../storage/sqliteQuestionLog';
import { workingCalendar } from '../../core/workingHours';
import type { UnansweredQuestion } from '../../understanding/questionLog';
import { runCli } from '../support/cliProcess';
import { withTempDir } from '../support/tempDir';

/** Terminal and spreadsheet tricks: a window title, a cleared screen, a hyperlink; a formula after a ";". */
const ESCAPES = '\u001b]0;PWNED-TITLE\u0007\u001b[2J\u001b[1;31mkargom nerede \u001b]8;;http://127.0.0.1:1/phish\u0007tıklayın\u001b]8;;\u0007';
const FORMULA = "kedim nerede;=cmd|' /C calc'!A0";
/** A control character a terminal acts on (C0 but tab and line break, DEL, C1). */
const hasControl = (text: string) =>
    [...text].some((char) => {
        const code = char.charCodeAt(0);
        return (code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
    });

/** How Excel reads a line with `separator` as its list separator: quotes count only where they open a cell. */
function cellsAsExcelReads(line: string, separator: string): string[] {
    const cells: string[] = [];
    let i = 0;
    while (i <= line.length) {
        if (line[i] === '"') {
            let cell = '';
            i++;
            while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
                cell += line[i];
                i += line[i] === '"' ? 2 : 1;
            }
            i++;
            while (i < line.length && line[i] !== separator) cell += line[i++];
            cells.push(cell);
        } else {
            const end = line.indexOf(separator, i);
            cells.push(line.slice(i, end < 0 ? line.length : end));
            i = end < 0 ? line.length : end;
        }
        i++;
    }
    return cells;
}

describe("what the library's tools print is safe to print and to open (security review 2, N8)", () => {
    it('the CSV report starts no formula in a spreadsheet reading "," or ";", and carries no control characters', () => {
        const at = Date.UTC(2026, 10, 24, 9);
        const questions: UnansweredQuestion[] = [FORMULA, FORMULA, FORMULA, ESCAPES, ESCAPES, ESCAPES].map((text, index) => ({ text, language: 'tr', askedAt: at + index }));
        const report = buildInsightReport({ from: at - 1, to: at + 100, now: at + 100, idleDays: 14, calendar: workingCalendar('08:30-17:30', 'Europe/Istanbul'), events: [], questions, tickets: [] });
        assert.strictEqual(report.unanswered.length, 2, 'both asked three times, so both are in the report');
        const csv = renderReportCsv(report);
        assert.ok(!hasControl(csv), JSON.stringify(csv));
        for (const separator of [',', ';']) {
            for (const line of csv.split('\n')) {
                for (const cell of cellsAsExcelReads(line, separator)) assert.doesNotMatch(cell, /^[=+\-@]/, `"${cell}" of ${line}, read with "${separator}"`);
            }
        }
        assert.match(csv, /kedim nerede/, 'the question is still there to read');
    });

    it('npm run questions prints no terminal escape: no window title, no cleared screen, no hidden link', async () => {
        await withTempDir('eimza-questions-escapes-', async (dataDir) => {
            const log = new SqliteQuestionLog(path.join(dataDir, QUESTIONS_FILE));
            await log.record({ text: ESCAPES, language: 'tr', askedAt: Date.now() - 60_000 });
            await log.close();
            const run = await runCli(path.join(__dirname, '..', '..', 'tools', 'questionsCli.js'), dataDir, [], { COSMOS_ENDPOINT: '' });
            assert.strictEqual(run.code, 0, run.stderr);
            assert.match(run.stdout, /kargom nerede/);
            assert.ok(!hasControl(run.stdout), JSON.stringify(run.stdout));
        });
    });
});
