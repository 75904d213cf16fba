import type { Attachment, TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { privacyFinding, visitOf } from '../state/turnFacts';
import { completionCard, paymentTable, stepHelpCard } from '../cards/infoCards';
import { renderGuideCard } from '../cards/guideCard';
import { choiceActions } from '../cards/commonActions';
import { stepCard, stepReminderCard } from '../cards/stepCard';
import type { Choice } from '../cards/payloads';
import { keyedChoice } from './choiceMatching';
import { speakerFor, type DialogServices } from './dialogServices';
import { afterSituation, progressAt, reanswered, startProgress, type FlowProgress } from '../flow/progress';
import { situationQuestionFor, type Situation } from '../flow/situation';
import {
    APPLICATION_KINDS,
    isApplicationKind,
    nextStepAfter,
    pathOf,
    positionOf,
    STEPS,
    stepVariant,
    visibleOptions,
    type ApplicationKind,
    type FlowAnswers,
    type StepDefinition,
    type StepId,
} from '../flow/flowSteps';
import { FORM_DELIVERY_DIALOG, STATUS_EXPLAINER_DIALOG, TICKET_REQUEST_DIALOG } from './dialogIds';
import { FormDeliveryDialog } from './formDeliveryDialog';
import { HelpTicketDialog, type HelpTicketServices } from './helpTicketDialog';
import type { TicketOutcome } from './ticketDialogBase';
import { TicketRequestDialog, type TicketRequestOptions } from './ticketRequestDialog';
import { InterruptibleDialog, isOutcome, leavesParent, toMenu, type DialogOutcome, type GuideRequest, type OlderClick } from './interruptibleDialog';
import { StatusExplainerDialog } from './statusExplainerDialog';
import { awaitChoices, KIND_CARD, MENU_CARD, stamped, stepCard as stepCardId, stepOfCard } from './awaiting';
import { chosenId } from './turnInput';

export const GUIDED_FLOW_DIALOG = 'guidedFlow';
const STEP_WATERFALL = 'guidedFlow.step';
const KIND_WATERFALL = 'guidedFlow.kind';

export interface GuidedFlowOptions {
    /** Start this kind of application from its first step; without it, continue the saved one. */
    kind?: ApplicationKind;
    /** "Guide me from this step" from an answer: the flow goes there (asking first what it must know). */
    guide?: GuideRequest;
}

/** Which errand the step started, so its outcome can move the flow on. */
interface ErrandValues {
    errand?: 'ticketRequest' | 'formDelivery';
}

/** Finished or paused: the chat goes quiet until the user writes again. */
const idle: DialogOutcome = { next: 'idle' };

/** What the answer behind "guide me from this step" says of the user's situation. */
function situationOf(services: Pick<DialogServices, 'knowledge'>, request: GuideRequest): Situation {
    return (request.answerId && services.knowledge.current().catalogue.get(request.answerId)?.implies) || {};
}

/**
 * Walks the user through docs/kamusm-flow.md one card at a time. Each step is a two-turn waterfall
 * (show the card, read the answer) that replaces itself with the next step, so "back", resume
 * and branching are all just a change of the saved `FlowProgress`. Before a step whose words
 * depend on the user's situation, the question that settles it comes first.
 */
export class GuidedFlowDialog extends InterruptibleDialog {
    /** Its own steps use every dialog's basics; the services are for the ticket errands a step opens. */
    constructor(services: HelpTicketServices) {
        super(GUIDED_FLOW_DIALOG, services);
        this.addDialog(new WaterfallDialog(STEP_WATERFALL, [this.showStep.bind(this), this.handleAnswer.bind(this), this.afterErrand.bind(this)]));
        this.addDialog(new WaterfallDialog<GuideRequest>(KIND_WATERFALL, [this.askKind.bind(this), this.kindChosen.bind(this)]));
        this.addDialog(new StatusExplainerDialog(services));
        this.addDialog(new TicketRequestDialog(services));
        this.addDialog(new FormDeliveryDialog(services));
        this.addDialog(new HelpTicketDialog(services));
        this.initialDialogId = STEP_WATERFALL;
    }

    protected async onBeginDialog(innerDc: DialogContext, options?: GuidedFlowOptions): Promise<DialogTurnResult> {
        const now = this.services.clock.now();
        if (options?.kind) {
            await this.saveProgress(innerDc.context, startProgress(options.kind, now));
        } else if (options?.guide) {
            const current = await this.services.progress.get(innerDc.context);
            const situation = situationOf(this.services, options.guide);
            if (current) await this.saveProgress(innerDc.context, progressAt(current, options.guide.stepId, now, situation));
            else if (situation.kind) await this.saveProgress(innerDc.context, startProgress(situation.kind, now, options.guide.stepId, situation.answers));
            // Nothing says which application it is: asked, never assumed.
            else return innerDc.beginDialog(KIND_WATERFALL, options.guide);
        }
        return super.onBeginDialog(innerDc);
    }

    private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        let progress = await this.services.progress.get(step.context);
        if (!progress) return step.endDialog(toMenu);
        const question = situationQuestionFor(progress.stepId, progress.kind, progress.answers);
        if (question) {
            // The user's situation first: this step's words depend on an answer they have not given.
            progress = { ...progress, stepId: question, resumeAt: progress.resumeAt ?? progress.stepId };
            await this.saveProgress(step.context, progress);
        }
        const definition = STEPS[progress.stepId];
        const speaker = speakerFor(this.services, step.context);
        await this.services.insights.stepReached(visitOf(step.context), progress);
        const choices = this.choicesFor(step.context, definition, progress);
        await step.context.sendActivity({
            attachments: [
                stepCard(speaker, {
                    step: definition,
                    position: positionOf(progress.stepId, progress.kind, progress.answers),
                    choices,
                    variant: stepVariant(definition.id, progress.answers, progress.kind),
                    canGoBack: progress.history.length > 0,
                    path: pathOf(progress.kind, progress.answers),
                    table: definition.paymentTable ? paymentTable(speaker, this.services.profile) : undefined,
                }),
            ],
        });
        await awaitChoices(this.services, step.context, choices);
        return Dialog.EndOfTurn;
    }

    private async handleAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
        // An errand begun over the waiting step (a command, an older card's choice) ended.
        if (isOutcome(step.result)) return this.afterErrand(step);
        const progress = await this.services.progress.get(step.context);
        if (!progress) return step.endDialog(toMenu);
        const definition = STEPS[progress.stepId];
        const chosen = chosenId(step.context);
        const option = visibleOptions(definition, progress.answers).find((candidate) => candidate.id === chosen);
        if (!option) {
            // Nothing to act on (an empty message): after a privacy warning the user already knows why.
            if (!privacyFinding(step.context)) await step.context.sendActivity(speakerFor(this.services, step.context).say('flow.chooseAnOption'));
            return step.replaceDialog(STEP_WATERFALL);
        }
        const answers = option.answer ? option.answer(progress.answers) : progress.answers;
        switch (option.target) {
            case 'later':
                await this.saveProgress(step.context, { ...progress, answers });
                await this.services.insights.flowLeft(visitOf(step.context), { ...progress, answers });
                await step.context.sendActivity(speakerFor(this.services, step.context).say('flow.savedForLater', { ...positionOf(progress.stepId, progress.kind, answers) }));
                return step.endDialog(idle);
            case 'status':
                return step.beginDialog(STATUS_EXPLAINER_DIALOG);
            case 'ticketRequest':
                (step.values as ErrandValues).errand = 'ticketRequest';
                return step.beginDialog(TICKET_REQUEST_DIALOG, { kind: progress.kind } satisfies TicketRequestOptions);
            case 'formDelivery':
                (step.values as ErrandValues).errand = 'formDelivery';
                return step.beginDialog(FORM_DELIVERY_DIALOG);
            case 'finish':
                return this.finishFlow(step, progress, answers);
            default:
                return this.advance(step, progress, answers, option.target === 'next' ? nextStepAfter(definition.id, progress.kind, answers) : option.target);
        }
    }

    /** Back from an errand (status explainer, a ticket): a sent ticket moves the flow on. */
    private async afterErrand(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const outcome = step.result as TicketOutcome | undefined;
        if (outcome && leavesParent(outcome)) return step.endDialog(outcome);
        const progress = await this.services.progress.get(step.context);
        const { errand } = step.values as ErrandValues;
        // A help ticket (from any step) leaves the flow where it was; only these errands move it on.
        if (!progress || !errand || outcome?.ticketNumber === undefined) return step.replaceDialog(STEP_WATERFALL);
        if (errand === 'formDelivery') return this.finishFlow(step, progress, progress.answers);
        // The request went to the library (the e-mail stays the guide's way), and it said whether there are other institutions' e-signatures.
        const answers: FlowAnswers = { ...progress.answers, requestSent: true, otherInstitution: outcome.otherInstitution };
        const after = outcome.otherInstitution === undefined ? progress.stepId : 'otherInstitution';
        return this.advance(step, progress, answers, nextStepAfter(after, progress.kind, answers));
    }

    private async advance(step: WaterfallStepContext, progress: FlowProgress, answers: FlowAnswers, natural: StepId | undefined): Promise<DialogTurnResult> {
        const target = afterSituation(progress, natural, answers);
        if (!target) return step.endDialog(toMenu);
        await this.saveProgress(step.context, { ...progress, stepId: target, answers, history: [...progress.history, progress.stepId], resumeAt: undefined });
        return step.replaceDialog(STEP_WATERFALL);
    }

    private async finishFlow(step: WaterfallStepContext, progress: FlowProgress, answers: FlowAnswers): Promise<DialogTurnResult> {
        const { kind } = progress;
        // Never assumed: without the approval method the user is asked it.
        if (!answers.approval) return this.advance(step, progress, answers, 'approval');
        await this.services.progress.delete(step.context);
        await this.services.insights.flowFinished(visitOf(step.context), kind, answers.approval);
        const speaker = speakerFor(this.services, step.context);
        await step.context.sendActivity({
            attachments: [
                completionCard(
                    speaker,
                    answers.approval,
                    pathOf(kind, answers),
                    stamped(step.context, MENU_CARD, [
                        keyedChoice(speaker, 'status', 'menu.options.status'),
                        // After a first application or a renewal: the expiry date and a reminder (opens "Hatırlatıcılarım").
                        ...(kind === 'first' || kind === 'renewal' ? [keyedChoice(speaker, 'reminders', 'renewalReminders.completionOffer')] : []),
                    ]),
                ),
            ],
        });
        return step.endDialog(idle);
    }

    /** "Which application is it?" — before a step chosen from an answer, when nothing the user said tells. */
    private async askKind(step: WaterfallStepContext<GuideRequest>): Promise<DialogTurnResult> {
        await this.sendKindQuestion(step.context);
        return Dialog.EndOfTurn;
    }

    private async sendKindQuestion(context: TurnContext): Promise<void> {
        const speaker = speakerFor(this.services, context);
        const choices = stamped(
            context,
            KIND_CARD,
            APPLICATION_KINDS.map((kind) => keyedChoice(speaker, kind, `menu.options.${kind}`)),
        );
        await context.sendActivity({ attachments: [renderGuideCard({ title: speaker.say('situation.kind.title'), paragraphs: speaker.sayList('situation.kind.body'), actions: choiceActions(choices) })] });
        await awaitChoices(this.services, context, choices);
    }

    private async kindChosen(step: WaterfallStepContext<GuideRequest>): Promise<DialogTurnResult> {
        const request = step.options;
        if (isOutcome(step.result)) return leavesParent(step.result) ? step.endDialog(step.result) : step.replaceDialog(KIND_WATERFALL, request);
        const kind = chosenId(step.context);
        if (!isApplicationKind(kind)) {
            if (!privacyFinding(step.context)) await step.context.sendActivity(speakerFor(this.services, step.context).say('flow.chooseAnOption'));
            return step.replaceDialog(KIND_WATERFALL, request);
        }
        await this.saveProgress(step.context, startProgress(kind, this.services.clock.now(), request.stepId, situationOf(this.services, request).answers));
        return step.replaceDialog(STEP_WATERFALL);
    }

    protected async redisplay(innerDc: DialogContext): Promise<DialogTurnResult> {
        if (innerDc.activeDialog?.id !== KIND_WATERFALL) return innerDc.replaceDialog(STEP_WATERFALL);
        // The kind question waits where it is (it keeps the step the user asked for): only its card again.
        await this.sendKindQuestion(innerDc.context);
        return Dialog.EndOfTurn;
    }

    /** "Adım 6 / 18 · title" and the step's buttons, sent with an answer in one message. */
    protected async placeReminder(context: TurnContext): Promise<Attachment | undefined> {
        const progress = await this.services.progress.get(context);
        if (!progress) return undefined;
        const definition = STEPS[progress.stepId];
        const speaker = speakerFor(this.services, context);
        return stepReminderCard(speaker, {
            position: positionOf(progress.stepId, progress.kind, progress.answers),
            title: speaker.say(`steps.${definition.id}.title`, { context: stepVariant(definition.id, progress.answers, progress.kind) }),
            choices: this.choicesFor(context, definition, progress),
        });
    }

    protected async showHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
        const progress = await this.services.progress.get(innerDc.context);
        if (!progress) return this.finish(innerDc, toMenu);
        const definition = STEPS[progress.stepId];
        const speaker = speakerFor(this.services, innerDc.context);
        await innerDc.context.sendActivity({
            attachments: [stepHelpCard(speaker, definition.id, stepVariant(definition.id, progress.answers, progress.kind), this.choicesFor(innerDc.context, definition, progress))],
        });
        return Dialog.EndOfTurn;
    }

    /** Already in the flow: it simply moves to that step (asking first what it must know). */
    protected async guideFrom(innerDc: DialogContext, request: GuideRequest): Promise<DialogTurnResult> {
        const current = await this.services.progress.get(innerDc.context);
        if (!current) return super.guideFrom(innerDc, request);
        await this.saveProgress(innerDc.context, progressAt(current, request.stepId, this.services.clock.now(), situationOf(this.services, request)));
        return innerDc.replaceDialog(STEP_WATERFALL);
    }

    /**
     * A button of another step. An earlier step of this path answered differently: back there, the new
     * answer applied, and said so. Anything else (the same answer again, a later step, another path)
     * is not applied: the user is told the button belongs to another step and sees where they are.
     */
    protected async olderClick(innerDc: DialogContext, click: OlderClick): Promise<DialogTurnResult> {
        const stepId = stepOfCard(click.origin?.card);
        const progress = await this.services.progress.get(innerDc.context);
        if (!stepId || !progress || !click.choice) return super.olderClick(innerDc, click);
        const speaker = speakerFor(this.services, innerDc.context);
        const titleOf = (id: StepId) => speaker.say(`steps.${id}.title`, { context: stepVariant(id, progress.answers, progress.kind) });
        const changed = reanswered(progress, stepId, click.choice, this.services.clock.now());
        if (changed) {
            const answer = this.choicesFor(innerDc.context, STEPS[stepId], progress).find((choice) => choice.id === click.choice)?.title ?? '';
            await this.saveProgress(innerDc.context, changed);
            await innerDc.context.sendActivity(speaker.say('clicks.answerChanged', { question: titleOf(stepId), answer }));
            return innerDc.replaceDialog(STEP_WATERFALL);
        }
        await innerDc.context.sendActivity(speaker.say('clicks.earlierStep', { title: titleOf(stepId), ...positionOf(progress.stepId, progress.kind, progress.answers) }));
        return innerDc.replaceDialog(STEP_WATERFALL);
    }

    /** A welcome-menu choice in the flow: "continue" or the same application is where the user already is. */
    protected async menuChoiceElsewhere(innerDc: DialogContext, choice: string): Promise<DialogTurnResult> {
        const progress = await this.services.progress.get(innerDc.context);
        if (progress && (choice === 'resume' || choice === progress.kind)) {
            await innerDc.context.sendActivity(speakerFor(this.services, innerDc.context).say('clicks.alreadyHere'));
            return this.redisplay(innerDc);
        }
        return super.menuChoiceElsewhere(innerDc, choice);
    }

    protected async goBack(innerDc: DialogContext): Promise<DialogTurnResult> {
        const progress = await this.services.progress.get(innerDc.context);
        const previous = progress?.history.at(-1);
        if (!progress || !previous) return this.finish(innerDc, toMenu);
        await this.saveProgress(innerDc.context, { ...progress, stepId: previous, history: progress.history.slice(0, -1), resumeAt: undefined });
        return innerDc.replaceDialog(STEP_WATERFALL);
    }

    protected async onCancel(innerDc: DialogContext): Promise<void> {
        await this.services.progress.delete(innerDc.context);
    }

    private choicesFor(context: TurnContext, definition: StepDefinition, progress: FlowProgress): Choice[] {
        const speaker = speakerFor(this.services, context);
        const variant = stepVariant(definition.id, progress.answers, progress.kind);
        return stamped(
            context,
            stepCardId(definition.id),
            visibleOptions(definition, progress.answers).map((option) => {
                const stepKey = `steps.${definition.id}.options.${option.id}`;
                const titleKey = speaker.has(stepKey) ? stepKey : `options.${option.id}`;
                return keyedChoice(speaker, option.id, titleKey, { context: variant });
            }),
        );
    }

    private async saveProgress(context: TurnContext, progress: FlowProgress): Promise<void> {
        await this.services.progress.set(context, { ...progress, updatedAt: this.services.clock.now() });
    }
}
