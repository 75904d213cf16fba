import type { TurnContext } from 'botbuilder';
import { formatDay } from '../cards/renewalCards';
import { renewalReminderSchema } from '../cards/payloads';
import { turnLanguage } from '../core/turnFacts';
import { initialAnswers, numberedSteps } from '../flow/flowSteps';
import { requesterId } from './requesterIdentity';
import { speakerFor, type DialogServices } from './dialogServices';

/**
 * A button on a renewal reminder (issue 15): "start the renewal" puts the guided renewal at its
 * first step (the caller starts it) and ends the reminder, as a renewal was started from it;
 * "remind me later" sends the same message again a week later; "turn the reminder off" deletes the
 * reminder. Only the reminder's owner may change it. Undefined when the activity is no such click.
 */
export async function handleRenewalReminderClick(context: TurnContext, services: DialogServices): Promise<'start' | 'handled' | undefined> {
    const parsed = renewalReminderSchema.safeParse(context.activity.value);
    if (!parsed.success) return undefined;
    const { renewalReminder: action, reminderId, stage } = parsed.data;
    const speaker = speakerFor(services, context);
    const found = await services.renewals?.get(reminderId);
    const reminder = found && found.userId === requesterId(context) ? found : undefined;
    if (action === 'start') {
        if (reminder) await services.renewals?.remove(reminder.id);
        await services.progress.set(context, {
            kind: 'renewal', stepId: numberedSteps('renewal')[0], answers: initialAnswers('renewal'), history: [], updatedAt: services.clock.now(),
        });
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
