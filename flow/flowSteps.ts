/**
 * The guided KamuSM application as data: which steps exist, which phase each belongs to, what
 * the user can answer and where each answer leads. Text lives in locales/<lang>/steps.json under
 * the step id; this file only decides *which* step comes next.
 */
export const APPLICATION_KINDS = ['first', 'renewal', 'lost'] as const;
/** `lost` is every replacement (lost, stolen or damaged card); the id stays `lost` for saved progress. */
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** Why a replacement is needed; picks the texts of the replacement path. */
export type ReplacementReason = 'lost' | 'stolen' | 'damaged';

/** One path through the flow, as its texts differ: a kind, and for a replacement its reason. */
export type PathKey = 'first' | 'renewal' | ReplacementReason;

export interface FlowAnswers {
    requestSent?: boolean;
    otherInstitution?: boolean;
    kamusmMail?: boolean;
    signatureValid?: boolean;
    approval?: 'esign' | 'wet';
    /** Only on the replacement path (kind `lost`). */
    replacement?: ReplacementReason;
}

export type StepId =
    | 'replacementReason'
    | 'replacementFacts'
    | 'requestSent'
    | 'requestHowTo'
    | 'otherInstitution'
    | 'otherInstitutionNotice'
    | 'kamusmMail'
    | 'kamusmMailWait'
    | 'signatureValid'
    | 'login'
    | 'menuNes'
    | 'menuIndividual'
    | 'menuApplications'
    | 'menuMyApplications'
    | 'applicationsTable'
    | 'formProduct'
    | 'formIdentity'
    | 'formContact'
    | 'formInstitution'
    | 'formDelivery'
    | 'smsVerification'
    | 'smsTrouble'
    | 'approval'
    | 'approvalEsign'
    | 'approvalWet';

/** Where an answer leads: a step, the next step on the path, or out of the flow. */
type StepTarget = StepId | 'next' | 'later' | 'status' | 'finish' | 'ticketRequest' | 'formDelivery';

export interface StepOption {
    id: string;
    target: StepTarget;
    answer?: (answers: FlowAnswers) => FlowAnswers;
    /** Shown only when it makes sense for these answers. */
    when?: (answers: FlowAnswers) => boolean;
}

export interface StepDefinition {
    id: StepId;
    phase: 0 | 1 | 2 | 3 | 4 | 5 | 6;
    /** A detour explains a step and shares its number: the step count does not move. */
    detourOf?: StepId;
    /** The KamuSM menu path, shown as a breadcrumb with this step's item highlighted. */
    breadcrumb?: boolean;
    /** The applications table (phase 3) is drawn, not described. */
    applicationsTable?: boolean;
    /** The banks and payment channels table (from the institution profile) is drawn under the text. */
    paymentTable?: boolean;
    /** The last card of a path: it also says when the certificate goes into production on this path. */
    productionTiming?: boolean;
    /** Picks a text variant (i18next context) from the answers and kind, e.g. which login button. */
    context?: (answers: FlowAnswers, kind: ApplicationKind) => string | undefined;
    options: StepOption[];
}

const set =
    (patch: FlowAnswers) =>
    (answers: FlowAnswers): FlowAnswers => ({ ...answers, ...patch });
const continueLater: StepOption = { id: 'later', target: 'later' };
const done: StepOption = { id: 'done', target: 'next' };
// Unknown (never asked): the neutral text, which states no situation.
const bySignature = (valid: string, invalid: string) => (answers: FlowAnswers) => (answers.signatureValid === undefined ? undefined : answers.signatureValid ? valid : invalid);
const loginContext = bySignature('esign', 'edevlet');

