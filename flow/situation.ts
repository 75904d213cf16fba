import { asksSignatureValidity, type ApplicationKind, type FlowAnswers, type StepId } from './flowSteps';

/** What a user's words already say of their situation (a typed question answered, "guide me from this step"). */
export interface Situation {
    kind?: ApplicationKind;
    answers?: FlowAnswers;
}

// Whose words say which login or approval method applies: the user's e-signature decides (L16, L109).
const NEEDS_SIGNATURE: readonly StepId[] = ['login', 'approval'];
// Whose words say what happens after an approval method was chosen (and when this kind goes into production).
const NEEDS_APPROVAL: readonly StepId[] = ['approvalEsign', 'approvalWet'];

/**
 * The question to ask before `stepId` can be shown, or nothing when its words fit what the user
 * said: why a card is replaced (fees, production), whether they hold a working, unexpired
 * e-signature (login, approval), which approval they used (the result and its production timing).
 * However the user got to a step — the menu, an answer's "guide me from this step", a reminder,
 * a resumed chat — the bot never states a situation the user did not give.
 */
export function situationQuestionFor(stepId: StepId, kind: ApplicationKind, answers: FlowAnswers): StepId | undefined {
    const question = directQuestion(stepId, kind, answers);
    // The question may itself need one first (the approval asks only once the e-signature is known).
    return question && (situationQuestionFor(question, kind, answers) ?? question);
}

function directQuestion(stepId: StepId, kind: ApplicationKind, answers: FlowAnswers): StepId | undefined {
    if (kind === 'lost' && answers.replacement === undefined && stepId !== 'replacementReason') return 'replacementReason';
    if (NEEDS_SIGNATURE.includes(stepId) && answers.signatureValid === undefined && asksSignatureValidity(kind, answers)) return 'signatureValid';
    if (NEEDS_APPROVAL.includes(stepId) && answers.approval === undefined) return 'approval';
    return undefined;
}

/** The approval result that follows from the answers, for a step asked by its other result's name. */
export function approvalResultFor(stepId: StepId, answers: FlowAnswers): StepId {
    if (!NEEDS_APPROVAL.includes(stepId) || answers.approval === undefined) return stepId;
    return answers.approval === 'esign' ? 'approvalEsign' : 'approvalWet';
}
