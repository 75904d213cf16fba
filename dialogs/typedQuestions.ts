import type { Attachment, TurnContext } from 'botbuilder';
import { answerCard, suggestionsCard, unknownQuestionCard, type TypedQuestion } from '../cards/answerCards';
import { otherLanguage } from '../core/language';
import { turnLanguage } from '../core/turnFacts';
import { numberedSteps, STEPS, type StepId } from '../flow/flowSteps';
import type { FlowProgress } from '../flow/progress';
import type { Recognition } from '../understanding/recognizer';
import { speakerFor, type DialogServices } from './dialogServices';
import { knowledgeBase } from './knowledgeBase';

/** Where the user is when they type: their guided flow, if any. */
export interface QuestionPlace {
    progress?: FlowProgress;
}

/** The typed question as the activity router recognised it, and what to send with the answer (a reminder of the user's place). */
export interface QuestionAsked {
    text: string;
    recognition: Recognition;
    after?: Attachment[];
}

/**
 * Typed text that is no button's words: a question for the knowledge base. Answers it (sure), offers
 * the closest answers (unsure) or says plainly that it does not know and offers the library (unknown).
 */
export async function answerTypedQuestion(services: DialogServices, context: TurnContext, place: QuestionPlace, asked: QuestionAsked): Promise<void> {
    const { text, recognition, after = [] } = asked;
    const conversationLanguage = turnLanguage(context);
    const question: TypedQuestion = { text, switchTo: languageOffer(services, recognition, conversationLanguage) };
    const speaker = speakerFor(services, context);
    if (recognition.outcome === 'sure' && recognition.answerId && (await showAnswer(services, context, recognition.answerId, question, place, after))) return;
    if (recognition.outcome === 'unsure' && recognition.suggestions.length > 0) {
        await context.sendActivity({ attachments: [suggestionsCard(speaker, recognition.suggestions, question), ...after] });
        return;
    }
    // Kept for the library without anything that identifies the user: what, in which language, where, when.
    await services.questions.record({ text, language: recognition.language, stepId: place.progress?.stepId, askedAt: services.clock.now() });
    await context.sendActivity({ attachments: [unknownQuestionCard(speaker, question), ...after] });
}

/** One answer of the knowledge base by id (typed, or a suggestion clicked); small talk is a plain sentence. */
export async function showAnswer(services: DialogServices, context: TurnContext, answerId: string, question: TypedQuestion, place: QuestionPlace, after: Attachment[] = []): Promise<boolean> {
    const entry = knowledgeBase().catalogue.get(answerId);
    if (!entry) return false;
    const speaker = speakerFor(services, context);
    if (entry.kind === 'smallTalk') {
        await context.sendActivity({ text: speaker.sayList(`answers.${entry.id}.text`).join('\n\n'), attachments: after });
        return true;
    }
    const canGuide = entry.step !== undefined && canGuideTo(entry.step, place.progress);
    await context.sendActivity({ attachments: [answerCard(speaker, entry, question, { canGuide }), ...after] });
    await services.insights.answerGiven(context, entry.id);
    return true;
}

/** Only where it moves the user along their own path: not to the step they are on, not to one their answers rule out. */
function canGuideTo(stepId: StepId, progress: FlowProgress | undefined): boolean {
    if (!progress) return true;
    const numbered = STEPS[stepId].detourOf ?? stepId;
    return stepId !== progress.stepId && numberedSteps(progress.kind, progress.answers).includes(numbered);
}

/** Written in the other language than the chat's: answered in the chat's language, with a button to switch. */
function languageOffer(services: DialogServices, recognition: Recognition, conversationLanguage: 'tr' | 'en'): TypedQuestion['switchTo'] {
    if (recognition.language === conversationLanguage) return undefined;
    const language = otherLanguage(conversationLanguage);
    return { language, title: services.translator.t(language, 'understanding.switchLanguage') };
}
