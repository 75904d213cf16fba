import { createHash } from 'crypto';
import { CONCEPT_MARK } from './concepts';
import type { Engine, ScoredAnswer, TrainingExample } from './types';

/**
 * The recognizer's classifier, written for Turkish as people type it (no dependency).
 *
 * Features of each normalised word:
 * - the word itself;
 * - its first 4 and 5 letters, a cheap and well-tested Turkish stemmer ("gelmedi", "gelmiyor" and
 *   "gelmez" share "gelm"; "ücretini", "ücreti" share "ucret");
 * - its letter trigrams, which survive typos ("ödiycem", "basvrum").
 * Weighted by TF-IDF and normalised, a question is scored against each answer three ways:
 * - nearest neighbours: its best example's cosine similarity, plus a little of its second best;
 * - centroid: the cosine similarity to all its examples together (the answer's vocabulary);
 * - a softmax (multinomial logistic regression) over the same vectors, which learns the words that
 *   tell neighbouring answers apart ("ben mi ödeyeceğim" vs "ne kadar").
 * The score is their weighted sum, on a 0–~2.5 scale; thresholds are measured (`tools/calibrateUnderstanding.ts`).
 */
export interface TfidfOptions {
    wordWeight: number;
    prefixWeight: number;
    prefixLengths: readonly number[];
    trigramWeight: number;
    /** Share of the second-best example's similarity added to an answer's score. */
    secondWeight: number;
    /** Share of the similarity to the answer's centroid added to its score. */
    centroidWeight: number;
    /** Share of the softmax probability added to the score; 0: no softmax is trained. */
    softmaxWeight: number;
    softmaxEpochs: number;
    /** Train the softmax on word and prefix features only (trigrams left to the similarities): 4× faster. */
    softmaxWithoutTrigrams: boolean;
}

const DEFAULT_TFIDF_OPTIONS: TfidfOptions = {
    wordWeight: 1,
    prefixWeight: 0.8,
    prefixLengths: [4, 5],
    trigramWeight: 0.35,
    secondWeight: 0.15,
    centroidWeight: 0.7,
    softmaxWeight: 0.6,
    softmaxEpochs: 20,
    softmaxWithoutTrigrams: true,
};

/** Feature name → weight before IDF. */
function features(words: readonly string[], options: TfidfOptions): Map<string, number> {
    const vector = new Map<string, number>();
    const put = (key: string, weight: number) => vector.set(key, Math.max(vector.get(key) ?? 0, weight));
    for (const word of words) {
        put(`w:${word}`, options.wordWeight);
        // A concept (concepts.ts) is a word of its own: its letters say nothing.
        if (word.startsWith(CONCEPT_MARK)) continue;
        for (const length of options.prefixLengths) {
            if (word.length > length) put(`p:${word.slice(0, length)}`, options.prefixWeight);
        }
        if (options.trigramWeight > 0 && word.length > 1) {
            const padded = `<${word}>`;
            for (let i = 0; i + 3 <= padded.length; i++) put(`g:${padded.slice(i, i + 3)}`, options.trigramWeight);
        }
    }
    return vector;
}

/** A sparse vector over the training vocabulary: feature ids and L2-normalised values. */
interface Sparse {
    ids: Int32Array;
    values: Float64Array;
}

/**
 * What training learns, as plain data (typed arrays and strings): it can be trained by the build
 * and read back at start (`classifierFile.ts`), and it says which examples it was trained on, so an
 * engine is never built from a model of other examples.
 */
export interface TfidfModel {
    /** `examplesFingerprint` of the examples it was trained on. */
    fingerprint: string;
    /** Feature names by id. */
    features: string[];
    idf: Float64Array;
    /** The IDF of a feature no example has (it still weighs in a question's norm). */
    unseenIdf: number;
    answerIds: string[];
    /** Each example's answer, as an index into `answerIds`. */
    labels: Int32Array;
    /** Inverted index: feature f's examples are postingExample[postingStart[f] … postingStart[f + 1]). */
    postingStart: Int32Array;
    postingExample: Int32Array;
    postingWeight: Float64Array;
    /** Feature-major: centroid[f * classes + c]; empty without centroids. */
    centroid: Float64Array;
    isTrigram: Uint8Array;
    /** Feature-major like the centroids; absent when no softmax is trained. */
    softmax?: { weights: Float64Array; bias: Float64Array };
}

/** Identifies a list of training examples: what the classifier learns from (answers and words, in order). */
export function examplesFingerprint(examples: readonly TrainingExample[]): string {
    const hash = createHash('sha256');
    for (const example of examples) hash.update(`${example.answerId}\u0000${example.words.join(' ')}\u0001`);
    return `${examples.length}:${hash.digest('hex')}`;
}

