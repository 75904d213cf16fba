import type { Logger } from '../core/logger';
import { fromRoot } from '../core/projectPaths';
import { loadAnswerCatalogue, type AnswerCatalogue, type AnswerEntry } from '../flow/answerCatalogue';
import { loadConcepts, type Concepts } from './concepts';
import { loadExamples } from './loadExamples';
import { recognizerForCatalogue, trainClassifier, type Recognizer } from './recognizer';
import type { TfidfModel } from './tfidfEngine';
import { GUIDE_CLASSIFIER_FILE, readClassifier } from './classifierFile';
import type { ClassifierCache } from './classifierCache';
import { GUIDE_WORDS_FILE, readPreparedWords, type PreparedWords } from './preparedWords';
import { staffAnswerId, staffExamples, type StaffAnswer, type StaffAnswerStore } from './staffAnswers';
import { LANGUAGES, type Examples, type Language } from './types';

/** What an answer id stands for: one of the guide's answers, or one the library taught from Teams. */
export type KnownAnswer = { kind: 'guide'; entry: AnswerEntry } | { kind: 'staff'; answer: StaffAnswer };

/** The answers the bot can give to typed questions, and the recognizer that picks one. */
export interface KnowledgeBase {
    recognizer: Recognizer;
    /** The guide's own answers (flow/answers.json). */
    catalogue: AnswerCatalogue;
    answer(id: string): KnownAnswer | undefined;
    /** The staff answers' store version this was built from (0: none yet). */
    readonly staffVersion: number;
}

/** The content every build starts from, read once per process: examples, concepts and the catalogue. */
export interface KnowledgeContent {
    examples: Examples;
    concepts: Concepts;
    catalogue: AnswerCatalogue;
    /** The guide's classifier as `npm run build` trained it (classifierFile.ts); used only if trained on these very examples. */
    guideClassifier?: TfidfModel;
    /** Where classifiers trained at run time (with the library's answers) are kept for the next start. */
    classifierCache?: ClassifierCache;
    /** The examples' words as `npm run build` worked them out (preparedWords.ts); used only if worked out by this code and vocabulary. */
    preparedWords?: PreparedWords;
}

/** `withBuiltClassifier`: false to work out and train everything from the examples whatever the build left (the build itself does). */
export function loadKnowledgeContent(localesDir = fromRoot('locales'), withBuiltClassifier = true): KnowledgeContent {
    const concepts = loadConcepts(localesDir);
    const guideClassifier = withBuiltClassifier ? readClassifier(GUIDE_CLASSIFIER_FILE) : undefined;
    const preparedWords = withBuiltClassifier ? readPreparedWords(GUIDE_WORDS_FILE, concepts) : undefined;
    return { examples: loadExamples(localesDir), concepts, catalogue: loadAnswerCatalogue(), ...(guideClassifier ? { guideClassifier } : {}), ...(preparedWords ? { preparedWords } : {}) };
}

/** The guide's examples and those of the active staff answers together. */
function mergedExamples(examples: Examples, staff: readonly StaffAnswer[]): Examples {
    const taught = staffExamples(staff);
    return Object.fromEntries(LANGUAGES.map((language) => [language, { ...examples[language], ...taught[language] }])) as Examples;
}

/** The knowledge base of the guide's answers and the given staff answers (the active ones answer; every one can be looked up). */
export function buildKnowledgeBase(content: KnowledgeContent, staff: readonly StaffAnswer[] = [], staffVersion = 0): KnowledgeBase {
    const { catalogue, concepts } = content;
    // With the library's answers the examples differ from the built model's: trained again, unless an earlier start kept a model of these very examples.
    const recognizer = recognizerForCatalogue(mergedExamples(content.examples, staff), catalogue, concepts, {
        pretrained: content.guideClassifier,
        cache: content.classifierCache,
        prepared: content.preparedWords,
    });
    const byId = new Map(staff.map((answer) => [staffAnswerId(answer.number), answer]));
    return {
        recognizer,
        catalogue,
        staffVersion,
        answer(id) {
            const entry = catalogue.get(id);
            if (entry) return { kind: 'guide', entry };
            const answer = byId.get(id);
            return answer ? { kind: 'staff', answer } : undefined;
        },
    };
}

/** The classifier of the guide's answers alone, trained as `buildKnowledgeBase(content)` would train it (what `npm run build` keeps). */
export function trainGuideClassifier(content: KnowledgeContent): TfidfModel {
    return trainClassifier(content.examples, content.concepts);
}

/**
 * The guide's answers an answer's example questions overlap: those the recognizer (without this
 * answer) would already give to one of them with confidence. Shown to staff as a conflict.
 */
export function overlapsWithGuide(knowledge: KnowledgeBase, examples: Partial<Record<Language, string[]>>): string[] {
    const found = new Set<string>();
    for (const language of LANGUAGES) {
        for (const example of examples[language] ?? []) {
            const recognition = knowledge.recognizer.recognize(example, language);
            if (recognition.outcome === 'sure' && recognition.answerId && knowledge.catalogue.has(recognition.answerId)) found.add(recognition.answerId);
        }
    }
    return [...found];
}

/**
 * The knowledge base the bot answers from: built once by the app, and rebuilt in this process when
 * the staff answers' version in the store moves (a timer on every instance calls `refresh`).
 */
export class LiveKnowledge {
    private built: KnowledgeBase;
    private readonly guideOnly: KnowledgeBase;
    private refreshing: Promise<boolean> | undefined;

    constructor(
        private readonly content: KnowledgeContent,
        private readonly store?: StaffAnswerStore,
        private readonly logger?: Logger,
    ) {
        this.guideOnly = this.built = buildKnowledgeBase(content);
    }

    current(): KnowledgeBase {
        return this.built;
    }

    /** The guide's answers alone: what a staff answer's examples are checked against (its own old examples must not hide an overlap). */
    guide(): KnowledgeBase {
        return this.guideOnly;
    }

    /** Rebuilds when the store's version differs from the one built from; true when it did. One refresh at a time. */
    refresh(): Promise<boolean> {
        this.refreshing ??= this.refreshNow().finally(() => {
            this.refreshing = undefined;
        });
        return this.refreshing;
    }

    private async refreshNow(): Promise<boolean> {
        if (!this.store) return false;
        const version = await this.store.version();
        if (version === this.built.staffVersion) return false;
        const answers = await this.store.list();
        this.built = buildKnowledgeBase(this.content, answers, version);
        this.logger?.info("typed-question answers rebuilt with the library's answers", { staffAnswers: answers.filter((answer) => answer.status === 'active').length, version });
        return true;
    }
}
