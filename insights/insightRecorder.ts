import { randomBytes } from 'crypto';
import { startOfHour, type Clock } from '../core/clock';
import type { Language } from '../core/language';
import type { Logger } from '../core/logger';
import { positionOf, type ApplicationKind, type FlowAnswers, type StepId } from '../flow/flowSteps';
import { requesterIdFor } from '../tickets/requesterIds';
import { visitorHash, type InsightEvent, type InsightLog } from './insightLog';

/** Who acts in this turn and where, as the edge read it from the turn: all an event needs of it. */
export interface Visit {
    /** The channel's own id for the user: hashed with the channel and the month into the visitor, never kept. */
    userId: string;
    channel: string;
    language: Language;
}

interface FlowPlace {
    kind: ApplicationKind;
    stepId: StepId;
    answers: FlowAnswers;
}

/**
 * Records the anonymous events along a user's turn. A failed write is logged and forgotten: the
 * report may miss an event, the user never notices.
 */
export class InsightRecorder {
    private readonly key: string;

    /** `hashKey`: INSIGHTS_HASH_KEY; without it a random key of this process (counts then split per instance and restart). */
    constructor(
        private readonly log: InsightLog | undefined,
        private readonly clock: Clock,
        private readonly logger: Logger,
        hashKey?: string,
    ) {
        this.key = hashKey ?? randomBytes(32).toString('hex');
    }

    stepReached(visit: Visit, place: FlowPlace): Promise<void> {
        return this.flowEvent(visit, 'stepReached', place);
    }

    flowFinished(visit: Visit, kind: ApplicationKind, approval: string): Promise<void> {
        return this.write({ type: 'flowFinished', kind, detail: approval, ...this.where(visit), visitor: this.visitor(visit) });
    }

    /** The user chose "continue later" on this step. */
    flowLeft(visit: Visit, place: FlowPlace): Promise<void> {
        return this.flowEvent(visit, 'flowLeft', place, 'later');
    }

    answerGiven(visit: Visit, answerId: string): Promise<void> {
        return this.write({ type: 'answerGiven', detail: answerId, ...this.where(visit) });
    }

    private flowEvent(visit: Visit, type: 'stepReached' | 'flowLeft', place: FlowPlace, detail?: string): Promise<void> {
        return this.write({
            type,
            kind: place.kind,
            stepId: place.stepId,
            stepNumber: positionOf(place.stepId, place.kind, place.answers).number,
            ...(detail ? { detail } : {}),
            ...this.where(visit),
            visitor: this.visitor(visit),
        });
    }

    private where(visit: Visit): Pick<InsightEvent, 'language' | 'channel'> {
        return { language: visit.language, channel: visit.channel };
    }

    /** The channel's user id with the channel, as everywhere: two channels' users are never one visitor. */
    private visitor(visit: Visit): string {
        return visitorHash(this.key, requesterIdFor(visit.channel, visit.userId), this.clock.now());
    }

    private async write(event: Omit<InsightEvent, 'at'>): Promise<void> {
        if (!this.log) return;
        try {
            // The hour, not the millisecond: no event can be matched to a user's state by its time.
            await this.log.record({ ...event, at: startOfHour(this.clock.now()) });
        } catch (error) {
            this.logger.warn('insight event not recorded', { type: event.type, error: (error as Error).message });
        }
    }
}
