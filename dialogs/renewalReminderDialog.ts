import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogContext, type DialogTurnResult, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { renderGuideCard, type GuideCardContent } from '../cards/guideCard';
import { formatDay, formatExpiry } from '../cards/renewalCards';
import type { Choice } from '../cards/payloads';
import { addressOf } from '../state/conversationAddress';
import { turnLanguage } from '../state/turnFacts';
import { startProgress } from '../flow/progress';
import { parseExpiry, renewalDates } from '../renewals/renewalReminders';
import type { RenewalReminder } from '../renewals/renewalReminder';
import { CONFIRMATION_HOURS, MAX_REMINDERS_PER_ADDRESS, MAX_REMINDERS_PER_USER } from '../renewals/reminderEmails';
import type { Command } from './choiceMatching';
import { keyedChoice } from './choiceMatching';
import { askWithCard, CardChoicePrompt } from './cardChoicePrompt';
import { CARD_CHOICE_PROMPT, EMAIL_PROMPT, RENEWAL_REMINDERS_DIALOG } from './dialogIds';
import { AwaitedTextPrompt, institutionalEmailPrompt } from './ticketPrompts';
import { speakerFor, type DialogBasics, type RenewalServices } from './dialogServices';
import { knownIdentity, requesterId } from './requesterIdentity';
import { SubtaskDialog } from './subtaskDialog';

const WATERFALL = 'renewalReminders.list';
const EXPIRY_PROMPT = 'renewalReminders.expiry';
/** A qualified certificate lasts a few years: a year further ahead than this is a typo. */
const YEARS_AHEAD = 6;

interface Expiry {
    month: number;
    year: number;
}

/**
 * "My reminders": the user's renewal reminders, each can be turned off; and the expiry month and
 * year of a certificate (nothing else), when a renewal goes into production and why to apply before
 * then, and the offer of a reminder. Also reached from the last card of a first application or a renewal.
 * An errand like a ticket's ("back" returns to where the user was), but no ticket: its questions are its own.
 */
export class RenewalReminderDialog extends SubtaskDialog<DialogBasics & RenewalServices> {
    constructor(services: DialogBasics & RenewalServices) {
        super(RENEWAL_REMINDERS_DIALOG, services);
        this.addDialog(new CardChoicePrompt(CARD_CHOICE_PROMPT, services));
        this.addDialog(new AwaitedTextPrompt(EXPIRY_PROMPT, services, (prompt) => this.validExpiry(prompt)));
        this.addDialog(institutionalEmailPrompt(services));
        this.addDialog(new WaterfallDialog(WATERFALL, [this.list.bind(this), this.route.bind(this), this.explain.bind(this), this.save.bind(this), this.saveByEmail.bind(this)]));
        this.initialDialogId = WATERFALL;
    }

    private async list(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const reminders = await this.reminders(step.context);
        if (reminders.length === 0) return step.next('add');
        const speaker = speakerFor(this.services, step.context);
        const language = turnLanguage(step.context);
        const choices: Choice[] = [
            ...reminders.map((reminder) => ({
                id: `cancel:${reminder.id}`,
                title: speaker.say('renewalReminders.cancel', { expiry: formatExpiry(reminder.expiryMonth, reminder.expiryYear, language) }),
                matchKeys: [],
            })),
            keyedChoice(speaker, 'add', 'renewalReminders.add'),
            keyedChoice(speaker, 'done', 'renewalReminders.done'),
        ];
        const facts = reminders.map((reminder) => {
            const expiry = formatExpiry(reminder.expiryMonth, reminder.expiryYear, language);
            const next = this.services.renewals?.plannedStages(reminder.expiryMonth, reminder.expiryYear)[0];
            // Nothing is sent before the address is confirmed: no date to promise yet.
            if (reminder.emailPendingSince !== undefined) return { title: expiry, value: speaker.say('renewalReminders.emailConfirm.line', { expiry, email: reminder.email }) };
            return {
                title: expiry,
                value: next ? speaker.say('renewalReminders.line', { expiry, next: formatDay(next.at, language, this.services.profile.timeZone) }) : speaker.say('renewalReminders.lineNoMessage', { expiry }),
            };
        });
        return this.askWithCard(step, { title: speaker.say('renewalReminders.title'), paragraphs: speaker.sayList('renewalReminders.intro'), facts }, choices);
    }

