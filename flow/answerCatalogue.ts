import * as fs from 'fs';
import { z } from 'zod';
import { InternalError } from '../core/errors';
import { fromRoot } from '../core/projectPaths';
import { APPLICATION_KINDS, isStepId, type StepId } from './flowSteps';
import type { Situation } from './situation';

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
    /** What asking this says of the user's situation ("how do I renew" → a renewal), used when guiding them from the answer. */
    implies?: Situation;
}

const entrySchema = z.object({
    id: z.string().regex(/^[a-zA-Z]+$/),
    step: z.string().refine(isStepId, 'not a step of the flow').optional(),
    offers: z.array(z.enum(ANSWER_OFFERS)).default([]),
    kind: z.literal('smallTalk').optional(),
    implies: z.object({
        kind: z.enum(APPLICATION_KINDS).optional(),
        answers: z.object({ approval: z.enum(['esign', 'wet']).optional(), signatureValid: z.boolean().optional() }).strict().optional(),
    }).strict().optional(),
});

export type AnswerCatalogue = ReadonlyMap<string, AnswerEntry>;

/** flow/answers.json, checked at start-up: a step that does not exist must stop the bot, not reach a user. */
export function loadAnswerCatalogue(file = fromRoot('flow', 'answers.json')): AnswerCatalogue {
    const parsed = z.array(entrySchema).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new InternalError(`Invalid ${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    return new Map(parsed.data.map((entry): [string, AnswerEntry] => [entry.id, entry]));
}
