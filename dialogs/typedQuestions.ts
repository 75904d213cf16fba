import type { TurnContext } from 'botbuilder';
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

/** A hello on its own: at the menu it is answered with the menu itself. */
export function isGreeting(context: TurnContext): boolean {
    const text = context.activity.text?.trim();
    return !!text && knowledgeBase().recognizer.recognize(text, turnLanguage(context)).answerId === 'greeting';
}

/**
 * Typed text that is no button's words: a question for the knowledge base. Answers it (sure), offers
 * the closest answers (unsure) or says plainly that it does not know and offers the library (unknown).
 * False when there is no typed text (a click on a button that is no longer current).
 */
export async function answerTypedQuestion(services: DialogServices, context: TurnContext, place: QuestionPlace): Promise<boolean> {
    const text = context.activity.text?.trim();
    if (!text || context.activity.value !== undefined) return false;
    const conversationLanguage = turnLanguage(context);
    const recognition = knowledgeBase().recognizer.recognize(text, conversationLanguage);
    const question: TypedQuestion = { text, switchTo: languageOffer(services, recognition, conversationLanguage) };
    const speaker = speakerFor(services, context);
    if (recognition.outcome === 'sure' && recognition.answerId) return showAnswer(services, context, recognition.answerId, question, place);
    if (recognition.outcome === 'unsure' && recognition.suggestions.length > 0) {
        await context.sendActivity({ attachments: [suggestionsCard(speaker, recognition.suggestions, question)] });
        return true;
    }
    // Kept for the library without anything that identifies the user: what, in which language, where, when.
    await services.questions.record({ text, language: recognition.language, stepId: place.progress?.stepId, askedAt: services.clock.now() });
    await context.sendActivity({ attachments: [unknownQuestionCard(speaker, question)] });
    return true;
}

/** One answer of the knowledge base by id (typed, or a suggestion clicked); small talk is a plain sentence. */
export async function showAnswer(services: DialogServices, context: TurnContext, answerId: string, question: TypedQuestion, place: QuestionPlace): Promise<boolean> {
    const entry = knowledgeBase().catalogue.get(answerId);
    if (!entry) return false;
    const speaker = speakerFor(services, context);
    if (entry.kind === 'smallTalk') {
        await context.sendActivity(speaker.sayList(`answers.${entry.id}.text`).join('\n\n'));
        return true;
    }
    const canGuide = entry.step !== undefined && canGuideTo(entry.step, place.progress);
    await context.sendActivity({ attachments: [answerCard(speaker, entry, question, { canGuide })] });
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