/** Weights a feature map; features no example has still count in the norm (so mostly-unknown questions score low). */
function sparseOf(vector: Map<string, number>, featureIds: ReadonlyMap<string, number>, idf: Float64Array, unseenIdf: number): Sparse {
    const ids: number[] = [];
    const values: number[] = [];
    let norm = 0;
    for (const [key, weight] of vector) {
        const id = featureIds.get(key);
        const value = weight * (id === undefined ? unseenIdf : idf[id]);
        norm += value * value;
        if (id !== undefined) {
            ids.push(id);
            values.push(value);
        }
    }
    norm = Math.sqrt(norm) || 1;
    return { ids: Int32Array.from(ids), values: Float64Array.from(values, (value) => value / norm) };
}

/** The softmax sees word and prefix features only when so configured (trigrams left to the similarities). */
function softmaxInput(vector: Sparse, isTrigram: Uint8Array, options: TfidfOptions): Sparse {
    if (!options.softmaxWithoutTrigrams) return vector;
    const keep = [...vector.ids.keys()].filter((k) => !isTrigram[vector.ids[k]]);
    return { ids: Int32Array.from(keep, (k) => vector.ids[k]), values: Float64Array.from(keep, (k) => vector.values[k]) };
}

export function trainTfidf(examples: readonly TrainingExample[], options: TfidfOptions = DEFAULT_TFIDF_OPTIONS): TfidfModel {
    const raw = examples.map((example) => features(example.words, options));
    const featureIds = new Map<string, number>();
    const documentFrequency: number[] = [];
    for (const vector of raw) {
        for (const key of vector.keys()) {
            let id = featureIds.get(key);
            if (id === undefined) {
                featureIds.set(key, (id = documentFrequency.length));
                documentFrequency.push(0);
            }
            documentFrequency[id]++;
        }
    }
    const count = examples.length;
    const idf = Float64Array.from(documentFrequency, (df) => Math.log((count + 1) / (df + 1)) + 1);
    const unseenIdf = Math.log(count + 1) + 1;
    const vectors = raw.map((vector) => sparseOf(vector, featureIds, idf, unseenIdf));

    const answerIds = [...new Set(examples.map((example) => example.answerId))];
    const classes = answerIds.length;
    const labels = Int32Array.from(examples, (example) => answerIds.indexOf(example.answerId));
    const featureCount = documentFrequency.length;

    const postingStart = new Int32Array(featureCount + 1);
    for (const vector of vectors) for (const id of vector.ids) postingStart[id + 1]++;
    for (let f = 0; f < featureCount; f++) postingStart[f + 1] += postingStart[f];
    const postingExample = new Int32Array(postingStart[featureCount]);
    const postingWeight = new Float64Array(postingStart[featureCount]);
    const fill = postingStart.slice(0, featureCount);
    vectors.forEach((vector, example) => {
        for (let k = 0; k < vector.ids.length; k++) {
            const slot = fill[vector.ids[k]]++;
            postingExample[slot] = example;
            postingWeight[slot] = vector.values[k];
        }
    });

    const centroid = new Float64Array(options.centroidWeight > 0 ? featureCount * classes : 0);
    if (options.centroidWeight > 0) {
        vectors.forEach((vector, example) => {
            for (let k = 0; k < vector.ids.length; k++) centroid[vector.ids[k] * classes + labels[example]] += vector.values[k];
        });
        const norms = new Float64Array(classes);
        for (let f = 0; f < featureCount; f++) for (let c = 0; c < classes; c++) norms[c] += centroid[f * classes + c] ** 2;
        for (let f = 0; f < featureCount; f++) for (let c = 0; c < classes; c++) centroid[f * classes + c] /= Math.sqrt(norms[c]) || 1;
    }

    const featureNames = [...featureIds.keys()];
    const isTrigram = Uint8Array.from(featureNames, (key) => (key.startsWith('g:') ? 1 : 0));
    const softmax =
        options.softmaxWeight > 0
            ? trainSoftmax(
                  vectors.map((vector) => softmaxInput(vector, isTrigram, options)),
                  labels,
                  classes,
                  featureCount,
                  options.softmaxEpochs,
              )
            : undefined;
    return { fingerprint: examplesFingerprint(examples), features: featureNames, idf, unseenIdf, answerIds, labels, postingStart, postingExample, postingWeight, centroid, isTrigram, softmax };
}

