import type { ApplicationKind, FlowAnswers, StepId } from './flowSteps';

/** Where a user is in the guided flow; kept in user state so it survives new chats and restarts. */
export interface FlowProgress {
    kind: ApplicationKind;
    stepId: StepId;
    answers: FlowAnswers;
    /** Steps shown before this one, for "back". */
    history: StepId[];
    updatedAt: number;
}
