import * as fs from 'fs';
import * as path from 'path';
import { InternalError } from '../core/errors';
import { fromRoot } from '../core/projectPaths';
import { loadExamples } from './loadExamples';
import { createRecognizer } from './recognizer';
import type { Language, Recognizer } from './types';

/**
 * Measures the recognizer on a held-out set of questions:
 *   node dist/understanding/evaluate.js [evaluationSet.json] [localesDir]
 * By default test/understanding/evaluationSet.json and locales/ of the project.
 *
 * Scoring is strict: a question with an answer counts as right only when the outcome is 'sure'
 * with that answer; a question with answer null (out of scope) counts as right unless the outcome
 * is 'sure' — offering suggestions or saying "I don't know" is acceptable, answering is not.
 */
export interface EvaluationItem {
    text: string;
    language: Language;
    answer: string | null;
}

export interface AnswerFigures {
    /** Right 'sure' answers / all 'sure' answers with this id (NaN when never answered). */
    precision: number;
    /** Right 'sure' answers / questions whose answer is this id (NaN when none). */
    recall: number;
    support: number;
}

export interface Confusion {
    expected: string;
    /** The answer given 'sure', or 'unsure' / 'unknown'. */
    got: string;
    count: number;
    examples: string[];
}

export interface EvaluationReport {
    total: number;
    correct: number;
    accuracy: number;
    inScope: { total: number; sure: number; unsure: number; unknown: number; correct: number };
    outOfScope: { total: number; rejected: number; unknown: number; rejectionRate: number };
    languageAccuracy: number;
    perAnswer: Record<string, AnswerFigures>;
    confusions: Confusion[];
    medianMs: number;
    p95Ms: number;
    failures: Array<{ text: string; expected: string | null; got: string; suggestions: string[]; confidence: number }>;
}

function quantile(sorted: readonly number[], q: number): number {
    if (sorted.length === 0) return NaN;
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function evaluate(recognizer: Recognizer, items: readonly EvaluationItem[]): EvaluationReport {
    const times: number[] = [];
    const predicted = new Map<string, { right: number; all: number }>();
    const expected = new Map<string, { right: number; all: number }>();
    const confusions = new Map<string, Confusion>();
    const failures: EvaluationReport['failures'] = [];
    const inScope = { total: 0, sure: 0, unsure: 0, unknown: 0, correct: 0 };
    const outOfScope = { total: 0, rejected: 0, unknown: 0, rejectionRate: NaN };
    let correct = 0;
    let languageRight = 0;

    for (const item of items) {
        // The conversation language is the other one half of the time: detection must not lean on it.
        const conversation: Language = times.length % 2 === 0 ? item.language : item.language === 'tr' ? 'en' : 'tr';
        const start = process.hrtime.bigint();
        const result = recognizer.recognize(item.text, conversation);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (result.language === item.language) languageRight++;

        const got = result.outcome === 'sure' ? result.answerId ?? 'sure?' : result.outcome;
        const right = item.answer === null ? result.outcome !== 'sure' : result.outcome === 'sure' && result.answerId === item.answer;
        if (right) correct++;

        if (item.answer === null) {
            outOfScope.total++;
            if (result.outcome !== 'sure') outOfScope.rejected++;
            if (result.outcome === 'unknown') outOfScope.unknown++;
        } else {
            inScope.total++;
            inScope[result.outcome]++;
            if (right) inScope.correct++;
            const figures = expected.get(item.answer) ?? { right: 0, all: 0 };
            figures.all++;
            if (right) figures.right++;
            expected.set(item.answer, figures);
        }
        if (result.outcome === 'sure' && result.answerId) {
            const figures = predicted.get(result.answerId) ?? { right: 0, all: 0 };
            figures.all++;
            if (right) figures.right++;
            predicted.set(result.answerId, figures);
        }
        if (!right) {
            const key = `${item.answer ?? 'null'}→${got}`;
            const confusion = confusions.get(key) ?? { expected: item.answer ?? 'null', got, count: 0, examples: [] };
            confusion.count++;
            if (confusion.examples.length < 3) confusion.examples.push(item.text);
            confusions.set(key, confusion);
            failures.push({ text: item.text, expected: item.answer, got, suggestions: result.suggestions, confidence: Number(result.confidence.toFixed(3)) });
        }
    }
    outOfScope.rejectionRate = outOfScope.total ? outOfScope.rejected / outOfScope.total : NaN;

    const perAnswer: Record<string, AnswerFigures> = {};
    for (const id of [...new Set([...expected.keys(), ...predicted.keys()])].sort()) {
        const p = predicted.get(id);
        const e = expected.get(id);
        perAnswer[id] = {
            precision: p ? p.right / p.all : NaN,
            recall: e ? e.right / e.all : NaN,
            support: e?.all ?? 0,
        };
    }
    const sortedTimes = [...times].sort((a, b) => a - b);
    return {
        total: items.length,
        correct,
        accuracy: items.length ? correct / items.length : NaN,
        inScope,
        outOfScope,
        languageAccuracy: items.length ? languageRight / items.length : NaN,
        perAnswer,
        confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
        medianMs: quantile(sortedTimes, 0.5),
        p95Ms: quantile(sortedTimes, 0.95),
        failures,
    };
}

export function readEvaluationSet(file: string): EvaluationItem[] {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(parsed)) throw new InternalError(`${file}: expected a list of { text, language, answer }`);
    return parsed.map((entry, index) => {
        const item = entry as Partial<EvaluationItem>;
        if (typeof item.text !== 'string' || (item.language !== 'tr' && item.language !== 'en') || (item.answer !== null && typeof item.answer !== 'string')) {
            throw new InternalError(`${file}: item ${index} is not { text, language: 'tr' | 'en', answer: id | null }`);
        }
        return { text: item.text, language: item.language, answer: item.answer };
    });
}

