import * as fs from 'fs';
import * as path from 'path';
import { InternalError } from '../core/errors';
import { fromRoot } from '../core/projectPaths';
import { loadAnswerCatalogue } from '../flow/answerCatalogue';
import { loadConcepts } from '../understanding/concepts';
import { loadExamples } from '../understanding/loadExamples';
import { offersLanguageSwitch, recognizerForCatalogue } from '../understanding/recognizer';
import type { FacetPolarity, Language, Recognition, Recognizer } from '../understanding/types';

/**
 * Measures the recognizer on held-out questions:
 *   node dist/tools/evaluateUnderstanding.js [evaluationSet.json …] [--locales dir]
 * By default every held-out set of the project (test/understanding/evaluationSet*.json), each on
 * its own and all together, against the project's locales/.
 *
 * Scoring is strict: a question with an answer counts as right only when the outcome is 'sure'
 * with that answer (or one its item lists as also acceptable, or for a multi-part question an
 * overview that lists it: see `covers` in flow/answers.json); a question with answer null (out of
 * scope, nonsense) counts as right unless the outcome is 'sure' — offering suggestions or saying
 * "I don't know" is acceptable, answering is not. Beside it, per kind of question:
 * - yes/no questions answered with a direct first sentence (a facet; when the item says "yes" or
 *   "no", a facet that says the same);
 * - out-of-scope questions declined, and how many of them got a plain "I don't know";
 * - nonsense handled: "I don't know", no suggestions, no offer to switch language.
 */
