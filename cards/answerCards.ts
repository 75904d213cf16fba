import type { Attachment } from 'botbuilder';
import type { Speaker } from '../core/speaker';
import type { AnswerEntry, AnswerOffer } from '../flow/answerCatalogue';
import type { StepId } from '../flow/flowSteps';
import { menuAction } from './commonActions';
import { renderGuideCard, type CardAction } from './guideCard';
import { answerData, commandData, guideFromData, ticketWithQuestionData } from './payloads';
import type { Language } from '../core/language';

/** What the user typed (masked) and, when it was written in the other language, an offer to switch. */
export interface TypedQuestion {
    text: string;
    switchTo?: { language: Language; title: string };
    /** The id under which the question was kept for the library (unsure or unknown): the buttons carry it back. */
    asked?: string;
}

/** An answer as the card shows it, whoever wrote it: the guide's, or the library's from Teams. */
export interface AnswerView {
    id: string;
    title: string;
    paragraphs: string[];
    /** The short first sentence that answers the question as asked (a facet), when one fits. */
    lead?: string;
    step?: StepId;
    offers: readonly AnswerOffer[];
    /** A small line under the text (who wrote the answer). */
    note?: string;
}

/** One of the guide's answers in the speaker's language, with the facet's first sentence when one was picked. */
export function guideAnswerView(speaker: Speaker, entry: AnswerEntry, facet?: string): AnswerView {
    const leadKey = facet ? `answers.facets.${entry.id}.${facet}` : undefined;
    return {
        id: entry.id,
        title: speaker.say(`answers.${entry.id}.title`),
        paragraphs: speaker.sayList(`answers.${entry.id}.text`),
        ...(leadKey && speaker.has(leadKey) ? { lead: speaker.say(leadKey) } : {}),
        ...(entry.step ? { step: entry.step } : {}),
        offers: entry.offers,
    };
}

function offerAction(speaker: Speaker, offer: AnswerOffer, question: TypedQuestion): CardAction {
    switch (offer) {
        case 'status':
            return { title: speaker.say('menu.options.status'), data: commandData('status') };
        case 'fees':
            return { title: speaker.say('menu.options.fees'), data: commandData('fees') };
        case 'contacts':
            return { title: speaker.say('actions.askLibrary'), data: commandData('library') };
        case 'ticket':
            return { title: speaker.say('actions.writeToLibrary'), data: ticketWithQuestionData(question.text) };
    }
}

function switchAction(question: TypedQuestion): CardAction[] {
    return question.switchTo ? [{ title: question.switchTo.title, data: commandData('language', question.switchTo.language) }] : [];
}

/** An answer, with what the user would do next: the step it belongs to, the status explainer, the library. */
export function answerCard(speaker: Speaker, answer: AnswerView, question: TypedQuestion, options: { canGuide: boolean }): Attachment {
    const guide: CardAction[] = answer.step && options.canGuide ? [{ title: speaker.say('understanding.guideFromHere'), data: guideFromData(answer.step, answer.id), style: 'positive' }] : [];
    return renderGuideCard({
        title: answer.title,
        lead: answer.lead,
        paragraphs: answer.paragraphs,
        note: answer.note,
        actions: [...guide, ...answer.offers.map((offer) => offerAction(speaker, offer, question)), ...switchAction(question)],
    });
}

/** "Did you mean…?": the closest answers as buttons, and the library if none fits. */
export function suggestionsCard(speaker: Speaker, suggestions: ReadonlyArray<{ id: string; title: string }>, question: TypedQuestion): Attachment {
    return renderGuideCard({
        title: speaker.say('understanding.didYouMean.title'),
        paragraphs: speaker.sayList('understanding.didYouMean.body'),
        actions: [
            ...suggestions.map(({ id, title }) => ({ title, data: answerData(id, question.asked) })),
            { title: speaker.say('understanding.noneOfThese'), data: ticketWithQuestionData(question.text, question.asked) },
            ...switchAction(question),
        ],
    });
}

/** Said plainly when no answer fits: "I don't know; the library can answer", its contacts, the question ready to send. */
export function unknownQuestionCard(speaker: Speaker, question: TypedQuestion): Attachment {
    return renderGuideCard({
        title: speaker.say('understanding.unknown.title'),
        paragraphs: [...speaker.sayList('understanding.unknown.body'), speaker.say('understanding.unknown.contacts')],
        actions: [
            { title: speaker.say('actions.writeToLibrary'), data: ticketWithQuestionData(question.text, question.asked), style: 'positive' },
            { title: speaker.say('actions.askLibrary'), data: commandData('library') },
            menuAction(speaker),
            ...switchAction(question),
        ],
    });
}