export interface ProjectEvaluation {
    report: EvaluationReport;
    buildMs: number;
}

/** Builds the recognizer from the project's locales and evaluates it on the given set. */
export function evaluateProject(
    evaluationSetFile = fromRoot('test', 'understanding', 'evaluationSet.json'),
    localesDir = fromRoot('locales'),
): ProjectEvaluation {
    const start = process.hrtime.bigint();
    const recognizer = createRecognizer(loadExamples(localesDir));
    const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
    return { report: evaluate(recognizer, readEvaluationSet(evaluationSetFile)), buildMs };
}

const percent = (value: number) => (Number.isNaN(value) ? '  –  ' : `${(100 * value).toFixed(1)}%`);

export function formatReport({ report, buildMs }: ProjectEvaluation): string {
    const lines = [
        `utterances: ${report.total}`,
        `accuracy (strict): ${percent(report.accuracy)} (${report.correct}/${report.total})`,
        `in scope: ${report.inScope.correct}/${report.inScope.total} right · sure ${report.inScope.sure} · unsure ${report.inScope.unsure} · unknown ${report.inScope.unknown}`,
        `out of scope rejected: ${percent(report.outOfScope.rejectionRate)} (${report.outOfScope.rejected}/${report.outOfScope.total}; unknown ${report.outOfScope.unknown})`,
        `language detected right: ${percent(report.languageAccuracy)}`,
        `recognition time: median ${report.medianMs.toFixed(3)} ms · p95 ${report.p95Ms.toFixed(3)} ms · build ${buildMs.toFixed(0)} ms`,
        '',
        'answer                     precision  recall  n',
        ...Object.entries(report.perAnswer).map(([id, figures]) =>
            `${id.padEnd(26)} ${percent(figures.precision).padStart(9)} ${percent(figures.recall).padStart(7)}  ${figures.support}`),
        '',
        'confusions (expected → got):',
        ...report.confusions.map((confusion) => `  ${confusion.count} × ${confusion.expected} → ${confusion.got}   e.g. "${confusion.examples.join('" · "')}"`),
    ];
    return lines.join('\n');
}

if (require.main === module) {
    const [setFile, localesDir] = process.argv.slice(2);
    try {
        console.log(formatReport(evaluateProject(setFile && path.resolve(setFile), localesDir && path.resolve(localesDir))));
    } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    }
}
