import { TeamsInfo, type TurnContext } from 'botbuilder';
import { otherLanguage } from '../core/language';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { privacyFinding } from '../state/turnFacts';
import { contactsCard, feesCard, menuCard, resumeCard } from '../cards/infoCards';
import { askLibraryAction, choiceActions, menuAction } from '../cards/commonActions';
import { renderGuideCard } from '../cards/guideCard';
import { keyedChoice } from './choiceMatching';
import { setLanguage, speakerFor, type DialogBasics, type DialogServices, type RenewalServices } from './dialogServices';
import { turnLanguage } from '../state/turnFacts';
import { isApplicationKind, positionOf, stepVariant, type ApplicationKind } from '../flow/flowSteps';
import { CARD_CHOICE_PROMPT, HELP_TICKET_DIALOG, MY_TICKETS_DIALOG, RENEWAL_REMINDERS_DIALOG, STATUS_EXPLAINER_DIALOG } from './dialogIds';
import { GUIDED_FLOW_DIALOG, GuidedFlowDialog, type GuidedFlowOptions } from './guidedFlowDialog';
import { HelpTicketDialog, type HelpTicketServices } from './helpTicketDialog';
import { MyTicketsDialog } from './myTicketsDialog';
import { InterruptibleDialog, isOutcome, type DialogOutcome, type GuideRequest } from './interruptibleDialog';
import { StatusExplainerDialog } from './statusExplainerDialog';
import { RenewalReminderDialog } from './renewalReminderDialog';
import { CardChoicePrompt, type CardChoiceOptions } from './cardChoicePrompt';
import { awaitChoices, stamped } from './awaiting';
import { menuChoices, resumeChoices } from './menuChoices';
import { chosenId, turnInput } from './turnInput';

export const MAIN_DIALOG = 'main';
const MENU_WATERFALL = 'main.menu';
const SWITCH_WATERFALL = 'main.switch';

export interface MainDialogOptions {
    /** First contact in this conversation: say hello. */
    greet?: boolean;
    /** The user comes back with a flow half done: offer to continue it or start over. */
    offerResume?: boolean;
    /** Act on what the user just wrote or clicked, as if the menu had been waiting for it. */
    routeInput?: boolean;
    /** The last card already carries the menu's choices: wait without drawing the menu again. */
    quiet?: boolean;
    /** Go straight on with the saved flow (an answer's "guide me from this step", a reminder's "start"). */
    resumeFlow?: boolean;
    /** With `resumeFlow`: where an answer's "guide me from this step" leads. */
    guide?: GuideRequest;
    /** A menu choice already made (on an older card, while something else ran). */
    picked?: string;
}

interface RoutedInput {
    picked: string;
    /** Made on an older card while a flow was open: starting another application asks first. */
    elsewhere?: boolean;
    guide?: GuideRequest;
}

/** The menu greets by name; its topics are every other dialog, so it hands them what they use. */
export type MainDialogServices = HelpTicketServices & RenewalServices & Greeting;

/** The user's name for the greeting, and where a Teams profile that cannot be read is noted. */
type Greeting = Pick<DialogServices, 'displayName' | 'logger'>;

/** Marks a turn that owes the user the welcome (their first contact) until a menu has said it. */
const WELCOME_OWED = Symbol('eimza.welcomeOwed');

/** The root dialog: welcome, resume offer, main menu, and a loop back to the menu after each topic. */
export class MainDialog extends InterruptibleDialog<DialogBasics & Greeting> {
    constructor(services: MainDialogServices) {
        super(MAIN_DIALOG, services);
        this.addDialog(new WaterfallDialog<MainDialogOptions>(MENU_WATERFALL, [this.showMenu.bind(this), this.route.bind(this), this.afterTopic.bind(this)]));
        this.addDialog(new WaterfallDialog<{ kind: ApplicationKind }>(SWITCH_WATERFALL, [this.askSwitch.bind(this), this.switchChosen.bind(this)]));
        this.addDialog(new CardChoicePrompt(CARD_CHOICE_PROMPT, services));
        this.addDialog(new GuidedFlowDialog(services));
        this.addDialog(new StatusExplainerDialog(services));
        this.addDialog(new HelpTicketDialog(services));
        this.addDialog(new MyTicketsDialog(services));
        this.addDialog(new RenewalReminderDialog(services));
        this.initialDialogId = MENU_WATERFALL;
    }

