import { fromRoot } from '../core/projectPaths';
import { loadAnswerCatalogue, type AnswerCatalogue } from '../flow/answerCatalogue';
import { loadExamples } from '../understanding/loadExamples';
import { createRecognizer, type Recognizer } from '../understanding/recognizer';

/** The answers the bot can give to typed questions, and the recognizer that picks one. */
export interface KnowledgeBase {
    recognizer: Recognizer;
    catalogue: AnswerCatalogue;
}

let built: KnowledgeBase | undefined;

/** Built once per process from content (flow/answers.json, locales/<lang>/questions.json); the app builds it at start-up. */
export function knowledgeBase(): KnowledgeBase {
    built ??= { recognizer: createRecognizer(loadExamples(fromRoot('locales'))), catalogue: loadAnswerCatalogue() };
    return built;
}
