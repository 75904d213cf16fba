import { maskContactDetails, REDACTION_MARK } from '../core/privacyGuard';
import { decide, type Decision, type Thresholds } from './decide';
import type { Concepts } from './concepts';
import { smallTalkIds, type AnswerCatalogue } from '../flow/answerCatalogue';
import { createFacetSelector, type FacetSelector } from './facets';
import { createLanguageDetector, type LanguageDetector } from './languageDetector';
import { createLexicalIndex, type LexicalIndex } from './lexicalSupport';
import { tokenize, turkishLetterWords } from './normalize';
import { passages } from './passages';
import { isYesNoQuestion } from './questionForm';
import type { ClassifierCache } from './classifierCache';
import type { PreparedWords } from './preparedWords';
import { examplesFingerprint, tfidfEngineFrom, trainTfidf, type TfidfModel } from './tfidfEngine';
import { FACET_SEPARATOR, LANGUAGES, OUT_OF_SCOPE, type Engine, type FacetPolarity, type Examples, type Language, type Recognition, type Recognizer, type ScoredAnswer, type TrainingExample } from './types';

export type { Examples, Language, Recognition, Recognizer } from './types';

/**
 * No more of a typed text is read: a question is a sentence or two (or a short story around it),
 * and a 4,000-character message must cost what a normal one does (the question log keeps no more either).
 */
export const MAX_RECOGNIZED_CHARS = 500;

/**
 * Thresholds of the built-in engine, measured by 10-fold cross-validation on the examples
 * (`node dist/tools/calibrateUnderstanding.js`: rerun it after changing many questions) and checked on
 * the held-out sets (`node dist/tools/evaluateUnderstanding.js`). `scale` is the engine's highest
 * possible score (1 + 0.15 + 0.7 + 0.6, see tfidfEngine.ts).
 */
const TFIDF_THRESHOLDS: Thresholds = { sure: 0.39, margin: 0, unsure: 0.27, thirdRatio: 0.85, scale: 2.45, outOfScopeShadow: 0.9 };

/**
 * The lexical check (lexicalSupport.ts): the words a 'sure' answer shares with the question must
 * carry at least this much salience (IDF): "e-imza" alone is in half the examples and says too
 * little to be sure of one answer ("did you mean" instead).
 */
const MIN_EXPLAINED = 3;
/** A clause of at most this many words around a masked detail only gives the detail. */
const DETAILS_CLAUSE_WORDS = 2;
/** "e-postam •••", "telefonum •••": the person giving their details, not what they ask. */
const givesDetails = (clause: string) => clause.includes(REDACTION_MARK) && tokenize(clause).length <= DETAILS_CLAUSE_WORDS;
/** A suggestion ("did you mean") must account for at least this share of the question's content words. */
const SUGGESTED_SHARE = 0.5;

/** Every example of every language, normalised once (or as the build normalised it, `prepared`). */
export function trainingExamples(examples: Examples, prepared?: PreparedWords): TrainingExample[] {
    return LANGUAGES.flatMap((language) =>
        Object.entries(examples[language] ?? {}).flatMap(([key, questions]) => {
            const [answerId, facet] = key.split(FACET_SEPARATOR);
            return questions.map((text) => ({ answerId, ...(facet ? { facet } : {}), language, text, words: prepared?.words(text) ?? tokenize(text) })).filter((example) => example.words.length > 0);
        }),
    );
}

function detectorFor(training: readonly TrainingExample[]): LanguageDetector {
    return createLanguageDetector({
        tr: training.filter((example) => example.language === 'tr').map((example) => example.words),
        en: training.filter((example) => example.language === 'en').map((example) => example.words),
    });
}

/**
 * The classifier's decision, checked against the words: nothing 'sure' whose answer shares too
 * little with the question, no suggestion that does not account for most of it, and nothing at all
 * for a question none of whose content words any answer uses.
 */
