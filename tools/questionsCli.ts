import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { loadConfig } from '../core/config';
import { createTranslator, type Translator } from '../core/i18n';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../core/language';
import { silentLogger } from '../core/logger';
import { createStores } from '../storage/createStores';
import { QUESTIONS_FILE } from '../storage/sqliteQuestionLog';
import { localTimestamp, terminalSafe } from '../tickets/ticketReport';
import { CHOSE_LIBRARY } from '../understanding/questionLog';
import { groupQuestions, type QuestionGroup } from '../understanding/questionGroups';
import { staffAnswerNumber } from '../understanding/staffAnswers';
import { runCommandLine, usageOutput, type CliOutput } from './commandLine';

const DAY = 86_400_000;
const DEFAULT_DAYS = 30;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type QuestionsRequest = { show: 'report'; from?: string; to?: string; json: boolean; language: Language } | { show: 'usage'; language: Language; invalid: boolean };

/** `npm run questions -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json] [--lang tr|en]`; anything else asks for the usage text. */
export function parseQuestionsArguments(args: readonly string[]): QuestionsRequest {
    let values: { from?: string; to?: string; json?: boolean; lang?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: [...args],
            strict: true,
            allowPositionals: false,
            options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
        }));
    } catch {
        return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    }
    const language = values.lang === undefined ? DEFAULT_LANGUAGE : values.lang;
    if (!isLanguage(language)) return { show: 'usage', language: DEFAULT_LANGUAGE, invalid: true };
    if (values.help) return { show: 'usage', language, invalid: false };
    if ([values.from, values.to].some((day) => day !== undefined && !isDay(day))) return { show: 'usage', language, invalid: true };
    if (values.from && values.to && values.from > values.to) return { show: 'usage', language, invalid: true };
    return { show: 'report', ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}), json: values.json === true, language };
}

/** A real calendar day written YYYY-MM-DD (not 2026-02-30, not 2026-13-01). */
export function isDay(day: string): boolean {
    const match = DATE.exec(day);
    if (!match) return false;
    const [year, month, date] = match.slice(1).map(Number);
    const parsed = new Date(Date.UTC(year, month - 1, date));
    return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
}

/** The instant a local day (YYYY-MM-DD) starts in `timeZone`. */
function startOfDay(day: string, timeZone: string): number {
    const [year, month, date] = DATE.exec(day)!.slice(1).map(Number);
    const wall = Date.UTC(year, month - 1, date);
    const offsetAt = (at: number) => {
        const [localDay, time] = localTimestamp(at, timeZone).split(' ');
        const [y, m, d] = localDay.split('-').map(Number);
        const [hour, minute] = time.split(':').map(Number);
        return Date.UTC(y, m - 1, d, hour, minute) - (at - (at % 60_000));
    };
    // A second pass settles the guess when the offset differs on either side of a transition.
    const guess = wall - offsetAt(wall);
    return wall - offsetAt(guess);
}

const localDay = (at: number, timeZone: string) => localTimestamp(at, timeZone).slice(0, 10);

export interface QuestionWindow {
    /** Inclusive, in ms. */
    from: number;
    /** Exclusive, in ms. */
    to: number;
    /** The first and last local day shown to the reader. */
    firstDay: string;
    lastDay: string;
}

/** --from and --to are local days, both included; without them, the last 30 days up to now. */
export function questionWindow(request: { from?: string; to?: string }, now: number, timeZone: string): QuestionWindow {
    const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
    const to = request.to ? startOfDay(nextDay(request.to), timeZone) : now;
    const from = request.from ? startOfDay(request.from, timeZone) : to - DEFAULT_DAYS * DAY;
    return { from, to, firstDay: localDay(from, timeZone), lastDay: localDay(Math.max(from, to - 1), timeZone) };
}

/** A guide answer's title in the reader's language; a staff answer (or one no longer there) by its id. */
function answerTitle(translator: Translator, language: Language, answerId: string): string {
    const number = staffAnswerNumber(answerId);
    if (number !== undefined) return translator.t(language, 'cli.unanswered.staffAnswer', { number });
    return translator.has(language, `answers.${answerId}.title`) ? translator.t(language, `answers.${answerId}.title`) : answerId;
}

function renderText(groups: readonly QuestionGroup[], window: QuestionWindow, translator: Translator, language: Language): string {
    const t = (key: string, values?: Record<string, unknown>) => translator.t(language, `cli.unanswered.${key}`, values);
    const days = { from: window.firstDay, to: window.lastDay };
    if (groups.length === 0) return t('none', days);
    const stepName = (stepId: string | null) => {
        if (!stepId) return t('noStep');
        return translator.has(language, `steps.${stepId}.title`) ? translator.t(language, `steps.${stepId}.title`) : stepId;
    };
    const share = (name: string, count: number) => t('share', { name, count });
    const answerName = (id: string) => (id === CHOSE_LIBRARY ? t('library') : answerTitle(translator, language, id));
    const total = groups.reduce((sum, group) => sum + group.count, 0);
    const unsure = groups.reduce((sum, group) => sum + group.outcomes.unsure, 0);
    const lines = [t('heading', { ...days, total, unsure, distinct: groups.length })];
    for (const group of groups) {
        lines.push('', t('group', { count: group.count, text: terminalSafe(group.text) }));
        lines.push(
            t('details', {
                languages: group.languages.map((entry) => share(t(`languages.${entry.language}`), entry.count)).join(', '),
                steps: group.steps.map((entry) => share(stepName(entry.stepId), entry.count)).join(', '),
            }),
        );
        if (group.outcomes.unsure > 0) {
            lines.push(
                t('offered', {
                    unsure: group.outcomes.unsure,
                    offered: group.offered.map((entry) => share(answerName(entry.answerId), entry.count)).join(', '),
                    chosen: group.chosen.length ? group.chosen.map((entry) => share(answerName(entry.choice), entry.count)).join(', ') : t('nothingChosen'),
                }),
            );
        }
    }
    return lines.join('\n');
}

async function run(args: readonly string[]): Promise<CliOutput> {
    const request = parseQuestionsArguments(args);
    const config = loadConfig();
    const translator = createTranslator();
    if (request.show === 'usage') {
        const usage = translator.t(request.language, 'cli.unanswered.usage');
        return usageOutput(usage, request.invalid);
    }
    const window = questionWindow(request, Date.now(), config.WORKING_TIME_ZONE);
    // Looking must not create: without the SQLite file nobody has asked anything yet.
    const nothingYet = !config.COSMOS_ENDPOINT && !fs.existsSync(path.join(config.dataDir, QUESTIONS_FILE));
    const stores = nothingYet ? undefined : createStores(config, silentLogger);
    let groups: QuestionGroup[];
    try {
        groups = groupQuestions(stores ? await stores.questions.list(window.from, window.to) : []);
    } finally {
        await stores?.close();
    }
    if (request.json) {
        const report = { from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString(), total: groups.reduce((sum, group) => sum + group.count, 0), groups };
        return { stdout: JSON.stringify(report, null, 2), stderr: '', exitCode: 0 };
    }
    return { stdout: renderText(groups, window, translator, request.language), stderr: '', exitCode: 0 };
}

if (require.main === module) runCommandLine(run);
