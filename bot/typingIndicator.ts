import { ActivityTypes, TurnContext, type Middleware } from 'botbuilder';
import type { Logger } from '../core/logger';

/**
 * Shows "typing…" while a slow message turn works. Unlike botbuilder's ShowTypingMiddleware, a
 * typing indicator that cannot be delivered is only logged: it must never count as a failed
 * turn (which resets the dialog) just because the channel is briefly unreachable.
 */
export class TypingIndicator implements Middleware {
    constructor(
        private readonly logger: Logger,
        private readonly delayMs = 500,
        private readonly periodMs = 2000,
    ) {}

    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
        if (context.activity.type !== 'message') return next();
        let finished = false;
        let timer: NodeJS.Timeout | undefined;
        const schedule = (delay: number) => {
            timer = setTimeout(
                () =>
                    void this.show(context).then((shown) => {
                        if (shown && !finished) schedule(this.periodMs);
                    }),
                delay,
            );
        };
        schedule(this.delayMs);
        try {
            await next();
        } finally {
            finished = true;
            clearTimeout(timer);
        }
    }

    /** Straight to the adapter: other middleware need not see it, and it does not count as a reply. */
    private async show(context: TurnContext): Promise<boolean> {
        const typing = TurnContext.applyConversationReference({ type: ActivityTypes.Typing }, TurnContext.getConversationReference(context.activity));
        try {
            await context.adapter.sendActivities(context, [typing]);
            return true;
        } catch (error) {
            this.logger.debug('typing indicator not delivered', { error: (error as Error).message });
            return false;
        }
    }
}
