import type { FacetPolarity } from '../flow/answerCatalogue';
import { CONCEPT_MARK } from './concepts';
import type { TrainingExample } from './types';

/**
 * Which facet of an answer answers the question as asked. People ask "ziraat atm'sinden ödeyebilir
 * miyim?" and want "Evet" first, not a paragraph on payment. An answer's facets have example
 * questions of their own (`payment#banks` in questions.json); the facet whose examples are nearest
 * the question wins, if near enough. "Yes" and "no" facets answer yes/no questions only.
 */
interface FacetChoice {
    facet: string;
    /** How near the facet's nearest example is (cosine). */
    similarity: number;
}

export interface FacetSelector {
    /** The facet of `answerId` for these (normalised, concept-expanded) words, if one fits. */
    select(answerId: string, words: readonly string[], yesNo: boolean): FacetChoice | undefined;
}

/** A facet's nearest example must be at least this close (cosine of word and stem features). */
const MIN_FACET_SIMILARITY = 0.25;
/** A runner-up facet this close to the best one, saying something else, leaves the question without a facet. */
const CLOSE_CALL = 0.95;
const STEM = 5;

type Vector = Map<string, number>;

interface FacetIndex {
    /** Per answer with facets: its examples' vectors, each with its facet (undefined: the answer in general). */
    byAnswer: Map<string, Array<{ facet?: string; vector: Vector }>>;
    /** A question's vector, weighted as the examples' are. */
    vectorFrom(features: readonly string[]): Vector;
}

/** Words, their stems, and neighbouring stems: the framing is often in a pair ("kdv dahil", "kdv ayrıca"). */
function featuresOf(words: readonly string[]): string[] {
    const features = new Set<string>();
    const stems = words.filter((word) => !word.startsWith(CONCEPT_MARK)).map((word) => word.slice(0, STEM));
    for (const word of words) {
        features.add(`w:${word}`);
        if (!word.startsWith(CONCEPT_MARK) && word.length >= STEM) features.add(`p:${word.slice(0, STEM)}`);
    }
    for (let i = 0; i + 1 < stems.length; i++) features.add(`b:${stems[i]} ${stems[i + 1]}`);
    return [...features];
}

function cosine(a: Vector, b: Vector): number {
    let dot = 0;
    for (const [key, value] of a) dot += value * (b.get(key) ?? 0);
    return dot;
}

export function createFacetSelector(examples: readonly TrainingExample[], polarityOf: (answerId: string, facet: string) => FacetPolarity | undefined): FacetSelector {
    const withFacets = new Set(examples.filter((example) => example.facet).map((example) => example.answerId));
    /**
     * The vectors are built when the first question about an answer with facets asks for them, not
     * at start-up: they take about 40 ms of a cold start, and most turns never need them.
     */
    let built: FacetIndex | undefined;
    const build = (): FacetIndex => {
        // Each example's features once: for the document frequencies, then for its vector.
        const exampleFeatures = examples.map((example) => featuresOf(example.words));
        const documentFrequency = new Map<string, number>();
        for (const features of exampleFeatures) for (const feature of features) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
        const idf = (feature: string) => Math.log((examples.length + 1) / ((documentFrequency.get(feature) ?? 0) + 1)) + 1;
        const vectorFrom = (features: readonly string[]): Vector => {
            const vector: Vector = new Map(features.map((feature) => [feature, idf(feature)]));
            const norm = Math.sqrt([...vector.values()].reduce((sum, value) => sum + value * value, 0)) || 1;
            for (const [key, value] of vector) vector.set(key, value / norm);
            return vector;
        };
        const byAnswer: FacetIndex['byAnswer'] = new Map();
        examples.forEach((example, index) => {
            if (!withFacets.has(example.answerId)) return;
            const list = byAnswer.get(example.answerId) ?? [];
            list.push({ facet: example.facet, vector: vectorFrom(exampleFeatures[index]) });
            byAnswer.set(example.answerId, list);
        });
        return { byAnswer, vectorFrom };
    };
    return {
        select(answerId, words, yesNo) {
            if (!withFacets.has(answerId)) return undefined;
            built ??= build();
            const candidates = built.byAnswer.get(answerId);
            if (!candidates) return undefined;
            const query = built.vectorFrom(featuresOf(words));
            let general = 0;
            const nearest = new Map<string, number>();
            for (const { facet, vector } of candidates) {
                const similarity = cosine(query, vector);
                if (!facet) general = Math.max(general, similarity);
                else nearest.set(facet, Math.max(nearest.get(facet) ?? 0, similarity));
            }
            const eligible = [...nearest]
                .filter(([facet]) => {
                    const polarity = polarityOf(answerId, facet);
                    return polarity !== undefined && (yesNo || (polarity !== 'yes' && polarity !== 'no'));
                })
                .sort((a, b) => b[1] - a[1]);
            const says = (facet: string) => polarityOf(answerId, facet);
            const answersYesNo = (facet: string) => says(facet) === 'yes' || says(facet) === 'no';
            const closest = eligible[0];
            if (!closest || closest[1] < MIN_FACET_SIMILARITY) return undefined;
            // A yes/no question about as near a yes/no facet as a plain fact gets its yes or no.
            const yesOrNo = yesNo && !answersYesNo(closest[0]) ? eligible.find(([facet, similarity]) => answersYesNo(facet) && similarity >= CLOSE_CALL * closest[1]) : undefined;
            const best = yesOrNo ?? closest;
            const runnerUp = eligible.find((entry) => entry !== best);
            // Two facets that would say different things, about as near: a wrong "yes" is worse than none.
            const claims = (facet: string) => says(facet) !== 'fact' && says(facet) !== 'unclear';
            if (runnerUp && runnerUp[1] >= CLOSE_CALL * best[1] && claims(runnerUp[0]) && claims(best[0]) && says(runnerUp[0]) !== says(best[0])) return undefined;
            // A yes/no question wants its yes or no; any other question only a facet nearer than the answer as a whole.
            return yesNo || best[1] >= general ? { facet: best[0], similarity: best[1] } : undefined;
        },
    };
}
