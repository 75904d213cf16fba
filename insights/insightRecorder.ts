import { randomBytes } from 'crypto';
import type { TurnContext } from 'botbuilder';
import { startOfHour, type Clock } from '../core/clock';
import type { Logger } from '../core/logger';
import { turnLanguage } from '../core/turnFacts';
import { positionOf, type ApplicationKind, type FlowAnswers, type StepId } from '../flow/flowSteps';
import { requesterIdFor } from '../tickets/requesterIds';
import { visitorHash, type InsightEvent, type InsightLog } from './insightLog';

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
    constructor(private readonly log: InsightLog | undefined, private readonly clock: Clock, private readonly logger: Logger, hashKey?: string) {
        this.key = hashKey ?? randomBytes(32).toString('hex');
    }

    stepReached(context: TurnContext, place: FlowPlace): Promise<void> {
        return this.flowEvent(context, 'stepReached', place);
    }

    flowFinished(context: TurnContext, kind: ApplicationKind, approval: string): Promise<void> {
        return this.write({ type: 'flowFinished', kind, detail: approval, ...this.where(context), visitor: this.visitor(context) });
    }

    /** The user chose "continue later" on this step. */
    flowLeft(context: TurnContext, place: FlowPlace): Promise<void> {
        return this.flowEvent(context, 'flowLeft', place, 'later');
    }

    answerGiven(context: TurnContext, answerId: string): Promise<void> {
        return this.write({ type: 'answerGiven', detail: answerId, ...this.where(context) });
    }

    private flowEvent(context: TurnContext, type: 'stepReached' | 'flowLeft', place: FlowPlace, detail?: string): Promise<void> {
        return this.write({
            type, kind: place.kind, stepId: place.stepId, stepNumber: positionOf(place.stepId, place.kind, place.answers).number,
            ...(detail ? { detail } : {}), ...this.where(context), visitor: this.visitor(context),
        });
    }

    private where(context: TurnContext): Pick<InsightEvent, 'language' | 'channel'> {
        return { language: turnLanguage(context), channel: context.activity.channelId };
    }

    /** The channel's user id with the channel, as everywhere: two channels' users are never one visitor. */
    private visitor(context: TurnContext): string {
        return visitorHash(this.key, requesterIdFor(context.activity.channelId, context.activity.from?.id ?? ''), this.clock.now());
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
