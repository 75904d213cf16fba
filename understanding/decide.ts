import { OUT_OF_SCOPE, type Outcome, type ScoredAnswer } from './types';

/**
 * Turns an engine's ranking into an outcome. Scores are on the engine's own scale; the thresholds
 * are measured for each engine (see understanding/calibrate.ts).
 */
export interface Thresholds {
    /** The best answer is 'sure' from this score on… */
    sure: number;
    /** …when it leads the second best by at least this much. */
    margin: number;
    /** Below this score nothing fits: 'unknown'. */
    unsure: number;
    /** A third suggestion is offered when it scores at least this share of the best. */
    thirdRatio: number;
    /** Scores are divided by this to give a 0–1 confidence. */
    scale: number;
}

export interface Decision {
    outcome: Outcome;
    answerId?: string;
    suggestions: string[];
    confidence: number;
}

export function decide(ranked: readonly ScoredAnswer[], thresholds: Thresholds): Decision {
    const outOfScope = ranked.find((entry) => entry.id === OUT_OF_SCOPE)?.score ?? -Infinity;
    const answers = ranked.filter((entry) => entry.id !== OUT_OF_SCOPE);
    const best = answers[0];
    if (!best) return { outcome: 'unknown', suggestions: [], confidence: 0 };
    const confidence = Math.max(0, Math.min(1, best.score / thresholds.scale));
    // The question is closer to a known out-of-scope question than to any answer, or fits nothing.
    if (outOfScope >= best.score || best.score < thresholds.unsure) return { outcome: 'unknown', suggestions: [], confidence };
    const second = answers[1];
    if (best.score >= thresholds.sure && (!second || best.score - second.score >= thresholds.margin)) {
        return { outcome: 'sure', answerId: best.id, suggestions: [], confidence };
    }
    const suggestions = answers.slice(0, 3)
        .filter((entry, index) => index < 2 || entry.score >= thresholds.thirdRatio * best.score)
        .map((entry) => entry.id);
    return { outcome: 'unsure', suggestions, confidence };
}
