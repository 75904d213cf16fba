import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { loadConfig } from '../core/config';
import { createTranslator } from '../core/i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../core/language';
import { silentLogger } from '../core/logger';
import { loadInstitutionProfile } from '../institution/institutionProfile';
import { buildInsightReport, type InsightReport } from '../insights/insightReport';
import { gatherReport } from '../insights/insightService';
import { renderReportCsv, renderReportText, reportWords } from '../insights/reportText';
import { createStores } from '../storage/createStores';
import { INSIGHTS_FILE } from '../storage/sqliteInsightLog';
import { QUESTIONS_FILE } from '../storage/sqliteQuestionLog';
import { workingCalendar } from '../core/workingHours';
import { runCommandLine, usageOutput, type CliOutput } from './commandLine';
import { isDay, questionWindow } from './questionsCli';

export type ReportRequest = { show: 'report'; from?: string; to?: string; format: 'text' | 'json' | 'csv'; language: Language } | { show: 'usage'; language: Language; invalid: boolean };

/** `npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json|--csv] [--lang tr|en]` (default: the last 30 days); anything else asks for the usage text. */
export function parseReportArguments(args: readonly string[]): ReportRequest {
    let values: { from?: string; to?: string; json?: boolean; csv?: boolean; lang?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: [...args],
            strict: true,
            allowPositionals: false,
            options: {
                from: { type: 'string' },
                to: { type: 'string' },
                json: { type: 'boolean' },
                csv: { type: 'boolean' },
                lang: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
        }));
    } catch {
        return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    }
    const language = values.lang ?? DEFAULT_LANGUAGE;
    if (!isLanguage(language)) return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    if (values.help) return { show: 'usage', language, invalid: false };
    const { from, to } = values;
    if ([from, to].some((day) => day !== undefined && !isDay(day)) || (from && to && from > to) || (values.json && values.csv)) return { show: 'usage', language, invalid: true };
    return { show: 'report', ...(from ? { from } : {}), ...(to ? { to } : {}), format: values.json ? 'json' : values.csv ? 'csv' : 'text', language };
}

export async function runReport(args: readonly string[]): Promise<CliOutput> {
    const request = parseReportArguments(args);
    const config = loadConfig();
    const translator = createTranslator();
    if (request.show === 'usage') {
        const usage = translator.t(request.language, 'insights.usage');
        return usageOutput(usage, request.invalid);
    }
    const profile = loadInstitutionProfile(config.institutionProfilePath);
    const calendar = workingCalendar(config.WORKING_HOURS, config.WORKING_TIME_ZONE);
    const now = Date.now();
    const window = questionWindow(request, now, config.WORKING_TIME_ZONE);
    // Looking must not create: without the SQLite file nothing was recorded yet.
    const nothingYet = !config.COSMOS_ENDPOINT && ![INSIGHTS_FILE, QUESTIONS_FILE, 'tickets.sqlite'].some((file) => fs.existsSync(path.join(config.dataDir, file)));
    const stores = nothingYet ? undefined : createStores(config, silentLogger);
    let report: InsightReport;
    try {
        report = stores
            ? await gatherReport({ insights: stores.insights, questions: stores.questions, listTickets: () => stores.tickets.list(), calendar, idleDays: config.INSIGHTS_IDLE_DAYS }, window.from, window.to, now)
            : buildInsightReport({ from: window.from, to: window.to, now, idleDays: config.INSIGHTS_IDLE_DAYS, calendar, events: [], questions: [], tickets: [] });
    } finally {
        await stores?.close();
    }
    if (request.format === 'json') return { stdout: JSON.stringify(report, null, 2), stderr: '', exitCode: 0 };
    if (request.format === 'csv') return { stdout: renderReportCsv(report), stderr: '', exitCode: 0 };
    return { stdout: renderReportText(report, reportWords(translator, request.language), profile.timeZone), stderr: '', exitCode: 0 };
}

if (require.main === module) runCommandLine(runReport);
