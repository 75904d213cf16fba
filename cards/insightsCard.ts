import { CardFactory, type Attachment } from 'botbuilder';
import type { Funnel, InsightReport } from '../insights/insightReport';
import { funnelHeading, mostStoppedLine, ticketLines, unansweredFootnote, windowDays, type ReportWords } from '../insights/reportText';
import { clip, plainText } from './plainText';

type Element = Record<string, unknown>;

const MAX_LIST = 10;
const MAX_QUESTION = 200;

const text = (value: string, more: Element = {}): Element => ({ type: 'TextBlock', text: value, wrap: true, ...more });
const heading = (value: string): Element => text(value, { weight: 'Bolder', spacing: 'Medium', separator: true });
const cell = (value: string, more: Element = {}): Element => ({ type: 'TableCell', items: [text(value, more)] });

/** The funnel as a table: for clients that do not draw Adaptive Card charts, and the chart's fallback. */
function funnelTable(words: ReportWords, funnel: Funnel): Element {
    const header = ['step', 'reached', 'dropOff', 'stopped'].map((column) => cell(words.t(`funnel.columns.${column}`), { weight: 'Bolder', size: 'Small' }));
    return {
        type: 'Table',
        firstRowAsHeader: true,
        // Two parts for the step, one per figure, small headings: "Reached" and "Ulaşan" fit a phone's column unbroken.
        columns: [{ width: 2 }, { width: 1 }, { width: 1 }, { width: 1 }],
        rows: [
            { type: 'TableRow', cells: header },
            ...funnel.steps.map((step) => ({
                type: 'TableRow',
                cells: [cell(`${step.number}. ${words.stepTitle(step.stepId)}`), cell(String(step.reached)), cell(String(step.dropOff)), cell(String(step.stopped))],
            })),
        ],
    };
}

/**
 * The funnel drawn as a Teams chart (`Chart.VerticalBar`: people reaching each numbered step);
 * a client that does not know the element renders its `fallback`, the same figures as a table.
 */
function funnelChart(words: ReportWords, funnel: Funnel): Element {
    return {
        type: 'Chart.VerticalBar',
        title: words.t('funnel.chartTitle', { kind: words.t(`kinds.${funnel.kind}`) }),
        xAxisTitle: words.t('funnel.xAxis'),
        yAxisTitle: words.t('funnel.yAxis'),
        data: funnel.steps.map((step) => ({ x: String(step.number), y: step.reached })),
        fallback: funnelTable(words, funnel),
    };
}

/** The report (the staff "rapor" answer and the weekly digest) as one Adaptive Card. */
export function insightsCard(report: InsightReport, words: ReportWords, options: { timeZone: string; digest?: boolean }): Attachment {
    const body: Element[] = [text(words.t(options.digest ? 'digestTitle' : 'title', windowDays(report, options.timeZone)), { size: 'Large', weight: 'Bolder' })];
    for (const funnel of report.funnels) {
        body.push(heading(funnelHeading(words, funnel)));
        if (funnel.started === 0) continue;
        body.push(funnelChart(words, funnel), text(mostStoppedLine(words, funnel, report.idleDays)));
    }
    body.push(heading(words.t('answers.heading')));
    if (report.answers.length === 0) body.push(text(words.t('answers.none')));
    for (const answer of report.answers.slice(0, MAX_LIST)) body.push(text(words.t('answers.line', { count: answer.count, title: words.answerTitle(answer.answerId) }), { spacing: 'None' }));
    body.push(heading(words.t('unanswered.heading')));
    for (const group of report.unanswered.slice(0, MAX_LIST)) {
        body.push(
            text(words.t('unanswered.line', { count: group.count, text: clip(plainText(group.text), MAX_QUESTION), context: group.unsure ? 'unsure' : undefined, unsure: group.unsure }), { spacing: 'None' }),
        );
    }
    const footnote = unansweredFootnote(words, report);
    if (footnote) body.push(text(footnote, { spacing: 'None', isSubtle: true }));
    body.push(heading(words.t('tickets.heading')), ...ticketLines(words, report, options.timeZone).map((line) => text(line, { spacing: 'None' })));
    return CardFactory.adaptiveCard({ type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body });
}
