import { MessageFactory, type CloudAdapter } from 'botbuilder';
import type { ConversationReferences } from './conversationReferences';
import { referenceOf } from '../state/conversationAddress';
import type { Translator } from '../core/i18n';
import type { Logger } from '../core/logger';
import { renewalReminderCard } from '../cards/renewalCards';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { InstitutionProfile } from '../institution/institutionProfile';
import type { RenewalNoticeSender } from '../tickets/noticeDispatcher';
import type { RenewalEmailSender } from '../renewals/reminderEmails';
import type { RenewalNoticeTarget, RenewalReminder } from '../renewals/renewalReminder';

export interface RenewalMessengerDependencies {
    adapter: CloudAdapter;
    references: ConversationReferences;
    botAppId: string;
    translator: Translator;
    profile: InstitutionProfile;
    logger: Logger;
    mailer?: RenewalEmailSender;
}

/** Sends renewal reminders: proactively to the user's personal Teams chat, and the e-mail copy. */
export class RenewalMessenger implements RenewalNoticeSender {
    constructor(private readonly deps: RenewalMessengerDependencies) {}

    async send(target: RenewalNoticeTarget, reminder: RenewalReminder, stage: number): Promise<void> {
        if (target === 'renewalEmail') {
            await this.deps.mailer?.send(reminder, stage);
            return;
        }
        if (target === 'renewalConfirm') {
            await this.deps.mailer?.sendConfirmation(reminder);
            return;
        }
        // The user's latest chat wins over the one the reminder was set in; none once they removed the app.
        const latest = await this.deps.references.latest(reminder.userId);
        if (latest && 'forgotten' in latest) {
            this.deps.logger.info('renewal reminder not sent: the user removed the app', { reminder: reminder.id });
            return;
        }
        const reference = latest?.reference ?? (reminder.reference && referenceOf(reminder.reference));
        if (!reference) return;
        const speaker = languageSpeaker(this.deps.translator, this.deps.profile, reminder.language);
        const card = renewalReminderCard(speaker, reminder, stage, this.deps.profile.kamusm.renewalProductionMonthsBeforeExpiry);
        await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
            await context.sendActivity(MessageFactory.attachment(card));
        });
    }
}
