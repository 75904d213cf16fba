import { guideAnswerView, type AnswerView } from '../cards/answerCards';
import { otherLanguage, type Language } from '../core/language';
import type { Speaker } from '../core/speaker';
import { staffAnswerId, type StaffAnswer } from '../understanding/staffAnswers';
import type { KnownAnswer } from '../understanding/knowledgeBase';

/** A staff answer's text as paragraphs: staff separate them with an empty line. */
const paragraphsOf = (text: string) =>
    text
        .split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean);

/** A staff answer in the user's language, or in the other one when that is all it has (and the card says so). */
function staffAnswerView(speaker: Speaker, answer: StaffAnswer, language: Language): AnswerView {
    const own = !!answer.title[language]?.trim() && !!answer.text[language]?.trim();
    const shown = own ? language : otherLanguage(language);
    return {
        id: staffAnswerId(answer.number),
        title: answer.title[shown] ?? '',
        paragraphs: paragraphsOf(answer.text[shown] ?? ''),
        offers: ['ticket', 'contacts'],
        note: speaker.say(own ? 'understanding.staffAnswer.note' : 'understanding.staffAnswer.noteOtherLanguage'),
    };
}

/** Any answer as the answer card shows it. */
export function answerView(speaker: Speaker, known: KnownAnswer, language: Language, facet?: string): AnswerView {
    return known.kind === 'guide' ? guideAnswerView(speaker, known.entry, facet) : staffAnswerView(speaker, known.answer, language);
}

/** The title a "did you mean" button shows for an answer. */
export function answerTitle(speaker: Speaker, known: KnownAnswer, language: Language): string {
    return answerView(speaker, known, language).title;
}
