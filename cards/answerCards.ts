import type { Attachment } from 'botbuilder';
import type { Speaker } from '../core/speaker';
import type { AnswerEntry, AnswerOffer } from '../flow/answerCatalogue';
import { menuAction } from './commonActions';
import { renderGuideCard, type CardAction } from './guideCard';
import { answerData, commandData, guideFromData, ticketWithQuestionData } from './payloads';
import type { Language } from '../core/language';

/** What the user typed (masked) and, when it was written in the other language, an offer to switch. */
export interface TypedQuestion {
    text: string;
    switchTo?: { language: Language; title: string };
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

/** An answer from the knowledge base, with what the user would do next: the step it belongs to, the status explainer, the library. */
export function answerCard(speaker: Speaker, entry: AnswerEntry, question: TypedQuestion, options: { canGuide: boolean }): Attachment {
    const guide: CardAction[] = entry.step && options.canGuide ? [{ title: speaker.say('understanding.guideFromHere'), data: guideFromData(entry.step, entry.id), style: 'positive' }] : [];
    return renderGuideCard({
        title: speaker.say(`answers.${entry.id}.title`),
        paragraphs: speaker.sayList(`answers.${entry.id}.text`),
        actions: [...guide, ...entry.offers.map((offer) => offerAction(speaker, offer, question)), ...switchAction(question)],
    });
}

/** "Did you mean…?": the closest answers as buttons, and the library if none fits. */
export function suggestionsCard(speaker: Speaker, answerIds: string[], question: TypedQuestion): Attachment {
    return renderGuideCard({
        title: speaker.say('understanding.didYouMean.title'),
        paragraphs: speaker.sayList('understanding.didYouMean.body'),
        actions: [
            ...answerIds.map((id) => ({ title: speaker.say(`answers.${id}.title`), data: answerData(id) })),
            { title: speaker.say('understanding.noneOfThese'), data: ticketWithQuestionData(question.text) },
            ...switchAction(question),
        ],
    });
}

/** Said plainly when no answer fits: the library (with the question ready to send) and the menu. */
export function unknownQuestionCard(speaker: Speaker, question: TypedQuestion): Attachment {
    return renderGuideCard({
        title: speaker.say('understanding.unknown.title'),
        paragraphs: speaker.sayList('understanding.unknown.body'),
        actions: [
            { title: speaker.say('actions.writeToLibrary'), data: ticketWithQuestionData(question.text), style: 'positive' },
            { title: speaker.say('actions.askLibrary'), data: commandData('library') },
            menuAction(speaker),
            ...switchAction(question),
        ],
    });
}
