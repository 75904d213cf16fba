import * as fs from 'fs';
import { z } from 'zod';
import { InternalError } from '../core/errors';
import { fromRoot } from '../core/projectPaths';
import { APPLICATION_KINDS, isStepId, type StepId } from './flowSteps';
import type { Situation } from './situation';

/**
 * What a facet's first sentence says to the question as asked: "yes", "no", "it depends" (only
 * when…, as the guide says), "the guide does not say" (ask the library), or a plain fact (the
 * number, the place). "yes" and "no" answer only yes/no questions; the others any question.
 */
const FACET_POLARITIES = ['yes', 'no', 'depends', 'unclear', 'fact'] as const;
export type FacetPolarity = (typeof FACET_POLARITIES)[number];

/** What an answer can offer besides its text. */
const ANSWER_OFFERS = ['status', 'ticket', 'contacts', 'fees'] as const;
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
    /**
     * Facets: short first sentences that answer one way of asking ("can I pay at a Ziraat ATM?" →
     * "Yes: …"), by facet id, with what they say. Their words are `answers.facets.<id>.<facet>` in
     * locales/<lang>/answers.json, their example questions `<id>#<facet>` in questions.json.
     */
    facets?: Record<string, FacetPolarity>;
    /** An overview (the whole form, the whole process): the answers whose parts it lists. */
    covers?: string[];
    /** What asking this says of the user's situation ("how do I renew" → a renewal), used when guiding them from the answer. */
    implies?: Situation;
}

const entrySchema = z.object({
    id: z.string().regex(/^[a-zA-Z]+$/),
    step: z.string().refine(isStepId, 'not a step of the flow').optional(),
    offers: z.array(z.enum(ANSWER_OFFERS)).default([]),
    kind: z.literal('smallTalk').optional(),
    covers: z.array(z.string()).optional(),
    implies: z
        .object({
            kind: z.enum(APPLICATION_KINDS).optional(),
            answers: z
                .object({ approval: z.enum(['esign', 'wet']).optional(), signatureValid: z.boolean().optional() })
                .strict()
                .optional(),
        })
        .strict()
        .optional(),
});

const facetsSchema = z.record(z.string().regex(/^[a-zA-Z]+$/), z.record(z.string().regex(/^[a-zA-Z]+$/), z.enum(FACET_POLARITIES)));

export type AnswerCatalogue = ReadonlyMap<string, AnswerEntry>;

function parsed<T>(file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
    const result = schema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!result.success) throw new InternalError(`Invalid ${file}: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    return result.data;
}

/**
 * flow/answers.json with the facets of flow/answerFacets.json, checked at start-up: a step that does
 * not exist, or a facet of an answer that does not, must stop the bot, not reach a user.
 */
export function loadAnswerCatalogue(file = fromRoot('flow', 'answers.json'), facetsFile = fromRoot('flow', 'answerFacets.json')): AnswerCatalogue {
    const entries = parsed(file, z.array(entrySchema));
    const facets = fs.existsSync(facetsFile) ? parsed(facetsFile, facetsSchema) : {};
    const catalogue = new Map(entries.map((entry): [string, AnswerEntry] => [entry.id, entry]));
    for (const entry of entries) {
        const unknown = entry.covers?.find((id) => !catalogue.has(id));
        if (unknown) throw new InternalError(`Invalid ${file}: "${entry.id}" names "${unknown}", which is no answer`);
    }
    for (const [id, byFacet] of Object.entries(facets)) {
        const entry = catalogue.get(id);
        if (!entry) throw new InternalError(`Invalid ${facetsFile}: "${id}" is no answer of ${file}`);
        entry.facets = byFacet;
    }
    return catalogue;
}

/** The answers that are small talk (greetings, thanks, goodbyes). */
export function smallTalkIds(catalogue: AnswerCatalogue): Set<string> {
    return new Set([...catalogue.values()].filter((entry) => entry.kind === 'smallTalk').map((entry) => entry.id));
}
