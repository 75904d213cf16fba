import type { TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { privacyFinding } from '../core/turnFacts';
import { completionCard, paymentTable, stepHelpCard } from '../cards/infoCards';
import { stepCard } from '../cards/stepCard';
import type { Choice } from '../cards/payloads';
import { keyedChoice, matchChoice } from './choiceMatching';
import { speakerFor, type DialogServices } from './dialogServices';
import { type FlowProgress } from '../flow/progress';
import {
    initialAnswers, nextStepAfter, numberedSteps, pathOf, positionOf, STEPS, stepVariant, visibleOptions,
    type ApplicationKind, type FlowAnswers, type StepDefinition, type StepId,
} from '../flow/flowSteps';
import { FORM_DELIVERY_DIALOG, STATUS_EXPLAINER_DIALOG, TICKET_REQUEST_DIALOG } from './dialogIds';
import { answerTypedQuestion } from './typedQuestions';
import { FormDeliveryDialog } from './formDeliveryDialog';
import { HelpTicketDialog } from './helpTicketDialog';
import type { TicketOutcome } from './ticketDialogBase';
import { TicketRequestDialog, type TicketRequestOptions } from './ticketRequestDialog';
import { InterruptibleDialog, toMenu, type DialogOutcome } from './interruptibleDialog';
import { StatusExplainerDialog } from './statusExplainerDialog';

export const GUIDED_FLOW_DIALOG = 'guidedFlow';
const STEP_WATERFALL = 'guidedFlow.step';

export interface GuidedFlowOptions {
    /** Start this kind of application from its first step; without it, continue the saved one. */
    kind?: ApplicationKind;
}

/** Which errand the step started, so its outcome can move the flow on. */
interface ErrandValues {
    errand?: 'ticketRequest' | 'formDelivery';
}

/** Finished or paused: the chat goes quiet until the user writes again. */
const idle: DialogOutcome = { next: 'idle' };

/**
 * Walks the user through KAMUSM_FLOW.md one card at a time. Each step is a two-turn waterfall
 * (show the card, read the answer) that replaces itself with the next step, so "back", resume
 * and branching are all just a change of the saved `FlowProgress`.
 */
export class GuidedFlowDialog extends InterruptibleDialog {
    constructor(services: DialogServices) {
        super(GUIDED_FLOW_DIALOG, services);
        this.addDialog(new WaterfallDialog(STEP_WATERFALL, [this.showStep.bind(this), this.handleAnswer.bind(this), this.afterErrand.bind(this)]));
        this.addDialog(new StatusExplainerDialog(services));
        this.addDialog(new TicketRequestDialog(services));
        this.addDialog(new FormDeliveryDialog(services));
        this.addDialog(new HelpTicketDialog(services));
        this.initialDialogId = STEP_WATERFALL;
    }

    protected async onBeginDialog(innerDc: DialogContext, options?: GuidedFlowOptions): Promise<DialogTurnResult> {
        if (options?.kind) {
            await this.saveProgress(innerDc.context, {
                kind: options.kind, stepId: numberedSteps(options.kind)[0], answers: initialAnswers(options.kind), history: [], updatedAt: 0,
            });
        }
        return super.onBeginDialog(innerDc);
    }

    private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const progress = await this.services.progress.get(step.context);
        if (!progress) return step.endDialog(toMenu);
        const definition = STEPS[progress.stepId];
        const speaker = speakerFor(this.services, step.context);
        await this.services.insights.stepReached(step.context, progress); // insights: step reached
        await step.context.sendActivity({
            attachments: [stepCard(speaker, {
                step: definition,
                position: positionOf(progress.stepId, progress.kind, progress.answers),
                choices: this.choicesFor(step.context, definition, progress),
                variant: stepVariant(definition.id, progress.answers, progress.kind),
                canGoBack: progress.history.length > 0,
                path: pathOf(progress.kind, progress.answers),
                table: definition.paymentTable ? paymentTable(speaker, this.services.profile) : undefined,
            })],
        });
        return Dialog.EndOfTurn;
    }

    private async handleAnswer(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const progress = await this.services.progress.get(step.context);
        if (!progress) return step.endDialog(toMenu);
        const definition = STEPS[progress.stepId];
        const chosenId = matchChoice(step.context, this.choicesFor(step.context, definition, progress), this.services.translator);
        const option = visibleOptions(definition, progress.answers).find((candidate) => candidate.id === chosenId);
        if (!option) {
            // A question instead of an answer: answered, then the same step again, place kept.
            if (await answerTypedQuestion(this.services, step.context, { progress })) return step.replaceDialog(STEP_WATERFALL);
            // After a privacy warning the user already knows why: just show the step again.
            if (!privacyFinding(step.context)) await step.context.sendActivity(speakerFor(this.services, step.context).say('flow.chooseAnOption'));
            return step.replaceDialog(STEP_WATERFALL);
        }
        const answers = option.answer ? option.answer(progress.answers) : progress.answers;
        switch (option.target) {
            case 'later':
                await this.saveProgress(step.context, { ...progress, answers });
                await this.services.insights.flowLeft(step.context, { ...progress, answers }); // insights: "continue later"
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
                return this.finishFlow(step, progress.kind, answers);
            default:
                return this.advance(step, progress, answers, option.target === 'next' ? nextStepAfter(definition.id, progress.kind, answers) : option.target);
        }
    }

    /** Back from an errand (status explainer, a ticket): a sent ticket moves the flow on. */
    private async afterErrand(step: WaterfallStepContext): Promise<DialogTurnResult> {
        const outcome = step.result as TicketOutcome | undefined;
        if (outcome?.next === 'menu') return step.endDialog(outcome);
        const progress = await this.services.progress.get(step.context);
        const { errand } = step.values as ErrandValues;
        // A help ticket (from any step) leaves the flow where it was; only these errands move it on.
        if (!progress || !errand || outcome?.ticketNumber === undefined) return step.replaceDialog(STEP_WATERFALL);
        if (errand === 'formDelivery') return this.finishFlow(step, progress.kind, progress.answers);
        // The request replaces the e-mail, and it already told the library about other institutions.
        const answers: FlowAnswers = { ...progress.answers, requestSent: true, otherInstitution: outcome.otherInstitution };
        const after = outcome.otherInstitution === undefined ? progress.stepId : 'otherInstitution';
        return this.advance(step, progress, answers, nextStepAfter(after, progress.kind, answers));
    }

    private async advance(step: WaterfallStepContext, progress: FlowProgress, answers: FlowAnswers, target: StepId | undefined): Promise<DialogTurnResult> {
        if (!target) return step.endDialog(toMenu);
        await this.saveProgress(step.context, { ...progress, stepId: target, answers, history: [...progress.history, progress.stepId] });
        return step.replaceDialog(STEP_WATERFALL);
    }

    private async finishFlow(step: WaterfallStepContext, kind: ApplicationKind, answers: FlowAnswers): Promise<DialogTurnResult> {
        await this.services.progress.delete(step.context);
        await this.services.insights.flowFinished(step.context, kind, answers.approval ?? 'wet'); // insights: flow finished
        await step.context.sendActivity({
            attachments: [completionCard(speakerFor(this.services, step.context), answers.approval ?? 'wet', pathOf(kind, answers), [
                ...this.completionChoices(step.context),
                // Renewal reminders: after a first application or a renewal, the expiry date and a reminder (opens "Hatırlatıcılarım").
                ...(kind === 'first' || kind === 'renewal' ? [keyedChoice(speakerFor(this.services, step.context), 'reminders', 'renewalReminders.completionOffer')] : []),
            ])],
        });
        return step.endDialog(idle);
    }

    protected async redisplay(innerDc: DialogContext): Promise<DialogTurnResult> {
        return innerDc.replaceDialog(STEP_WATERFALL);
    }

    protected async showHelp(innerDc: DialogContext): Promise<DialogTurnResult> {
        const progress = await this.services.progress.get(innerDc.context);
        if (!progress) return this.finish(innerDc, toMenu);
        const definition = STEPS[progress.stepId];
        const speaker = speakerFor(this.services, innerDc.context);
        await innerDc.context.sendActivity({ attachments: [stepHelpCard(speaker, definition.id, stepVariant(definition.id, progress.answers, progress.kind), this.choicesFor(innerDc.context, definition, progress))] });
        return Dialog.EndOfTurn;
    }

    /** Already in the flow: it simply moves to that step. */
    protected async guideFrom(innerDc: DialogContext, stepId: StepId): Promise<DialogTurnResult> {
        await this.moveFlowTo(innerDc.context, stepId);
        return this.redisplay(innerDc);
    }

    protected async goBack(innerDc: DialogContext): Promise<DialogTurnResult> {
        const progress = await this.services.progress.get(innerDc.context);
        const previous = progress?.history.at(-1);
        if (!progress || !previous) return this.finish(innerDc, toMenu);
        await this.saveProgress(innerDc.context, { ...progress, stepId: previous, history: progress.history.slice(0, -1) });
        return this.redisplay(innerDc);
    }

    protected async onCancel(innerDc: DialogContext): Promise<void> {
        await this.services.progress.delete(innerDc.context);
    }

    private choicesFor(context: TurnContext, definition: StepDefinition, progress: FlowProgress): Choice[] {
        const speaker = speakerFor(this.services, context);
        const variant = stepVariant(definition.id, progress.answers, progress.kind);
        return visibleOptions(definition, progress.answers).map((option) => {
            const stepKey = `steps.${definition.id}.options.${option.id}`;
            const titleKey = speaker.has(stepKey) ? stepKey : `options.${option.id}`;
            return keyedChoice(speaker, option.id, titleKey, { context: variant });
        });
    }

    private completionChoices(context: TurnContext): Choice[] {
        return [keyedChoice(speakerFor(this.services, context), 'status', 'menu.options.status')];
    }

    private async saveProgress(context: TurnContext, progress: FlowProgress): Promise<void> {
        await this.services.progress.set(context, { ...progress, updatedAt: this.services.clock.now() });
    }
}
