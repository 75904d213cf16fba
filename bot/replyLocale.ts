import type { TurnContext } from 'botbuilder';
import { LOCALE_OF } from '../core/language';
import { turnLanguage } from '../state/turnFacts';

/**
 * Replies carry the language they are written in, not the client's locale (botbuilder copies the
 * incoming one): the web page follows a switch the user makes in the chat ("Continue in English").
 */
export function stampReplyLocale(context: TurnContext): void {
    context.onSendActivities((turn, activities, next) => {
        const locale = LOCALE_OF[turnLanguage(turn)];
        for (const activity of activities) activity.locale = locale;
        return next();
    });
}
