import { initialAnswers, type ApplicationKind, type FlowAnswers, type StepId } from './flowSteps';

/** Where a user is in the guided flow; kept in user state so it survives new chats and restarts. */
export interface FlowProgress {
    kind: ApplicationKind;
    stepId: StepId;
    answers: FlowAnswers;
    /** Steps shown before this one, for "back". */
    history: StepId[];
    updatedAt: number;
}

/** The flow moved to `stepId` (from an answer's "guide me from this step"); a new flow is a first application. */
export function progressAt(current: FlowProgress | undefined, stepId: StepId, now: number): FlowProgress {
    if (!current) return { kind: 'first', stepId, answers: initialAnswers('first'), history: [], updatedAt: now };
    const history = current.stepId === stepId ? current.history : [...current.history, current.stepId];
    return { ...current, stepId, history, updatedAt: now };
}