function checked(decision: Decision, ranked: readonly ScoredAnswer[], words: readonly string[], lexical: LexicalIndex, thresholds: Thresholds, smallTalk?: ReadonlySet<string>): Decision {
    const unknown: Decision = { outcome: 'unknown', suggestions: [], confidence: Math.min(decision.confidence, 0.29) };
    if (decision.outcome === 'unknown') return decision;
    // Only function words ("merhaba", "who are you"): the classifier alone decides.
    if (lexical.contentWords(words) === 0) return decision;
    if (lexical.domainWords(words) === 0) return unknown;
    const explains = (answerId: string, share: number) => {
        const support = lexical.support(words, answerId);
        return support.matched > 0 && support.explained >= share * (support.explained + support.unexplained);
    };
    if (decision.outcome === 'sure' && decision.answerId && lexical.support(words, decision.answerId).explained >= MIN_EXPLAINED) return decision;
    // "Did you mean" only for answers that account for most of the question's words, never small talk.
    const answers = ranked.filter((entry) => entry.id !== OUT_OF_SCOPE && !smallTalk?.has(entry.id));
    const best = answers[0]?.score ?? 0;
    const suggestions = answers
        .slice(0, 3)
        .filter((entry, index) => index < 2 || entry.score >= thresholds.thirdRatio * best)
        .filter((entry) => explains(entry.id, SUGGESTED_SHARE))
        .map((entry) => entry.id);
    if (suggestions.length === 0) return unknown;
    return { outcome: 'unsure', suggestions, confidence: Math.min(decision.confidence, 0.49) };
}

interface RecognizerOptions {
    /** Everyday words for the same thing (concepts.ts), added to the words the classifier sees. */
    concepts?: Concepts;
    /** The lexical check beside the classifier; without it the classifier's decision stands. */
    lexical?: LexicalIndex;
    /** Answers that are small talk (greetings, thanks): in a long message, a clause they answer is not the question. */
    smallTalk?: ReadonlySet<string>;
    /** Picks the facet of a 'sure' answer that answers the question as asked (facets.ts). */
    facets?: FacetSelector;
}

interface Judged {
    decision: Decision;
    /** The best answer's score, to compare passages of one message. */
    score: number;
    words: string[];
    /** The words with their concepts: what the classifier saw. */
    seen: string[];
}

/** A question-like passage (a question mark) wins over story around it at this much less score. */
const QUESTION_BONUS = 0.1;
/** Above every score: a sure passage wins over one that only got suggestions. */
const SURE_FIRST = 10;

/** A recognizer around any engine: language detection, normalisation and the decision are shared. */
function recognizerFromEngine(engine: Engine, detector: LanguageDetector, thresholds: Thresholds, options: RecognizerOptions = {}): Recognizer {
    const { lexical, smallTalk, concepts } = options;
    const judge = (text: string): Judged => {
        const words = tokenize(text);
        if (words.length === 0) return { decision: { outcome: 'unknown', suggestions: [], confidence: 0 }, score: 0, words, seen: words };
        const seen = concepts ? concepts.expand(words) : words;
        const ranked = engine.rank(seen, text);
        const decision = lexical ? checked(decide(ranked, thresholds), ranked, seen, lexical, thresholds, smallTalk) : decide(ranked, thresholds);
        return { decision, score: ranked.find((entry) => entry.id !== OUT_OF_SCOPE)?.score ?? 0, words, seen };
    };
    /** The decision on `text`, with the facet of a sure answer that fits the way it was asked. */
    const withFacet = ({ decision, seen }: Judged, text: string): Decision & { facet?: string } => {
        const choice = decision.outcome === 'sure' && decision.answerId ? options.facets?.select(decision.answerId, seen, isYesNoQuestion(text)) : undefined;
        return choice ? { ...decision, facet: choice.facet } : decision;
    };
    const isSmallTalk = (judged: Judged) => judged.decision.outcome === 'sure' && !!judged.decision.answerId && !!smallTalk?.has(judged.decision.answerId);
    /**
     * The passage of a long message the person asks: the surest one (questions first), else the
     * closest one that got suggestions; undefined when none is either.
     */
    const focusOf = (text: string): { judged: Judged; text: string } | undefined => {
        let best: { judged: Judged; text: string; value: number } | undefined;
        for (const passage of passages(text, givesDetails)) {
            const judged = judge(passage.text);
            if (judged.decision.outcome === 'unknown' || isSmallTalk(judged)) continue;
            const value = (judged.decision.outcome === 'sure' ? SURE_FIRST : 0) + judged.score + (passage.question ? QUESTION_BONUS : 0);
            if (!best || value > best.value) best = { judged, text: passage.text, value };
        }
        return best;
    };
    return {
        recognize(typed: string, conversationLanguage: Language): Recognition {
            // An e-mail address or a phone number says nothing of the question ("…@gmail.com" is no question about e-mail).
            const text = maskContactDetails(typed.slice(0, MAX_RECOGNIZED_CHARS));
            const whole = judge(text);
            if (whole.words.length === 0) return { ...whole.decision, language: conversationLanguage, knownWords: 0 };
            const language = detector.detect(whole.words, conversationLanguage, turkishLetterWords(text));
            const knownWords = lexical?.domainWords(concepts ? concepts.expand(whole.words) : whole.words) ?? 0;
            // Small talk around a question ("merhaba, sms gelmedi") is not what it asks.
            const focus = whole.decision.outcome === 'sure' && !isSmallTalk(whole) ? undefined : focusOf(text);
            const wholeIsAnswer = whole.decision.outcome === 'sure' && !isSmallTalk(whole);
            const focusWins = focus && (focus.judged.decision.outcome === 'sure' ? !wholeIsAnswer || focus.judged.score > whole.score : whole.decision.outcome !== 'sure' || isSmallTalk(whole));
            if (focus && focusWins) {
                return { ...withFacet(focus.judged, focus.text), language, knownWords, focus: focus.text };
            }
            return { ...withFacet(whole, text), language, knownWords };
        },
    };
}