    private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const picked = String(step.result);
        const speaker = speakerFor(this.services, step.context);
        if (picked.startsWith('cancel:')) {
            const reminder = (await this.reminders(step.context)).find((mine) => mine.id === picked.slice('cancel:'.length));
            if (reminder) {
                await this.services.renewals?.remove(reminder.id);
                await step.context.sendActivity(speaker.say('renewalReminders.cancelled', { expiry: formatExpiry(reminder.expiryMonth, reminder.expiryYear, turnLanguage(step.context)) }));
            }
            return step.endDialog({ next: 'back' });
        }
        if (picked !== 'add') return step.endDialog({ next: 'back' });
        return step.prompt(EXPIRY_PROMPT, {
            prompt: { type: 'message', attachments: [this.card(speaker.say('renewalReminders.askTitle'), speaker.sayList('renewalReminders.ask'))] },
        });
    }

    /**
     * When a renewal goes into production and why to apply before then (while the certificate still
     * allows "e-İmza" login and approval), and the offer of a reminder where the bot can reach the
     * user later. An expired certificate gets the guide's way instead: "e-Devlet" and a wet signature.
     */
    private async explain(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const expiry = this.parsed(String(step.result));
        if (!expiry) return step.endDialog({ next: 'back' });
        (step.values as { expiry?: Expiry }).expiry = expiry;
        const speaker = speakerFor(this.services, step.context);
        const language = turnLanguage(step.context);
        const { profile } = this.services;
        const dates = renewalDates(expiry.month, expiry.year, { lead: profile.renewalReminderMonthsBeforeExpiry, production: profile.kamusm.renewalProductionMonthsBeforeExpiry });
        const now = this.services.clock.now();
        const production = new Date(dates.productionFrom);
        const values = {
            expiry: formatExpiry(expiry.month, expiry.year, language),
            production: formatExpiry(production.getUTCMonth() + 1, production.getUTCFullYear(), language),
        };
        const startChoice = keyedChoice(speaker, 'start', 'renewalReminders.options.start');
        const doneChoice = keyedChoice(speaker, 'done', 'renewalReminders.done');
        if (dates.expiredAfter <= now) {
            return this.askWithCard(step, { title: speaker.say('renewalReminders.pastTitle'), paragraphs: speaker.sayList('renewalReminders.past', values) }, [startChoice, doneChoice]);
        }
        const paragraphs = [...speaker.sayList('renewalReminders.timing', values), ...(dates.remindFrom <= now ? [speaker.say('renewalReminders.timeToStart')] : [])];
        const renewals = this.services.renewals;
        const planned = renewals?.plannedStages(expiry.month, expiry.year) ?? [];
        const day = (at: number) => formatDay(at, language, profile.timeZone);
        const first = day(planned[0]?.at ?? dates.productionFrom);
        const title = speaker.say('renewalReminders.title');
        const teams = step.context.activity.channelId === 'msteams';
        // Outside Teams the bot cannot write later: by e-mail only, where SMTP is configured.
        if (!teams && renewals?.emailEnabled && planned.length > 0) {
            paragraphs.push(speaker.say('renewalReminders.emailOffer', { first }));
            return this.askWithCard(step, { title, paragraphs }, [
                keyedChoice(speaker, 'remindByEmail', 'renewalReminders.options.remindByEmail'),
                keyedChoice(speaker, 'noThanks', 'renewalReminders.options.noThanks'),
                startChoice,
            ]);
        }
        if (!teams || !renewals) {
            paragraphs.push(speaker.say('renewalReminders.needsTeamsOrEmail', { first }));
            return this.askWithCard(step, { title, paragraphs }, [startChoice, doneChoice]);
        }
        if (planned.length === 0) {
            paragraphs.push(speaker.say('renewalReminders.nothingAhead'));
            return this.askWithCard(step, { title, paragraphs }, [startChoice, doneChoice]);
        }
        paragraphs.push(planned.length > 1 ? speaker.say('renewalReminders.offer', { first, second: day(planned[1].at) }) : speaker.say('renewalReminders.offerLast', { first }));
        return this.askWithCard(step, { title, paragraphs }, [
            keyedChoice(speaker, 'remind', 'renewalReminders.options.remind'),
            keyedChoice(speaker, 'noThanks', 'renewalReminders.options.noThanks'),
            startChoice,
        ]);
    }

    private async save(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const { expiry } = step.values as { expiry: Expiry };
        const speaker = speakerFor(this.services, step.context);
        const renewals = this.services.renewals;
        if (step.result === 'start') {
            await this.services.progress.set(step.context, startProgress('renewal', this.services.clock.now()));
            return step.endDialog({ next: 'guide' });
        }
        if (step.result === 'remindByEmail' && renewals) {
            return step.prompt(EMAIL_PROMPT, { prompt: speaker.say('tickets.ask.email'), retryPrompt: speaker.say('tickets.ask.retryEmail') });
        }
        if (step.result !== 'remind' || !renewals) {
            if (step.result === 'noThanks') await step.context.sendActivity(speaker.say('renewalReminders.notSaved'));
            return step.endDialog({ next: 'back' });
        }
        // The e-mail copy only where Teams vouches for the address and SMTP is configured.
        const email = renewals.emailEnabled ? (await knownIdentity(step.context)).email : undefined;
        if (await this.saidLimitReached(step, email ? { address: email, proven: true } : undefined)) return step.endDialog({ next: 'back' });
        const { first } = await renewals.create({
            userId: requesterId(step.context),
            language: turnLanguage(step.context),
            expiryMonth: expiry.month,
            expiryYear: expiry.year,
            reference: addressOf(step.context.activity),
            email,
            emailConfirmed: !!email,
        });
        const when = first === undefined ? '' : formatDay(first, turnLanguage(step.context), this.services.profile.timeZone);
        await step.context.sendActivity(speaker.say('renewalReminders.saved', { first: when, context: email ? 'email' : undefined }));
        return step.endDialog({ next: 'back' });
    }

    /** A web chat user's reminder: by e-mail only, to the institutional address they typed, once its owner confirmed it. */
    private async saveByEmail(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const { expiry } = step.values as { expiry: Expiry };
        const renewals = this.services.renewals;
        const email = String(step.result ?? '')
            .trim()
            .toLowerCase();
        if (!renewals || !email) return step.endDialog({ next: 'back' });
        if (await this.saidLimitReached(step, { address: email, proven: false })) return step.endDialog({ next: 'back' });
        await renewals.create({ userId: requesterId(step.context), language: turnLanguage(step.context), expiryMonth: expiry.month, expiryYear: expiry.year, email, emailConfirmed: false });
        await step.context.sendActivity(speakerFor(this.services, step.context).say('renewalReminders.emailConfirm.sent', { email, hours: CONFIRMATION_HOURS }));
        return step.endDialog({ next: 'back' });
    }

    /** A few reminders per user and per typed address: past that, the user is told why none was added. */
    private async saidLimitReached(step: WaterfallStepContext, email: { address: string; proven: boolean } | undefined): Promise<boolean> {
        const limit = await this.services.renewals?.limitReached(requesterId(step.context), email);
        if (!limit) return false;
        const max = limit === 'perUser' ? MAX_REMINDERS_PER_USER : MAX_REMINDERS_PER_ADDRESS;
        await step.context.sendActivity(
            speakerFor(this.services, step.context).say(limit === 'perUser' ? 'renewalReminders.emailConfirm.limitPerUser' : 'renewalReminders.emailConfirm.limitPerAddress', { max }),
        );
        return true;
    }

    /** Leaving for another topic sets no reminder. */
    protected async onLeave(innerDc: DialogContext): Promise<void> {
        await innerDc.context.sendActivity(speakerFor(this.services, innerDc.context).say('renewalReminders.notSaved'));
    }

    /** Cancelling here sets no reminder (a ticket's "not sent" would be the wrong words). */
    protected async interrupt(innerDc: DialogContext, command: Command): Promise<DialogTurnResult> {
        if (command.name !== 'cancel') return super.interrupt(innerDc, command);
        await innerDc.context.sendActivity(speakerFor(this.services, innerDc.context).say('renewalReminders.notSaved'));
        return this.finish(innerDc, { next: 'back' });
    }

    private async reminders(context: TurnContext): Promise<RenewalReminder[]> {
        return (await this.services.renewals?.list(requesterId(context))) ?? [];
    }

    private parsed(text: string): Expiry | undefined {
        const result = parseExpiry(text, this.services.translator.list<string[]>('tr', 'renewalReminders.monthNames'));
        return typeof result === 'object' ? result : undefined;
    }

    /** Month and year only, not too far ahead; each refusal says what was wrong, politely. */
    private async validExpiry(prompt: PromptValidatorContext<string>): Promise<boolean> {
        const { context } = prompt;
        const speaker = speakerFor(this.services, context);
        const result = parseExpiry(prompt.recognized.value ?? '', this.services.translator.list<string[]>('tr', 'renewalReminders.monthNames'));
        if (result === 'tooMuch') {
            await context.sendActivity(speaker.say('renewalReminders.tooMuch'));
            return false;
        }
        if (result === 'invalid') {
            await context.sendActivity(speaker.say('renewalReminders.retry'));
            return false;
        }
        const thisYear = new Date(this.services.clock.now()).getUTCFullYear();
        if (result.year > thisYear + YEARS_AHEAD) {
            await context.sendActivity(speaker.say('renewalReminders.tooFar', { expiry: formatExpiry(result.month, result.year, turnLanguage(context)) }));
            return false;
        }
        return true;
    }

    private askWithCard(step: WaterfallStepContext, content: GuideCardContent, choices: Choice[]): Promise<DialogTurnResult> {
        return askWithCard(step, this.id, speakerFor(this.services, step.context), content, choices);
    }

    private card(title: string, paragraphs: string[]) {
        return renderGuideCard({ title, paragraphs });
    }
}