    /**
     * A message with no dialog running (a new chat, after a finished or paused flow): the menu waits,
     * and the message is handled as if it had been waiting — a menu choice opens its topic, a
     * question is answered, a command works. A first contact gets the welcome too.
     */
    protected async onBeginDialog(innerDc: DialogContext, options?: MainDialogOptions): Promise<DialogTurnResult> {
        if (!options?.routeInput) return super.onBeginDialog(innerDc, options);
        const { context } = innerDc;
        const input = turnInput(context);
        const picked = chosenId(context);
        if (picked) return innerDc.beginDialog(MENU_WATERFALL, { picked });
        const greeting = input.kind === 'smallTalk' && input.answerId === 'greeting';
        if (input.kind === 'other' || input.kind === 'text' || greeting) return super.onBeginDialog(innerDc, options);
        if (options.greet) {
            // A question is answered under the welcome; anything else draws the menu itself, with the welcome.
            if (input.kind === 'typedQuestion' || input.kind === 'answerClick' || input.kind === 'smallTalk') await this.sendMenu(context, await this.welcome(context));
            else context.turnState.set(WELCOME_OWED, true);
        }
        await innerDc.beginDialog(MENU_WATERFALL, { quiet: true });
        return this.onContinueDialog(innerDc);
    }

    private async showMenu(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
        const options = step.options ?? {};
        const { context } = step;
        if (options.picked) return step.next({ picked: options.picked, elsewhere: true } satisfies RoutedInput);
        if (options.resumeFlow) return step.next({ picked: 'resume', guide: options.guide } satisfies RoutedInput);
        const progress = await this.services.progress.get(context);
        if (options.quiet) {
            // The menu card above holds the choices; from now on the menu is what the bot waits on.
            await awaitChoices(this.services, context, [...menuChoices(this.services, context, progress), ...resumeChoices(this.services, context)]);
            return Dialog.EndOfTurn;
        }
        const speaker = speakerFor(this.services, context);
        const greet = options.greet || context.turnState.get(WELCOME_OWED) === true;
        context.turnState.set(WELCOME_OWED, false);
        if (options.offerResume && progress) {
            const where = {
                ...positionOf(progress.stepId, progress.kind, progress.answers),
                title: speaker.say(`steps.${progress.stepId}.title`, { context: stepVariant(progress.stepId, progress.answers, progress.kind) }),
            };
            const choices = resumeChoices(this.services, context);
            await context.sendActivity({ attachments: [resumeCard(speaker, choices, where)] });
            await awaitChoices(this.services, context, [...choices, ...menuChoices(this.services, context, progress)]);
            return Dialog.EndOfTurn;
        }
        await this.sendMenu(context, greet ? await this.welcome(context) : speaker.sayList('menu.prompt'));
        return Dialog.EndOfTurn;
    }

    private async sendMenu(context: TurnContext, intro: string[]): Promise<void> {
        const progress = await this.services.progress.get(context);
        const choices = menuChoices(this.services, context, progress);
        await context.sendActivity({ attachments: [menuCard(speakerFor(this.services, context), choices, intro)] });
        await awaitChoices(this.services, context, [...choices, ...resumeChoices(this.services, context)]);
    }