export const EVALUATION_KINDS = ['plain', 'everyday', 'yesno', 'multipart', 'long', 'outOfScope', 'nonsense', 'smalltalk'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export interface EvaluationItem {
    text: string;
    language: Language;
    answer: string | null;
    kind: EvaluationKind;
    /** For a yes/no question: what the guide's answer is ("yes" / "no"), null when it gives none. */
    direct?: 'yes' | 'no' | null;
    /** Other answers that answer the question just as well. */
    alsoAcceptable?: string[];
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

export interface KindFigures {
    total: number;
    correct: number;
    accuracy: number;
    sure: number;
    unsure: number;
    unknown: number;
}

export interface EvaluationReport {
    total: number;
    correct: number;
    accuracy: number;
    inScope: { total: number; sure: number; unsure: number; unknown: number; correct: number };
    /** Questions with answer null: declined = not 'sure'; unknown = a plain "I don't know". */
    outOfScope: { total: number; rejected: number; unknown: number; rejectionRate: number };
    /** Yes/no questions whose right answer came with a direct first sentence that says what the item says. */
    yesNo: { total: number; direct: number; directRate: number };
    /** Nonsense handled: "I don't know", no suggestion, no offer to switch language. */
    nonsense: { total: number; handled: number; handledRate: number };
    perKind: Partial<Record<EvaluationKind, KindFigures>>;
    languageAccuracy: number;
    perAnswer: Record<string, AnswerFigures>;
    confusions: Confusion[];
    medianMs: number;
    p95Ms: number;
    failures: Array<{ text: string; kind: EvaluationKind; expected: string | null; got: string; facet?: string; suggestions: string[]; confidence: number }>;
}

/** What the evaluation reads from the answer catalogue. */
export interface CatalogueFacts {
    /** A facet's polarity; undefined for an answer or facet without one. */
    polarityOf: (answerId: string, facet: string) => FacetPolarity | undefined;
    /** The answers an overview lists (the whole form lists each section); none for other answers. */
    covers: (answerId: string) => readonly string[];
}

const NO_FACTS: CatalogueFacts = { polarityOf: () => undefined, covers: () => [] };

function quantile(sorted: readonly number[], q: number): number {
    if (sorted.length === 0) return NaN;
    const position = (sorted.length - 1) * q;
    const low = Math.floor(position);
    const high = Math.ceil(position);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

const rate = (part: number, whole: number) => (whole ? part / whole : NaN);

/**
 * Right: the expected answer or one the item also accepts; for a multi-part question, also an
 * overview that lists the expected answer among its parts (the whole form for "which sections…").
 */
function isRight(item: EvaluationItem, result: Recognition, facts: CatalogueFacts): boolean {
    if (item.answer === null) return result.outcome !== 'sure';
    if (result.outcome !== 'sure' || !result.answerId) return false;
    if (result.answerId === item.answer || item.alsoAcceptable?.includes(result.answerId)) return true;
    return item.kind === 'multipart' && facts.covers(result.answerId).includes(item.answer);
}

/** A direct first sentence that answers the yes/no question as the guide does. */
function answeredDirectly(item: EvaluationItem, result: Recognition, facts: CatalogueFacts): boolean {
    if (!isRight(item, result, facts) || !result.answerId || !result.facet) return false;
    const polarity = facts.polarityOf(result.answerId, result.facet);
    if (!polarity || polarity === 'fact') return false;
    return !item.direct || polarity === item.direct;
}

export function evaluate(recognizer: Recognizer, items: readonly EvaluationItem[], facts: CatalogueFacts = NO_FACTS): EvaluationReport {
    const times: number[] = [];
    const predicted = new Map<string, { right: number; all: number }>();
    const expected = new Map<string, { right: number; all: number }>();
    const confusions = new Map<string, Confusion>();
    const failures: EvaluationReport['failures'] = [];
    const inScope = { total: 0, sure: 0, unsure: 0, unknown: 0, correct: 0 };
    const outOfScope = { total: 0, rejected: 0, unknown: 0, rejectionRate: NaN };
    const yesNo = { total: 0, direct: 0, directRate: NaN };
    const nonsense = { total: 0, handled: 0, handledRate: NaN };
    const perKind: Partial<Record<EvaluationKind, KindFigures>> = {};
    let correct = 0;
    let languageRight = 0;

    for (const item of items) {
        // The conversation language is the other one half of the time: detection must not lean on it.
        const conversation: Language = times.length % 2 === 0 ? item.language : item.language === 'tr' ? 'en' : 'tr';
        const start = process.hrtime.bigint();
        const result = recognizer.recognize(item.text, conversation);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (result.language === item.language) languageRight++;

        const got = result.outcome === 'sure' ? (result.answerId ?? 'sure?') : result.outcome;
        const right = isRight(item, result, facts);
        if (right) correct++;
        const kind = (perKind[item.kind] ??= { total: 0, correct: 0, accuracy: NaN, sure: 0, unsure: 0, unknown: 0 });
        kind.total++;
        kind[result.outcome]++;
        if (right) kind.correct++;

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
        if (item.kind === 'yesno') {
            yesNo.total++;
            if (answeredDirectly(item, result, facts)) yesNo.direct++;
        }
        if (item.kind === 'nonsense') {
            nonsense.total++;
            if (result.outcome === 'unknown' && result.suggestions.length === 0 && !offersLanguageSwitch(result, conversation)) nonsense.handled++;
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
            failures.push({
                text: item.text,
                kind: item.kind,
                expected: item.answer,
                got,
                ...(result.facet ? { facet: result.facet } : {}),
                suggestions: result.suggestions,
                confidence: Number(result.confidence.toFixed(3)),
            });
        }
    }
    outOfScope.rejectionRate = rate(outOfScope.rejected, outOfScope.total);
    yesNo.directRate = rate(yesNo.direct, yesNo.total);
    nonsense.handledRate = rate(nonsense.handled, nonsense.total);
    for (const figures of Object.values(perKind)) figures.accuracy = rate(figures.correct, figures.total);

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
        accuracy: rate(correct, items.length),
        inScope,
        outOfScope,
        yesNo,
        nonsense,
        perKind,
        languageAccuracy: rate(languageRight, items.length),
        perAnswer,
        confusions: [...confusions.values()].sort((a, b) => b.count - a.count),
        medianMs: quantile(sortedTimes, 0.5),
        p95Ms: quantile(sortedTimes, 0.95),
        failures,
    };
}

const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye']);

/** The kind of an item written before kinds existed: out of scope, small talk or a plain question. */
function inferredKind(answer: string | null): EvaluationKind {
    if (answer === null) return 'outOfScope';
    return SMALL_TALK.has(answer) ? 'smalltalk' : 'plain';
}

export function readEvaluationSet(file: string): EvaluationItem[] {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(parsed)) throw new InternalError(`${file}: expected a list of { text, language, answer }`);
    return parsed.map((entry, index) => {
        const item = entry as Partial<EvaluationItem>;
        const kindKnown = item.kind === undefined || (EVALUATION_KINDS as readonly string[]).includes(item.kind);
        const directKnown = item.direct === undefined || item.direct === null || item.direct === 'yes' || item.direct === 'no';
        const alsoKnown = item.alsoAcceptable === undefined || (Array.isArray(item.alsoAcceptable) && item.alsoAcceptable.every((id) => typeof id === 'string'));
        if (typeof item.text !== 'string' || (item.language !== 'tr' && item.language !== 'en') || (item.answer !== null && typeof item.answer !== 'string') || !kindKnown || !directKnown || !alsoKnown) {
            throw new InternalError(`${file}: item ${index} is not { text, language: 'tr' | 'en', answer: id | null, kind?, direct?, alsoAcceptable? }`);
        }
        return {
            text: item.text,
            language: item.language,
            answer: item.answer,
            kind: item.kind ?? inferredKind(item.answer),
            ...(item.direct !== undefined ? { direct: item.direct } : {}),
            ...(item.alsoAcceptable ? { alsoAcceptable: item.alsoAcceptable } : {}),
        };
    });
}

/** The project's held-out sets: test/understanding/evaluationSet.json, then every evaluationSet.<name>.json beside it. */
export function projectEvaluationSets(dir = fromRoot('test', 'understanding')): string[] {
    const names = fs.readdirSync(dir).filter((name) => /^evaluationSet(\.[\w-]+)?\.json$/.test(name));
    return names.sort((a, b) => (a === 'evaluationSet.json' ? -1 : b === 'evaluationSet.json' ? 1 : a.localeCompare(b))).map((name) => path.join(dir, name));
}

export interface ProjectEvaluation {
    /** What was measured: a set's file name, or "all" for the sets together. */
    name: string;
    report: EvaluationReport;
    buildMs: number;
}

/** Builds the recognizer from the project's locales and evaluates it on each set, then on all of them together. */
export function evaluateProject(setFiles: readonly string[] = projectEvaluationSets(), localesDir = fromRoot('locales')): ProjectEvaluation[] {
    const catalogue = loadAnswerCatalogue();
    const start = process.hrtime.bigint();
    const facts: CatalogueFacts = {
        polarityOf: (answerId, facet) => catalogue.get(answerId)?.facets?.[facet],
        covers: (answerId) => catalogue.get(answerId)?.covers ?? [],
    };
    const recognizer = recognizerForCatalogue(loadExamples(localesDir), catalogue, loadConcepts(localesDir));
    const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
    const sets = setFiles.map((file) => ({ name: path.basename(file), items: readEvaluationSet(file) }));
    const evaluations = sets.map(({ name, items }) => ({ name, report: evaluate(recognizer, items, facts), buildMs }));
    if (sets.length > 1)
        evaluations.push({
            name: 'all',
            report: evaluate(
                recognizer,
                sets.flatMap((set) => set.items),
                facts,
            ),
            buildMs,
        });
    return evaluations;
}

const percent = (value: number) => (Number.isNaN(value) ? '  –  ' : `${(100 * value).toFixed(1)}%`);

export function formatReport({ name, report, buildMs }: ProjectEvaluation, options: { details?: boolean } = {}): string {
    const lines = [
        `== ${name}: ${report.total} utterances`,
        `accuracy (strict): ${percent(report.accuracy)} (${report.correct}/${report.total})`,
        `in scope: ${report.inScope.correct}/${report.inScope.total} right · sure ${report.inScope.sure} · unsure ${report.inScope.unsure} · unknown ${report.inScope.unknown}`,
        `out of scope declined: ${percent(report.outOfScope.rejectionRate)} (${report.outOfScope.rejected}/${report.outOfScope.total}; "I don't know" ${report.outOfScope.unknown})`,
        `yes/no with a direct first sentence: ${percent(report.yesNo.directRate)} (${report.yesNo.direct}/${report.yesNo.total})`,
        `nonsense handled: ${percent(report.nonsense.handledRate)} (${report.nonsense.handled}/${report.nonsense.total})`,
        `language detected right: ${percent(report.languageAccuracy)}`,
        `recognition time: median ${report.medianMs.toFixed(3)} ms · p95 ${report.p95Ms.toFixed(3)} ms · build ${buildMs.toFixed(0)} ms`,
        '',
        'kind         n     strict   sure unsure unknown',
        ...EVALUATION_KINDS.filter((kind) => report.perKind[kind]).map((kind) => {
            const figures = report.perKind[kind]!;
            return `${kind.padEnd(11)} ${String(figures.total).padStart(3)}  ${percent(figures.accuracy).padStart(8)}  ${String(figures.sure).padStart(5)} ${String(figures.unsure).padStart(6)} ${String(figures.unknown).padStart(7)}`;
        }),
    ];
    if (options.details !== false) {
        lines.push(
            '',
            'answer                     precision  recall  n',
            ...Object.entries(report.perAnswer).map(([id, figures]) => `${id.padEnd(26)} ${percent(figures.precision).padStart(9)} ${percent(figures.recall).padStart(7)}  ${figures.support}`),
            '',
            'confusions (expected → got):',
            ...report.confusions.map((confusion) => `  ${confusion.count} × ${confusion.expected} → ${confusion.got}   e.g. "${confusion.examples.join('" · "')}"`),
        );
    }
    return lines.join('\n');
}

if (require.main === module) {
    const files: string[] = [];
    let localesDir: string | undefined;
    const args = process.argv.slice(2);
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--locales') localesDir = path.resolve(args[++i]);
        else files.push(path.resolve(args[i]));
    }
    try {
        const evaluations = evaluateProject(files.length ? files : undefined, localesDir);
        // Per answer and the confusions once, for everything measured: the last report.
        console.log(evaluations.map((evaluation, index) => formatReport(evaluation, { details: index === evaluations.length - 1 })).join('\n\n'));
    } catch (error) {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
    }
}
