import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import { localTimestamp, table, terminalSafe } from '../tickets/ticketReport';
import { SHOWN_FROM_ASKED, type Funnel, type InsightReport } from './insightReport';

/** The report's sentences in one language, shared by the terminal text and the staff card. */
export interface ReportWords {
    t(key: string, values?: Record<string, unknown>): string;
    stepTitle(stepId: string): string;
    answerTitle(answerId: string): string;
}

export function reportWords(translator: Translator, language: Language): ReportWords {
    const t = (key: string, values?: Record<string, unknown>) => translator.t(language, `insights.${key}`, values);
    const titleOr = (key: string, fallback: string) => (translator.has(language, key) ? translator.t(language, key) : fallback);
    return { t, stepTitle: (stepId) => titleOr(`steps.${stepId}.title`, stepId), answerTitle: (answerId) => titleOr(`answers.${answerId}.title`, answerId) };
}

export function funnelHeading(words: ReportWords, funnel: Funnel): string {
    const kind = words.t(`kinds.${funnel.kind}`);
    return funnel.started === 0 ? words.t('funnel.empty', { kind }) : words.t('funnel.heading', { kind, started: funnel.started, finished: funnel.finished });
}

export function mostStoppedLine(words: ReportWords, funnel: Funnel, idleDays: number): string {
    if (funnel.mostStopped.length === 0) return words.t('funnel.noStops', { days: idleDays });
    return words.t('funnel.mostStopped', { steps: funnel.mostStopped.map((step) => `${step.number}. ${words.stepTitle(step.stepId)} (${step.stopped})`).join(', ') });
}

export function ticketLines(words: ReportWords, report: InsightReport, timeZone: string): string[] {
    const { tickets } = report;
    return [
        words.t('tickets.opened', tickets.openedPerKind),
        tickets.medianHoursToClaim === null ? words.t('tickets.claimNone') : words.t('tickets.claim', { hours: tickets.medianHoursToClaim }),
        tickets.medianHoursToResolve === null ? words.t('tickets.resolveNone') : words.t('tickets.resolve', { hours: tickets.medianHoursToResolve }),
        words.t('tickets.openNow', { count: tickets.openNow }),
        tickets.oldestOpen
            ? words.t('tickets.oldest', { number: tickets.oldestOpen.number, created: localTimestamp(tickets.oldestOpen.createdAt, timeZone), hours: tickets.oldestOpen.workingHours })
            : words.t('tickets.noOpen'),
    ];
}

/** Under the unanswered groups: nothing at all, or how many questions were asked too rarely to be shown. */
export function unansweredFootnote(words: ReportWords, report: InsightReport): string | undefined {
    if (report.unansweredNotShown > 0) return words.t('unanswered.notShown', { count: report.unansweredNotShown, min: SHOWN_FROM_ASKED });
    return report.unanswered.length === 0 ? words.t('unanswered.none') : undefined;
}

/** The local days of the window, for titles. */
export function windowDays(report: InsightReport, timeZone: string): { from: string; to: string } {
    return { from: localTimestamp(report.from, timeZone).slice(0, 10), to: localTimestamp(Math.max(report.from, report.to - 1), timeZone).slice(0, 10) };
}

/** The report for a terminal: headings, one table per funnel, the lists. Anyone's text is made terminal-safe. */
export function renderReportText(report: InsightReport, words: ReportWords, timeZone: string): string {
    const lines = [words.t('title', windowDays(report, timeZone))];
    for (const funnel of report.funnels) {
        lines.push('', funnelHeading(words, funnel));
        if (funnel.started === 0) continue;
        lines.push(
            table(
                [words.t('funnel.columns.step'), words.t('funnel.columns.reached'), words.t('funnel.columns.dropOff'), words.t('funnel.columns.stopped')],
                funnel.steps.map((step) => [`${step.number}. ${words.stepTitle(step.stepId)}`, String(step.reached), String(step.dropOff), String(step.stopped)]),
            ),
        );
        lines.push(mostStoppedLine(words, funnel, report.idleDays));
    }
    lines.push('', words.t('answers.heading'));
    if (report.answers.length === 0) lines.push(words.t('answers.none'));
    for (const answer of report.answers) lines.push(words.t('answers.line', { count: answer.count, title: words.answerTitle(answer.answerId) }));
    lines.push('', words.t('unanswered.heading'));
    for (const group of report.unanswered) lines.push(words.t('unanswered.line', { count: group.count, text: terminalSafe(group.text), context: group.unsure ? 'unsure' : undefined, unsure: group.unsure }));
    const footnote = unansweredFootnote(words, report);
    if (footnote) lines.push(footnote);
    lines.push('', words.t('tickets.heading'), ...ticketLines(words, report, timeZone));
    return lines.join('\n');
}

/**
 * One spreadsheet cell. Text is always quoted, and a leading = + - @ (a formula) gets a ' in front.
 * Excel in Turkish splits on ";" and ignores quotes that do not open a cell, so a ";" inside a text
 * would start a new cell there ("kedim nerede;=cmd|…"): it is written as the full-width "；" instead.
 */
const csvCell = (value: string | number) => {
    if (typeof value === 'number') return String(value);
    const text = value.replace(/;/g, '\uff1b');
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
};

/** One row per figure: section, kind, item, value (ids, not sentences: for spreadsheets). */
export function renderReportCsv(report: InsightReport): string {
    const rows: Array<Array<string | number>> = [['section', 'kind', 'item', 'value']];
    for (const funnel of report.funnels) {
        rows.push(['started', funnel.kind, '', funnel.started], ['finished', funnel.kind, '', funnel.finished]);
        for (const step of funnel.steps) {
            rows.push(['reached', funnel.kind, `${step.number}:${step.stepId}`, step.reached]);
            rows.push(['dropOff', funnel.kind, `${step.number}:${step.stepId}`, step.dropOff]);
            rows.push(['stopped', funnel.kind, `${step.number}:${step.stepId}`, step.stopped]);
        }
    }
    for (const answer of report.answers) rows.push(['answer', '', answer.answerId, answer.count]);
    for (const group of report.unanswered) rows.push(['unanswered', '', terminalSafe(group.text), group.count]);
    rows.push(['unansweredNotShown', '', '', report.unansweredNotShown]);
    const { tickets } = report;
    for (const [kind, count] of Object.entries(tickets.openedPerKind)) rows.push(['ticketsOpened', kind, '', count]);
    rows.push(['medianHoursToClaim', '', '', tickets.medianHoursToClaim ?? ''], ['medianHoursToResolve', '', '', tickets.medianHoursToResolve ?? '']);
    rows.push(['openNow', '', '', tickets.openNow]);
    if (tickets.oldestOpen) rows.push(['oldestOpen', tickets.oldestOpen.kind, `#${tickets.oldestOpen.number}`, tickets.oldestOpen.workingHours]);
    return rows.map((row) => row.map(csvCell).join(',')).join('\n');
}
