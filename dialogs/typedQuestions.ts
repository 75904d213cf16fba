import type { TurnContext } from 'botbuilder';
import { answerCard, suggestionsCard, unknownQuestionCard, type TypedQuestion } from '../cards/answerCards';
import { otherLanguage, type Language } from '../core/language';
import { turnLanguage } from '../core/turnFacts';
import { numberedSteps, STEPS, type StepId } from '../flow/flowSteps';
import type { FlowProgress } from '../flow/progress';
import { offersLanguageSwitch, type Recognition } from '../understanding/recognizer';
import { answerTitle, answerView } from './answerViews';
import { speakerFor, type DialogServices } from './dialogServices';
import { keepUnanswered, noteChoice } from './questionRecords';

/** Where the user is when they type: their guided flow, if any. */
export interface QuestionPlace {
    progress?: FlowProgress;
}

/** A hello on its own: at the menu it is answered with the menu itself. */
export function isGreeting(services: DialogServices, context: TurnContext): boolean {
    const text = context.activity.text?.trim();
    return !!text && services.knowledge.current().recognizer.recognize(text, turnLanguage(context)).answerId === 'greeting';
}

/**
 * Typed text that is no button's words: a question for the knowledge base. Answers it (sure), offers
 * the closest answers (unsure) or says plainly that it does not know and offers the library (unknown);
 * the last two are kept for the library. False when there is no typed text (a click on a button
 * that is no longer current).
 */
export async function answerTypedQuestion(services: DialogServices, context: TurnContext, place: QuestionPlace): Promise<boolean> {
    const text = context.activity.text?.trim();
    if (!text || context.activity.value !== undefined) return false;
    const conversationLanguage = turnLanguage(context);
    const knowledge = services.knowledge.current();
    const recognition = knowledge.recognizer.recognize(text, conversationLanguage);
    const question: TypedQuestion = { text, switchTo: languageOffer(services, recognition, conversationLanguage) };
    if (recognition.outcome === 'sure' && recognition.answerId && (await showAnswer(services, context, recognition.answerId, question, place, recognition.facet))) return true;
    const speaker = speakerFor(services, context);
    const suggestions = recognition.outcome === 'unsure'
        ? recognition.suggestions.flatMap((id) => {
            const known = knowledge.answer(id);
            return known ? [{ id, title: answerTitle(speaker, known, conversationLanguage) }] : [];
        })
        : [];
    question.asked = await keepUnanswered(services, text, suggestions.length ? recognition : { ...recognition, outcome: 'unknown' }, place.progress?.stepId);
    if (suggestions.length > 0) {
        await context.sendActivity({ attachments: [suggestionsCard(speaker, suggestions, question)] });
        return true;
    }
    await context.sendActivity({ attachments: [unknownQuestionCard(speaker, question)] });
    return true;
}

/**
 * One answer of the knowledge base by id (typed, or a suggestion clicked: then the choice is noted
 * on the kept question); small talk is a plain sentence.
 */
export async function showAnswer(services: DialogServices, context: TurnContext, answerId: string, question: TypedQuestion, place: QuestionPlace, facet?: string): Promise<boolean> {
    const known = services.knowledge.current().answer(answerId);
    if (!known || (known.kind === 'staff' && known.answer.status !== 'active')) return false;
    await noteChoice(services, context, question.asked, answerId);
    const speaker = speakerFor(services, context);
    if (known.kind === 'guide' && known.entry.kind === 'smallTalk') {
        await context.sendActivity(speaker.sayList(`answers.${known.entry.id}.text`).join('\n\n'));
        return true;
    }
    const view = answerView(speaker, known, turnLanguage(context), facet);
    const canGuide = view.step !== undefined && canGuideTo(view.step, place.progress);
    await context.sendActivity({ attachments: [answerCard(speaker, view, question, { canGuide })] });
    await services.insights.answerGiven(context, answerId);
    return true;
}

/** Only where it moves the user along their own path: not to the step they are on, not to one their answers rule out. */
function canGuideTo(stepId: StepId, progress: FlowProgress | undefined): boolean {
    if (!progress) return true;
    const numbered = STEPS[stepId].detourOf ?? stepId;
    return stepId !== progress.stepId && numberedSteps(progress.kind, progress.answers).includes(numbered);
}

/** Written in the other language than the chat's and understood: answered in the chat's language, with a button to switch. */
function languageOffer(services: DialogServices, recognition: Recognition, conversationLanguage: Language): TypedQuestion['switchTo'] {
    if (!offersLanguageSwitch(recognition, conversationLanguage)) return undefined;
    const language = otherLanguage(conversationLanguage);
    return { language, title: services.translator.t(language, 'understanding.switchLanguage') };
}
