import { OUT_OF_SCOPE, type Outcome, type ScoredAnswer } from './types';

/**
 * Turns an engine's ranking into an outcome. Scores are on the engine's own scale; the thresholds
 * are measured for each engine (see tools/calibrateUnderstanding.ts).
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
    /** The highest score the engine gives (confidence 1). */
    scale: number;
    /**
     * Never 'sure' when a known out-of-scope question scores at least this share of the best answer:
     * the question sits between the domain and what the bot cannot know, so it offers suggestions.
     */
    outOfScopeShadow?: number;
}

export interface Decision {
    outcome: Outcome;
    answerId?: string;
    suggestions: string[];
    confidence: number;
}

/**
 * A 0–1 confidence on the same footing for every engine: 0–0.3 below `unsure`, 0.3–0.5 in the
 * 'unsure' band, 0.5–1 from `sure` up to `scale` (piecewise linear in the score).
 */
function confidenceOf(score: number, thresholds: Thresholds): number {
    const { unsure, sure, scale } = thresholds;
    const between = (value: number, from: number, to: number, low: number, high: number) => (to > from ? low + ((value - from) / (to - from)) * (high - low) : high);
    const confidence = score < unsure ? between(score, 0, unsure, 0, 0.3) : score < sure ? between(score, unsure, sure, 0.3, 0.5) : between(score, sure, scale, 0.5, 1);
    return Math.max(0, Math.min(1, confidence));
}

export function decide(ranked: readonly ScoredAnswer[], thresholds: Thresholds): Decision {
    const outOfScope = ranked.find((entry) => entry.id === OUT_OF_SCOPE)?.score ?? -Infinity;
    const answers = ranked.filter((entry) => entry.id !== OUT_OF_SCOPE);
    const best = answers[0];
    if (!best) return { outcome: 'unknown', suggestions: [], confidence: 0 };
    const confidence = confidenceOf(best.score, thresholds);
    // The question is closer to a known out-of-scope question than to any answer, or fits nothing.
    if (outOfScope >= best.score || best.score < thresholds.unsure) return { outcome: 'unknown', suggestions: [], confidence: Math.min(confidence, 0.29) };
    const second = answers[1];
    const shadowed = thresholds.outOfScopeShadow !== undefined && outOfScope >= thresholds.outOfScopeShadow * best.score;
    if (!shadowed && best.score >= thresholds.sure && (!second || best.score - second.score >= thresholds.margin)) {
        return { outcome: 'sure', answerId: best.id, suggestions: [], confidence };
    }
    const suggestions = answers
        .slice(0, 3)
        .filter((entry, index) => index < 2 || entry.score >= thresholds.thirdRatio * best.score)
        .map((entry) => entry.id);
    return { outcome: 'unsure', suggestions, confidence };
}