/**
 * Whether to offer the other language: the text was written in it and was understood (an answer or
 * suggestions). Gibberish, or a sentence on something else, looks like either language and is
 * offered nothing.
 */
export function offersLanguageSwitch(recognition: Recognition, conversationLanguage: Language): boolean {
    return recognition.language !== conversationLanguage && recognition.outcome !== 'unknown' && recognition.knownWords > 0;
}

/**
 * Builds the recognizer from example questions (see loadExamples). Examples of both languages go
 * into one index: an English question in a Turkish conversation is understood, and reported as 'en'.
 * Questions listed under "outOfScope" teach it what to answer 'unknown'.
 */
interface KnowledgeOptions {
    /** Answers that are small talk (see RecognizerOptions). */
    smallTalk?: ReadonlySet<string>;
    /** Everyday words as concepts (concepts.ts). */
    concepts?: Concepts;
    /** What each facet says (the answer catalogue); without it no facet is picked. */
    polarityOf?: (answerId: string, facet: string) => FacetPolarity | undefined;
    /** The classifier trained earlier (by the build): used only when it was trained on these very examples. */
    pretrained?: TfidfModel;
    /** Classifiers trained at run time by earlier starts; one trained now is kept there. */
    cache?: ClassifierCache;
    /** The examples' words as the build worked them out (preparedWords.ts). */
    prepared?: PreparedWords;
}

/** The examples as the classifier and the lexical check see them: with their concepts. */
function classifierExamples(examples: Examples, concepts?: Concepts, prepared?: PreparedWords): { training: TrainingExample[]; seen: TrainingExample[] } {
    const training = trainingExamples(examples, prepared);
    return { training, seen: concepts ? training.map((example) => ({ ...example, words: prepared?.seen(example.text) ?? concepts.expand(example.words) })) : training };
}

/** The classifier's model alone, for the examples `createRecognizer` would train it on (what `npm run build` keeps). */
export function trainClassifier(examples: Examples, concepts?: Concepts): TfidfModel {
    return trainTfidf(classifierExamples(examples, concepts).seen);
}

/** A model of exactly these examples from the build or an earlier start, if there is one. */
function trainedEarlier(seen: readonly TrainingExample[], pretrained: TfidfModel | undefined, cache: ClassifierCache | undefined): TfidfModel | undefined {
    if (!pretrained && !cache) return undefined;
    const fingerprint = examplesFingerprint(seen);
    return pretrained?.fingerprint === fingerprint ? pretrained : cache?.find(fingerprint);
}

function trainAndKeep(seen: readonly TrainingExample[], cache: ClassifierCache | undefined): TfidfModel {
    const model = trainTfidf(seen);
    cache?.keep(model);
    return model;
}

function createRecognizer(examples: Examples, options: KnowledgeOptions = {}): Recognizer {
    const { concepts, smallTalk, polarityOf, pretrained, cache, prepared } = options;
    // The classifier and the lexical check see the concepts too; language detection sees the words alone.
    const { training, seen } = classifierExamples(examples, concepts, prepared);
    const model = trainedEarlier(seen, pretrained, cache) ?? trainAndKeep(seen, cache);
    return recognizerFromEngine(tfidfEngineFrom(model), detectorFor(training), TFIDF_THRESHOLDS, {
        concepts,
        smallTalk,
        lexical: createLexicalIndex(seen),
        facets: polarityOf ? createFacetSelector(seen, polarityOf) : undefined,
    });
}

/** The recognizer of a catalogue's answers: its small talk and facets taken from the catalogue. */
export function recognizerForCatalogue(examples: Examples, catalogue: AnswerCatalogue, concepts?: Concepts, trained: Pick<KnowledgeOptions, 'pretrained' | 'cache' | 'prepared'> = {}): Recognizer {
    return createRecognizer(examples, {
        smallTalk: smallTalkIds(catalogue),
        concepts,
        ...trained,
        polarityOf: (answerId, facet) => catalogue.get(answerId)?.facets?.[facet],
    });
}
