import type { Attachment, TurnContext } from 'botbuilder';
import { answerCard, suggestionsCard, unknownQuestionCard, type TypedQuestion } from '../cards/answerCards';
import { otherLanguage, type Language } from '../core/language';
import { turnLanguage, visitOf } from '../state/turnFacts';
import { numberedSteps, STEPS, type StepId } from '../flow/flowSteps';
import type { FlowProgress } from '../flow/progress';
import { offersLanguageSwitch, type Recognition } from '../understanding/recognizer';
import { answerTitle, answerView } from './answerViews';
import { speakerFor, type Answering, type Speaking } from './dialogServices';
import { keepUnanswered, noteChoice } from './questionRecords';

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
 * the closest answers (unsure) or says plainly that it does not know and offers the library (unknown);
 * the last two are kept for the library.
 */
export async function answerTypedQuestion(services: Answering, context: TurnContext, place: QuestionPlace, asked: QuestionAsked): Promise<void> {
    const { text, recognition, after = [] } = asked;
    const conversationLanguage = turnLanguage(context);
    const knowledge = services.knowledge.current();
    const question: TypedQuestion = { text, switchTo: languageOffer(services, recognition, conversationLanguage) };
    if (recognition.outcome === 'sure' && recognition.answerId && (await showAnswer(services, context, recognition.answerId, question, place, { facet: recognition.facet, after }))) return;
    const speaker = speakerFor(services, context);
    const suggestions =
        recognition.outcome === 'unsure'
            ? recognition.suggestions.flatMap((id) => {
                  const known = knowledge.answer(id);
                  return known ? [{ id, title: answerTitle(speaker, known, conversationLanguage) }] : [];
              })
            : [];
    question.asked = await keepUnanswered(services, text, suggestions.length ? recognition : { ...recognition, outcome: 'unknown' }, place.progress?.stepId);
    if (suggestions.length > 0) {
        await context.sendActivity({ attachments: [suggestionsCard(speaker, suggestions, question), ...after] });
        return;
    }
    await context.sendActivity({ attachments: [unknownQuestionCard(speaker, question), ...after] });
}

/** How an answer is shown: the facet that answers the question as asked, and what goes with it in the same message. */
export interface AnswerShown {
    facet?: string;
    after?: Attachment[];
}

/**
 * One answer of the knowledge base by id (typed, or a suggestion clicked: then the choice is noted
 * on the kept question); small talk is a plain sentence.
 */
export async function showAnswer(services: Answering, context: TurnContext, answerId: string, question: TypedQuestion, place: QuestionPlace, shown: AnswerShown = {}): Promise<boolean> {
    const { facet, after = [] } = shown;
    const known = services.knowledge.current().answer(answerId);
    if (!known || (known.kind === 'staff' && known.answer.status !== 'active')) return false;
    await noteChoice(services, context, question.asked, answerId);
    const speaker = speakerFor(services, context);
    if (known.kind === 'guide' && known.entry.kind === 'smallTalk') {
        await context.sendActivity({ text: speaker.sayList(`answers.${known.entry.id}.text`).join('\n\n'), attachments: after });
        return true;
    }
    const view = answerView(speaker, known, turnLanguage(context), facet);
    const canGuide = view.step !== undefined && canGuideTo(view.step, place.progress);
    await context.sendActivity({ attachments: [answerCard(speaker, view, question, { canGuide }), ...after] });
    await services.insights.answerGiven(visitOf(context), answerId);
    return true;
}

/** Only where it moves the user along their own path: not to the step they are on, not to one their answers rule out. */
function canGuideTo(stepId: StepId, progress: FlowProgress | undefined): boolean {
    if (!progress) return true;
    const numbered = STEPS[stepId].detourOf ?? stepId;
    return stepId !== progress.stepId && numberedSteps(progress.kind, progress.answers).includes(numbered);
}

/** Written in the other language than the chat's and understood: answered in the chat's language, with a button to switch. */
function languageOffer(services: Speaking, recognition: Recognition, conversationLanguage: Language): TypedQuestion['switchTo'] {
    if (!offersLanguageSwitch(recognition, conversationLanguage)) return undefined;
    const language = otherLanguage(conversationLanguage);
    return { language, title: services.translator.t(language, 'understanding.switchLanguage') };
}
