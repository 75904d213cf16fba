import { LANGUAGES, type Language } from '../core/language';
import type { StaffAnswer } from '../understanding/staffAnswers';
import { PEOPLE, SAMPLES, T0 } from './cardGallerySamples';

/** A kept question's id as a card carries it (a random id in real use). */
export const SAMPLE_QUESTION_ID = '6f1c2e8a-4b7d-4c2a-9e3f-0a1b2c3d4e5f';

/** A staff answer as the library might write it (words from tools/cardGallerySamples.json), for the card gallery. */
export function sampleStaffAnswer(): StaffAnswer {
    const texts = SAMPLES.staffAnswer;
    const per = <T>(pick: (language: Language) => T) => Object.fromEntries(LANGUAGES.map((language) => [language, pick(language)])) as Record<Language, T>;
    return {
        id: 'sample-staff-answer',
        number: 3,
        status: 'active',
        conflicts: [],
        ticketNumber: 1001,
        title: per((language) => texts[language].title),
        text: per((language) => texts[language].text),
        examples: per((language) => [texts[language].example]),
        history: [{ at: T0, actor: PEOPLE.staff, action: 'added' }],
        createdAt: T0,
        updatedAt: T0,
        eTag: 'sample',
    };
}
