import * as fs from 'fs';
import { z } from 'zod';
import { InternalError } from '../core/errors';
import { fromRoot } from '../core/projectPaths';
import { isStepId, type StepId } from './flowSteps';

/** What an answer can offer besides its text. */
export const ANSWER_OFFERS = ['status', 'ticket', 'contacts', 'fees'] as const;
export type AnswerOffer = (typeof ANSWER_OFFERS)[number];

/**
 * One answer the bot can give to a typed question. Its words live in locales/<lang>/answers.json
 * and its example questions in locales/<lang>/questions.json, both under the same id.
 */
export interface AnswerEntry {
    id: string;
    /** The guided step this answer explains: the answer offers to guide the user from there. */
    step?: StepId;
    offers: AnswerOffer[];
    /** Greetings, thanks, goodbyes: answered, but they leave the user where they were without buttons. */
    kind?: 'smallTalk';
}

const entrySchema = z.object({
    id: z.string().regex(/^[a-zA-Z]+$/),
    step: z.string().refine(isStepId, 'not a step of the flow').optional(),
    offers: z.array(z.enum(ANSWER_OFFERS)).default([]),
    kind: z.literal('smallTalk').optional(),
});

export type AnswerCatalogue = ReadonlyMap<string, AnswerEntry>;

/** flow/answers.json, checked at start-up: a step that does not exist must stop the bot, not reach a user. */
export function loadAnswerCatalogue(file = fromRoot('flow', 'answers.json')): AnswerCatalogue {
    const parsed = z.array(entrySchema).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new InternalError(`Invalid ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    return new Map(parsed.data.map((entry): [string, AnswerEntry] => [entry.id, entry]));
}