    private async route(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
        // A dialog begun over the waiting menu (a command, an older card's choice) ended: as after any topic.
        if (isOutcome(step.result)) return this.afterTopic(step);
        const { context } = step;
        const progress = await this.services.progress.get(context);
        // A waterfall hands the typed text to the next step; only a routed pick is an object.
        const routed = typeof step.result === 'object' ? (step.result as RoutedInput) : undefined;
        const picked = routed?.picked ?? chosenId(context);
        const speaker = speakerFor(this.services, context);
        if (isApplicationKind(picked)) {
            // Clicked on an older card while a flow is open: the user's place is not dropped without asking.
            if (routed?.elsewhere && progress) {
                if (progress.kind !== picked) return step.beginDialog(SWITCH_WATERFALL, { kind: picked });
                await context.sendActivity(speaker.say('clicks.alreadyHere'));
                return step.beginDialog(GUIDED_FLOW_DIALOG);
            }
            return step.beginDialog(GUIDED_FLOW_DIALOG, { kind: picked } satisfies GuidedFlowOptions);
        }
        switch (picked) {
            case 'resume':
                if (routed?.guide) return step.beginDialog(GUIDED_FLOW_DIALOG, { guide: routed.guide } satisfies GuidedFlowOptions);
                return progress ? step.beginDialog(GUIDED_FLOW_DIALOG) : step.replaceDialog(MENU_WATERFALL);
            case 'restart':
                return progress ? step.beginDialog(GUIDED_FLOW_DIALOG, { kind: progress.kind } satisfies GuidedFlowOptions) : step.replaceDialog(MENU_WATERFALL);
            case 'showMenu':
                return step.replaceDialog(MENU_WATERFALL);
            case 'status':
                return step.beginDialog(STATUS_EXPLAINER_DIALOG);
            case 'askLibrary':
                return step.beginDialog(HELP_TICKET_DIALOG);
            case 'myTickets':
                return step.beginDialog(MY_TICKETS_DIALOG);
            case 'reminders':
                return step.beginDialog(RENEWAL_REMINDERS_DIALOG);
            case 'fees':
                await context.sendActivity({
                    attachments: [
                        feesCard(
                            speaker,
                            menuChoices(this.services, context, progress).filter((choice) => choice.id === 'first'),
                        ),
                    ],
                });
                return step.replaceDialog(MENU_WATERFALL, { quiet: true });
            case 'contact':
                await context.sendActivity({ attachments: [contactsCard(speaker, [askLibraryAction(speaker), menuAction(speaker)])] });
                return step.replaceDialog(MENU_WATERFALL, { quiet: true });
            case 'language':
                await setLanguage(this.services, context, otherLanguage(turnLanguage(context)));
                return step.replaceDialog(MENU_WATERFALL);
            default:
                // Nothing to act on (an empty message); after a privacy warning the user already knows why.
                if (!privacyFinding(context)) await context.sendActivity(speaker.say('flow.chooseAnOption'));
                return step.replaceDialog(MENU_WATERFALL);
        }
    }

    private async afterTopic(step: WaterfallStepContext<MainDialogOptions>): Promise<DialogTurnResult> {
        const outcome = step.result as DialogOutcome | undefined;
        if (outcome?.pick) return step.replaceDialog(MENU_WATERFALL, { picked: outcome.pick });
        if (outcome?.next === 'guide') return step.replaceDialog(MENU_WATERFALL, { resumeFlow: true, guide: outcome.guide });
        return outcome?.next === 'idle' ? step.endDialog() : step.replaceDialog(MENU_WATERFALL);
    }

    /** "Start another application?" — the saved one would be replaced. */
    private async askSwitch(step: WaterfallStepContext<{ kind: ApplicationKind }>): Promise<DialogTurnResult> {
        const { context } = step;
        const progress = await this.services.progress.get(context);
        if (!progress) return step.next('switch');
        const speaker = speakerFor(this.services, context);
        const values = {
            current: speaker.say(`menu.options.${progress.kind}`),
            wanted: speaker.say(`menu.options.${step.options.kind}`),
            ...positionOf(progress.stepId, progress.kind, progress.answers),
        };
        const choices = stamped(context, 'prompt.switch', [keyedChoice(speaker, 'switch', 'clicks.switch.options.switch', values), keyedChoice(speaker, 'resume', 'clicks.switch.options.resume', values)]);
        const options: CardChoiceOptions = {
            prompt: {
                type: 'message',
                attachments: [renderGuideCard({ title: speaker.say('clicks.switch.title'), paragraphs: speaker.sayList('clicks.switch.body', values), actions: choiceActions(choices) })],
            },
            validations: { choices },
        };
        return step.prompt(CARD_CHOICE_PROMPT, options);
    }