export const STEPS: Record<StepId, StepDefinition> = {
    replacementReason: {
        id: 'replacementReason',
        phase: 0,
        options: [
            // Without a card there is nothing to log in or sign with; a damaged one is asked about like any other.
            { id: 'reasonLost', target: 'next', answer: set({ replacement: 'lost', signatureValid: false }) },
            { id: 'reasonStolen', target: 'next', answer: set({ replacement: 'stolen', signatureValid: false }) },
            { id: 'reasonDamaged', target: 'next', answer: set({ replacement: 'damaged', signatureValid: undefined }) },
        ],
    },
    replacementFacts: {
        id: 'replacementFacts',
        phase: 0,
        paymentTable: true,
        context: (answers) => answers.replacement,
        options: [{ id: 'understood', target: 'next' }, continueLater],
    },
    requestSent: {
        id: 'requestSent',
        phase: 0,
        options: [
            { id: 'yes', target: 'next', answer: set({ requestSent: true }) },
            { id: 'no', target: 'requestHowTo', answer: set({ requestSent: false }) },
        ],
    },
    requestHowTo: {
        id: 'requestHowTo',
        phase: 0,
        detourOf: 'requestSent',
        options: [{ id: 'sendViaBot', target: 'ticketRequest' }, { id: 'sent', target: 'next', answer: set({ requestSent: true }) }, continueLater],
    },
    otherInstitution: {
        id: 'otherInstitution',
        phase: 0,
        options: [
            { id: 'yes', target: 'otherInstitutionNotice', answer: set({ otherInstitution: true }) },
            { id: 'no', target: 'next', answer: set({ otherInstitution: false }) },
        ],
    },
    otherInstitutionNotice: {
        id: 'otherInstitutionNotice',
        phase: 0,
        detourOf: 'otherInstitution',
        options: [{ id: 'told', target: 'next' }, continueLater],
    },
    kamusmMail: {
        id: 'kamusmMail',
        phase: 0,
        options: [
            { id: 'yes', target: 'next', answer: set({ kamusmMail: true }) },
            { id: 'no', target: 'kamusmMailWait', answer: set({ kamusmMail: false }) },
        ],
    },
    kamusmMailWait: {
        id: 'kamusmMailWait',
        phase: 0,
        detourOf: 'kamusmMail',
        options: [{ id: 'arrived', target: 'next', answer: set({ kamusmMail: true }) }, continueLater],
    },
    signatureValid: {
        id: 'signatureValid',
        phase: 1,
        // A renewal asks about the current certificate, a damaged card whether it still works; anyone else about any valid one.
        context: (answers, kind) => (kind === 'renewal' ? 'renewal' : answers.replacement === 'damaged' ? 'damaged' : 'any'),
        options: [
            { id: 'yes', target: 'next', answer: set({ signatureValid: true }) },
            { id: 'no', target: 'next', answer: set({ signatureValid: false }) },
        ],
    },
    login: { id: 'login', phase: 1, context: loginContext, options: [done] },
    menuNes: { id: 'menuNes', phase: 2, breadcrumb: true, options: [done] },
    menuIndividual: { id: 'menuIndividual', phase: 2, breadcrumb: true, options: [done] },
    menuApplications: { id: 'menuApplications', phase: 2, breadcrumb: true, options: [done] },
    menuMyApplications: { id: 'menuMyApplications', phase: 2, breadcrumb: true, options: [done] },
    applicationsTable: {
        id: 'applicationsTable',
        phase: 3,
        applicationsTable: true,
        options: [done, { id: 'status', target: 'status' }],
    },
    formProduct: { id: 'formProduct', phase: 4, options: [done] },
    formIdentity: { id: 'formIdentity', phase: 4, options: [done] },
    formContact: { id: 'formContact', phase: 4, options: [done] },
    formInstitution: { id: 'formInstitution', phase: 4, options: [done] },
    formDelivery: { id: 'formDelivery', phase: 4, options: [done] },
    smsVerification: {
        id: 'smsVerification',
        phase: 5,
        options: [done, { id: 'noCode', target: 'smsTrouble' }, { id: 'expired', target: 'smsTrouble' }],
    },
    smsTrouble: { id: 'smsTrouble', phase: 5, detourOf: 'smsVerification', options: [done] },
    approval: {
        id: 'approval',
        phase: 6,
        context: bySignature('esign', 'wet'),
        options: [
            { id: 'esign', target: 'next', answer: set({ approval: 'esign' }), when: (answers) => answers.signatureValid === true },
            { id: 'wet', target: 'next', answer: set({ approval: 'wet' }) },
        ],
    },
    approvalEsign: { id: 'approvalEsign', phase: 6, productionTiming: true, options: [{ id: 'finish', target: 'finish' }] },
    approvalWet: {
        id: 'approvalWet',
        phase: 6,
        productionTiming: true,
        options: [
            { id: 'bringForm', target: 'formDelivery' },
            { id: 'finish', target: 'finish' },
            { id: 'status', target: 'status' },
        ],
    },
};

