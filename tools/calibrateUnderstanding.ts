import * as path from 'path';
import { decide, type Thresholds } from '../understanding/decide';
import { projectRoot } from '../core/projectPaths';
import { loadExamples } from '../understanding/loadExamples';
import { trainingExamples } from '../understanding/recognizer';
import { createTfidfEngine } from '../understanding/tfidfEngine';
import { OUT_OF_SCOPE, type Engine, type ScoredAnswer, type TrainingExample } from '../understanding/types';

/**
 * Measures thresholds for an engine by k-fold cross-validation on the examples themselves, so that
 * no held-out question is used to tune them:
 *   node dist/tools/calibrateUnderstanding.js [localesDir]
 * Every example is ranked by an engine built without its fold; the thresholds that score best with
 * the strict rule of evaluateUnderstanding.ts (right answer 'sure'; out of scope never 'sure') win.
 */
/** The share of out-of-scope questions the thresholds are tuned for. */
export const DEFAULT_NULL_SHARE = 0.15;

export interface RankedExample {
    expected: string | null;
    ranked: ScoredAnswer[];
}

export async function crossValidate(training: readonly TrainingExample[], build: (examples: TrainingExample[]) => Engine | Promise<Engine>, folds = 10): Promise<RankedExample[]> {
    const results: RankedExample[] = [];
    for (let fold = 0; fold < folds; fold++) {
        const held = training.filter((_, index) => index % folds === fold);
        const engine = await build(training.filter((_, index) => index % folds !== fold));
        for (const example of held) {
            results.push({ expected: example.answerId === OUT_OF_SCOPE ? null : example.answerId, ranked: engine.rank(example.words, example.text) });
        }
    }
    return results;
}

/**
 * Strict accuracy, with out-of-scope questions weighted to make up `nullShare` of the total: the
 * examples hold few out-of-scope questions, real traffic (and a held-out set) holds more.
 */
export function strictAccuracy(ranked: readonly RankedExample[], thresholds: Thresholds, nullShare?: number): number {
    const nulls = ranked.filter((entry) => entry.expected === null).length;
    const answers = ranked.length - nulls;
    const nullWeight = nullShare === undefined || nulls === 0 || answers === 0 ? 1 : (nullShare * answers) / ((1 - nullShare) * nulls);
    let right = 0;
    let total = 0;
    for (const { expected, ranked: ranking } of ranked) {
        const decision = decide(ranking, thresholds);
        const weight = expected === null ? nullWeight : 1;
        total += weight;
        if (expected === null ? decision.outcome !== 'sure' : decision.outcome === 'sure' && decision.answerId === expected) right += weight;
    }
    return total ? right / total : NaN;
}

/** Grid search over the thresholds, on the engine's own score scale (the highest score seen). */
export function searchThresholds(ranked: readonly RankedExample[], base: Partial<Thresholds> = {}, nullShare = DEFAULT_NULL_SHARE): { thresholds: Thresholds; accuracy: number } {
    const top = Math.max(1e-9, ...ranked.map((entry) => entry.ranked[0]?.score ?? 0));
    const steps = 40;
    let best = { thresholds: { sure: 0, margin: 0, unsure: 0, thirdRatio: 0.85, scale: top, ...base }, accuracy: -1 };
    for (let s = 0; s <= steps; s++) {
        for (let m = 0; m <= 20; m++) {
            const thresholds: Thresholds = { thirdRatio: 0.85, scale: top, ...base, sure: (top * s) / steps, margin: (top * m) / 100, unsure: 0 };
            thresholds.unsure = Math.min(thresholds.sure, thresholds.sure * 0.7);
            const accuracy = strictAccuracy(ranked, thresholds, nullShare);
            // Prefer the lower 'sure' threshold on ties: more questions answered at once.
            if (accuracy > best.accuracy + 1e-12) best = { thresholds, accuracy };
        }
    }
    return best;
}

if (require.main === module) {
    const localesDir = path.resolve(process.argv[2] ?? path.join(projectRoot, 'locales'));
    const training = trainingExamples(loadExamples(localesDir));
    crossValidate(training, (examples) => createTfidfEngine(examples))
        .then((ranked) => {
            const { thresholds, accuracy } = searchThresholds(ranked);
            console.log(`cross-validated strict accuracy ${(100 * accuracy).toFixed(1)}% with`, thresholds);
        })
        .catch((error: unknown) => {
            console.error(error);
            process.exitCode = 1;
        });
}