    private async switchChosen(step: WaterfallStepContext<{ kind: ApplicationKind }>): Promise<DialogTurnResult> {
        return step.result === 'switch' ? step.beginDialog(GUIDED_FLOW_DIALOG, { kind: step.options.kind } satisfies GuidedFlowOptions) : step.beginDialog(GUIDED_FLOW_DIALOG);
    }

    protected async redisplay(innerDc: DialogContext): Promise<DialogTurnResult> {
        if (innerDc.activeDialog?.id === SWITCH_WATERFALL) {
            await innerDc.repromptDialog();
            return Dialog.EndOfTurn;
        }
        return innerDc.replaceDialog(MENU_WATERFALL);
    }

    /** A hello at the menu is answered with the menu itself. */
    protected async smallTalk(innerDc: DialogContext, answerId: string): Promise<DialogTurnResult> {
        if (answerId === 'greeting' && innerDc.activeDialog?.id === MENU_WATERFALL) return this.redisplay(innerDc);
        return super.smallTalk(innerDc, answerId);
    }

    /** The menu is the bottom of the stack: menu, back and cancel all land here again. */
    protected async finish(innerDc: DialogContext, outcome: DialogOutcome): Promise<DialogTurnResult> {
        await innerDc.cancelAllDialogs();
        if (outcome.pick) return innerDc.beginDialog(MENU_WATERFALL, { picked: outcome.pick } satisfies MainDialogOptions);
        return innerDc.beginDialog(MENU_WATERFALL, { resumeFlow: outcome.next === 'guide', guide: outcome.guide } satisfies MainDialogOptions);
    }

    /** At the menu an answer stands on its own: the menu card above still holds the choices. */
    protected afterAnswer(innerDc: DialogContext, reminded: boolean): Promise<DialogTurnResult> {
        if (innerDc.activeDialog?.id === SWITCH_WATERFALL) return super.afterAnswer(innerDc, reminded);
        return innerDc.replaceDialog(MENU_WATERFALL, { quiet: true } satisfies MainDialogOptions);
    }

    private async welcome(context: TurnContext): Promise<string[]> {
        const name = await displayName(context, this.services);
        return speakerFor(this.services, context).sayList('menu.welcome', { context: name ? 'named' : undefined, name });
    }
}

/**
 * The user's name for the greeting. Teams' events carry none: there the member profile is read
 * once and the name kept in user state. Elsewhere `from.name`, when it is a name at all (Web Chat
 * often says nothing useful).
 */
async function displayName(context: TurnContext, services: Greeting): Promise<string | undefined> {
    if (context.activity.channelId === 'msteams') {
        const kept = await services.displayName.get(context);
        if (kept) return kept;
        const profileName = await teamsProfileName(context, services);
        if (profileName) {
            await services.displayName.set(context, profileName);
            return profileName;
        }
    }
    return realName(context.activity.from?.name);
}

/** The name on the user's Teams member profile; none when Teams cannot say (the greeting goes on without it). */
async function teamsProfileName(context: TurnContext, services: Pick<DialogServices, 'logger'>): Promise<string | undefined> {
    try {
        return realName((await TeamsInfo.getMember(context, context.activity.from.id)).name);
    } catch (error) {
        services.logger.debug('no Teams member profile for the greeting', { error: (error as Error).message });
        return undefined;
    }
}

function realName(name: string | undefined): string | undefined {
    const trimmed = name?.trim();
    return trimmed && !/^(user|you|sen|siz)$/i.test(trimmed) ? trimmed : undefined;
}