/**
 * The numbered steps of a kind, as the user sees them counted ("step 5 of 18"); detours are not
 * counted. `numberedSteps('renewal')[4]` is step 5 of a renewal; the answers only pick which
 * approval result ends the path.
 */
export function numberedSteps(kind: ApplicationKind, answers: FlowAnswers = initialAnswers(kind)): StepId[] {
    return [
        // A replacement first says why, then what it costs and what it revokes, before anything else.
        ...(kind === 'lost' ? (['replacementReason', 'replacementFacts'] as const) : []),
        'requestSent',
        'otherInstitution',
        'kamusmMail',
        // Login and approval follow from holding a valid e-signature (another institution's counts too, L16/L109):
        // everyone is asked, except whose card is lost or stolen.
        ...(asksSignatureValidity(kind, answers) ? (['signatureValid'] as const) : []),
        'login',
        'menuNes',
        'menuIndividual',
        'menuApplications',
        'menuMyApplications',
        'applicationsTable',
        'formProduct',
        'formIdentity',
        'formContact',
        'formInstitution',
        'formDelivery',
        'smsVerification',
        'approval',
        answers.approval === 'esign' ? 'approvalEsign' : 'approvalWet',
    ];
}

/** Whether the path asks for a working, unexpired e-signature: everyone but whose card is lost or stolen. */
export function asksSignatureValidity(kind: ApplicationKind, answers: FlowAnswers): boolean {
    return kind !== 'lost' || answers.replacement === 'damaged';
}

export function initialAnswers(kind: ApplicationKind): FlowAnswers {
    return kind === 'lost' ? { signatureValid: false } : {};
}

/** The path whose texts apply: a saved replacement without a reason (older progress) reads as lost. */
export function pathOf(kind: ApplicationKind, answers: FlowAnswers): PathKey {
    return kind === 'lost' ? (answers.replacement ?? 'lost') : kind;
}

export interface StepPosition {
    number: number;
    total: number;
}

export function positionOf(stepId: StepId, kind: ApplicationKind, answers: FlowAnswers): StepPosition {
    const path = numberedSteps(kind, answers);
    const numbered = STEPS[stepId].detourOf ?? stepId;
    // Both approval results hold the last place, whichever the answers lead to.
    const index = path.indexOf(numbered);
    return { number: (index < 0 ? path.length - 1 : index) + 1, total: path.length };
}

/** The numbered step after `stepId` (or after the step a detour explains); undefined at the end. */
export function nextStepAfter(stepId: StepId, kind: ApplicationKind, answers: FlowAnswers): StepId | undefined {
    const path = numberedSteps(kind, answers);
    const index = path.indexOf(STEPS[stepId].detourOf ?? stepId);
    return index >= 0 ? path[index + 1] : undefined;
}

/** The text variant of a step for these answers (which login button, which approval method). */
export function stepVariant(stepId: StepId, answers: FlowAnswers, kind: ApplicationKind): string | undefined {
    return STEPS[stepId].context?.(answers, kind);
}

export function visibleOptions(step: StepDefinition, answers: FlowAnswers): StepOption[] {
    return step.options.filter((option) => !option.when || option.when(answers));
}

export function isStepId(value: unknown): value is StepId {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(STEPS, value);
}

export function isApplicationKind(value: unknown): value is ApplicationKind {
    return typeof value === 'string' && (APPLICATION_KINDS as readonly string[]).includes(value);
}