/** The classifier of a trained model; the same options it was trained with. */
export function tfidfEngineFrom(model: TfidfModel, options: TfidfOptions = DEFAULT_TFIDF_OPTIONS): Engine {
    const { idf, unseenIdf, answerIds, labels, postingStart, postingExample, postingWeight, centroid, isTrigram } = model;
    const featureIds = new Map(model.features.map((key, id) => [key, id]));
    const count = labels.length;
    const classes = answerIds.length;
    const probabilities = model.softmax && softmaxPredictor(model.softmax.weights, model.softmax.bias, classes);
    return {
        name: 'tfidf',
        rank(words) {
            const query = sparseOf(features(words, options), featureIds, idf, unseenIdf);
            const similarity = new Float64Array(count);
            const toCentroid = new Float64Array(classes);
            for (let k = 0; k < query.ids.length; k++) {
                const f = query.ids[k];
                const value = query.values[k];
                for (let slot = postingStart[f]; slot < postingStart[f + 1]; slot++) similarity[postingExample[slot]] += value * postingWeight[slot];
                if (options.centroidWeight > 0) for (let c = 0; c < classes; c++) toCentroid[c] += value * centroid[f * classes + c];
            }
            const first = new Float64Array(classes);
            const second = new Float64Array(classes);
            for (let i = 0; i < count; i++) {
                const c = labels[i];
                const value = similarity[i];
                if (value > first[c]) {
                    second[c] = first[c];
                    first[c] = value;
                } else if (value > second[c]) second[c] = value;
            }
            const softmax = probabilities && Float64Array.from(probabilities(softmaxInput(query, isTrigram, options)));
            const ranked: ScoredAnswer[] = answerIds.map((id, c) => ({
                id,
                score: first[c] + options.secondWeight * second[c] + options.centroidWeight * toCentroid[c] + (softmax ? options.softmaxWeight * softmax[c] : 0),
            }));
            return ranked.sort((a, b) => b.score - a.score);
        },
    };
}

export function createTfidfEngine(examples: readonly TrainingExample[], options: TfidfOptions = DEFAULT_TFIDF_OPTIONS): Engine {
    return tfidfEngineFrom(trainTfidf(examples, options), options);
}

/** Class probabilities of a sparse vector, into a buffer it reuses (copy before keeping them). */
function softmaxPredictor(weights: Float64Array, bias: Float64Array, classes: number): (vector: Sparse) => Float64Array {
    const logits = new Float64Array(classes);
    return ({ ids, values }) => {
        logits.set(bias);
        for (let k = 0; k < ids.length; k++) {
            const base = ids[k] * classes;
            const value = values[k];
            for (let c = 0; c < classes; c++) logits[c] += weights[base + c] * value;
        }
        let max = -Infinity;
        for (let c = 0; c < classes; c++) if (logits[c] > max) max = logits[c];
        let sum = 0;
        for (let c = 0; c < classes; c++) sum += logits[c] = Math.exp(logits[c] - max);
        for (let c = 0; c < classes; c++) logits[c] /= sum;
        return logits;
    };
}

/**
 * Multinomial logistic regression trained by SGD with a decaying rate and a fixed shuffle seed
 * (the same examples always give the same model). Weights are feature-major: w[f * classes + c].
 */
function trainSoftmax(vectors: readonly Sparse[], labels: Int32Array, classes: number, featureCount: number, epochs: number): { weights: Float64Array; bias: Float64Array } {
    const weights = new Float64Array(featureCount * classes);
    const bias = new Float64Array(classes);
    const predictInto = softmaxPredictor(weights, bias, classes);
    const order = Int32Array.from(vectors, (_, index) => index);
    const activeClasses = new Int32Array(classes);
    const activeGradient = new Float64Array(classes);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let epoch = 0; epoch < epochs; epoch++) {
        const rate = 0.8 / (1 + epoch * 0.25);
        for (let i = order.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            const swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (const index of order) {
            const vector = vectors[index];
            const gradient = predictInto(vector);
            gradient[labels[index]] -= 1;
            // Most classes already have a near-zero gradient: update only the others.
            let active = 0;
            for (let c = 0; c < classes; c++) {
                if (Math.abs(gradient[c]) > 1e-3) {
                    activeClasses[active] = c;
                    activeGradient[active++] = gradient[c];
                    bias[c] -= rate * gradient[c];
                }
            }
            for (let k = 0; k < vector.ids.length; k++) {
                const base = vector.ids[k] * classes;
                const step = rate * vector.values[k];
                for (let a = 0; a < active; a++) weights[base + activeClasses[a]] -= step * activeGradient[a];
            }
        }
    }
    return { weights, bias };
}
