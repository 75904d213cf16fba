/** What library staff can do to a ticket from its card; one place for the verbs the card sends and the bot routes. */
const STAFF_VERBS = ['claim', 'assign', 'reply', 'ask', 'resolve', 'reopen'] as const;
export type StaffVerb = (typeof STAFF_VERBS)[number];

/** A family of Universal Actions verbs under one prefix: the verb on the card, and the verb an invoke carries. */
function verbFamily<V extends string>(prefix: string, verbs: readonly V[]) {
    return {
        on: (verb: V) => `${prefix}${verb}`,
        of: (invokeVerb: string | undefined): V | undefined => {
            if (!invokeVerb?.startsWith(prefix)) return undefined;
            const verb = invokeVerb.slice(prefix.length);
            return (verbs as readonly string[]).includes(verb) ? (verb as V) : undefined;
        },
    };
}

const ticketVerbs = verbFamily('ticket.', STAFF_VERBS);

/** The Universal Actions verb on the card: `ticket.claim`, … */
export const verbOf = ticketVerbs.on;

/** The staff verb an invoke carries, or undefined when the invoke is not a ticket action. */
export const staffVerbOf = ticketVerbs.of;

/** The text box of a verb's card: each has its own id, as Adaptive Cards require of inputs on one card. */
export const staffTextInputId = (verb: 'reply' | 'ask' | 'resolve') => `${verb}Text` as const;

/**
 * What staff can do to the library's answers (the "cevaplar" card, and "Cevaplara ekle" on a
 * resolved ticket): the verbs the cards send and `bot/staffAnswers.ts` routes, beside the ticket verbs.
 */
const ANSWER_VERBS = ['list', 'open', 'draft', 'save', 'retire', 'restore'] as const;
export type AnswerVerb = (typeof ANSWER_VERBS)[number];

const answerVerbs = verbFamily('answers.', ANSWER_VERBS);

/** The verb on the card: `answers.save`, … */
export const answerVerb = answerVerbs.on;

/** The answer verb an invoke carries, or undefined when the invoke is not about the library's answers. */
export const answerVerbOf = answerVerbs.of;
