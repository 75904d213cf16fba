import type { TurnContext } from 'botbuilder';
import { formatDay } from '../cards/renewalCards';
import type { RenewalReminderClick } from '../cards/payloads';
import { turnLanguage } from '../state/turnFacts';
import { startProgress } from '../flow/progress';
import { requesterId } from './requesterIdentity';
import { speakerFor, type RenewalServices } from './dialogServices';

/**
 * A button on a renewal reminder: "start the renewal" puts the guided renewal at its first step
 * (the caller starts it) and ends the reminder, as a renewal was started from it; "remind me later"
 * sends the same message again a week later; "turn the reminder off" deletes the reminder. Only the
 * reminder's owner may change it.
 */
export async function handleRenewalReminderClick(context: TurnContext, services: RenewalServices, click: RenewalReminderClick): Promise<'start' | 'handled'> {
    const { renewalReminder: action, reminderId, stage } = click;
    const speaker = speakerFor(services, context);
    const found = await services.renewals?.get(reminderId);
    const reminder = found && found.userId === requesterId(context) ? found : undefined;
    if (action === 'start') {
        if (reminder) await services.renewals?.remove(reminder.id);
        await services.progress.set(context, startProgress('renewal', services.clock.now()));
        return 'start';
    }
    if (!reminder || !services.renewals) {
        await context.sendActivity(speaker.say('renewalReminders.gone'));
        return 'handled';
    }
    if (action === 'off') {
        await services.renewals.remove(reminder.id);
        await context.sendActivity(speaker.say('renewalReminders.offDone'));
        return 'handled';
    }
    const at = await services.renewals.later(reminder, stage);
    await context.sendActivity(speaker.say('renewalReminders.laterDone', { at: formatDay(at, turnLanguage(context), services.profile.timeZone) }));
    return 'handled';
}
