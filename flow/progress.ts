import { initialAnswers, isStepId, nextStepAfter, numberedSteps, positionOf, STEPS, visibleOptions, type ApplicationKind, type FlowAnswers, type StepId } from './flowSteps';
import { approvalResultFor, type Situation } from './situation';

/** Where a user is in the guided flow; kept in user state so it survives new chats and restarts. */
export interface FlowProgress {
    kind: ApplicationKind;
    stepId: StepId;
    answers: FlowAnswers;
    /** Steps shown before this one, for "back". */
    history: StepId[];
    updatedAt: number;
    /** While a question about the user's situation is asked first: the step they asked to be guided to. */
    resumeAt?: StepId;
}

/** A new flow of `kind` at its first step, or at `stepId` with what the user's words already said. */
export function startProgress(kind: ApplicationKind, now: number, at?: StepId, said: FlowAnswers = {}): FlowProgress {
    const answers = { ...initialAnswers(kind), ...said };
    return { kind, stepId: approvalResultFor(at ?? numberedSteps(kind)[0], answers), answers, history: [], updatedAt: now };
}

/**
 * The flow moved to `stepId` (an answer's "guide me from this step"), with what the user's words
 * said there taking the place of earlier answers: it is the newest thing they told.
 */
export function progressAt(current: FlowProgress, stepId: StepId, now: number, situation: Situation = {}): FlowProgress {
    const answers = { ...current.answers, ...situation.answers };
    const target = approvalResultFor(stepId, answers);
    const history = current.stepId === target ? current.history : [...current.history, current.stepId];
    return { ...current, stepId: target, answers, history, updatedAt: now, resumeAt: undefined };
}

function sameAnswers(a: FlowAnswers, b: FlowAnswers): boolean {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof FlowAnswers)[]);
    return [...keys].every((key) => a[key] === b[key]);
}

/**
 * A button of an earlier step clicked again, with another answer than the one given: the flow goes
 * back to that step and on from there with the new answer. Undefined when the step was not passed
 * on this path, the button is no answer (just "done"), or the answer is the one already given.
 */
export function reanswered(current: FlowProgress, stepId: StepId, optionId: string, now: number): FlowProgress | undefined {
    const at = current.history.lastIndexOf(stepId);
    const option = visibleOptions(STEPS[stepId], current.answers).find((candidate) => candidate.id === optionId);
    if (at < 0 || !option?.answer) return undefined;
    const answers = option.answer(current.answers);
    if (sameAnswers(answers, current.answers)) return undefined;
    const target = option.target === 'next' ? nextStepAfter(stepId, current.kind, answers) : isStepId(option.target) ? option.target : undefined;
    if (!target) return undefined;
    return { ...current, stepId: target, answers, history: [...current.history.slice(0, at), stepId], updatedAt: now, resumeAt: undefined };
}

/** The step to go to after answering a situation question: the step the user wanted, unless their answer leads past it. */
export function afterSituation(current: FlowProgress, natural: StepId | undefined, answers: FlowAnswers): StepId | undefined {
    const wanted = current.resumeAt;
    if (!wanted || !natural) return natural;
    const position = (stepId: StepId) => positionOf(stepId, current.kind, answers).number;
    return position(wanted) > position(natural) ? approvalResultFor(wanted, answers) : natural;
}
