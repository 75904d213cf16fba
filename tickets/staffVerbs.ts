/** What library staff can do to a ticket from its card; one place for the verbs the card sends and the bot routes. */
export const STAFF_VERBS = ['claim', 'assign', 'reply', 'ask', 'resolve', 'reopen'] as const;
export type StaffVerb = (typeof STAFF_VERBS)[number];

const VERB_PREFIX = 'ticket.';

/** The Universal Actions verb on the card: `ticket.claim`, … */
export const verbOf = (verb: StaffVerb) => `${VERB_PREFIX}${verb}`;

/** The staff verb an invoke carries, or undefined when the invoke is not a ticket action. */
export function staffVerbOf(invokeVerb: string | undefined): StaffVerb | undefined {
    if (!invokeVerb?.startsWith(VERB_PREFIX)) return undefined;
    const verb = invokeVerb.slice(VERB_PREFIX.length);
    return (STAFF_VERBS as readonly string[]).includes(verb) ? (verb as StaffVerb) : undefined;
}

/** The text box of a verb's card: each has its own id, as Adaptive Cards require of inputs on one card. */
export const staffTextInputId = (verb: 'reply' | 'ask' | 'resolve') => `${verb}Text` as const;

/**
 * What staff can do to the library's answers (the "cevaplar" card, and "Cevaplara ekle" on a
 * resolved ticket): the verbs the cards send and `bot/staffAnswers.ts` routes, beside the ticket verbs.
 */
export const ANSWER_VERBS = ['list', 'open', 'draft', 'save', 'retire', 'restore'] as const;
export type AnswerVerb = (typeof ANSWER_VERBS)[number];

const ANSWER_VERB_PREFIX = 'answers.';

export const answerVerb = (verb: AnswerVerb) => `${ANSWER_VERB_PREFIX}${verb}`;

/** The answer verb an invoke carries, or undefined when the invoke is not about the library's answers. */
export function answerVerbOf(invokeVerb: string | undefined): AnswerVerb | undefined {
    if (!invokeVerb?.startsWith(ANSWER_VERB_PREFIX)) return undefined;
    const verb = invokeVerb.slice(ANSWER_VERB_PREFIX.length);
    return (ANSWER_VERBS as readonly string[]).includes(verb) ? (verb as AnswerVerb) : undefined;
}
