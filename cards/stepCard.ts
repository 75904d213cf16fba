import type { Attachment } from 'botbuilder';
import { commandData, type Choice } from './payloads';
import type { PathKey, StepDefinition, StepId, StepPosition } from '../flow/flowSteps';
import { choiceActions, stepHelpActions } from './commonActions';
import { renderGuideCard, type TableCell } from './guideCard';
import type { Speaker } from '../core/speaker';

export interface StepCardInput {
    step: StepDefinition;
    position: StepPosition;
    choices: Choice[];
    /** i18next context picked from the answers (which login button, which approval). */
    variant?: string;
    canGoBack: boolean;
    /** The user's path, for a last card's production timing (`completion.production.<path>`). */
    path?: PathKey;
    /** A table drawn from the institution profile (the banks and payment channels), when the step has one. */
    table?: { cells: TableCell[] }[];
}

const MENU_STEPS: StepId[] = ['menuNes', 'menuIndividual', 'menuApplications', 'menuMyApplications'];

/** NES İŞLEMLERİ › BİREYSEL İŞLEMLER › … with the item to click now in bold. */
function breadcrumb(speaker: Speaker, current: StepId): string {
    const labels = speaker.sayList('kamusm.menuPath');
    const here = MENU_STEPS.indexOf(current);
    return labels.map((label, index) => (index < here ? `✓ ${label}` : index === here ? `**▶ ${label}**` : label)).join('  ›  ');
}

function applicationsTable(speaker: Speaker): { cells: TableCell[] }[] {
    const header = speaker.sayList('kamusm.applicationsColumns').map((text): TableCell => ({ text, weight: 'Bolder' }));
    // Both buttons that open the form stand out: the guide names one and its example row shows the other.
    const formButtons = [speaker.say('kamusm.updateButton'), speaker.say('kamusm.completeButton')];
    const rows = speaker.sayList<string[]>('kamusm.applicationsExampleRows').map((row) => ({
        cells: row.map((text): TableCell => (formButtons.includes(text) ? { text: `**${text}**`, color: 'Accent' } : { text })),
    }));
    return [{ cells: header }, ...rows];
}

export function stepCard(speaker: Speaker, input: StepCardInput): Attachment {
    const { step, position, variant } = input;
    const key = `steps.${step.id}`;
    const values = { context: variant };
    return renderGuideCard({
        header: { phase: speaker.say(`stepHeader.phases.p${step.phase}`), progress: speaker.say('stepHeader.progress', { ...position }) },
        title: speaker.say(`${key}.title`, values),
        breadcrumb: step.breadcrumb ? breadcrumb(speaker, step.id) : undefined,
        paragraphs: [...speaker.sayList(`${key}.body`, values), ...(step.productionTiming && input.path ? [speaker.say(`completion.production.${input.path}`)] : [])],
        facts: speaker.has(`${key}.fields`) ? speaker.sayList<{ label: string; note: string }>(`${key}.fields`).map((field) => ({ title: field.label, value: field.note })) : [],
        table: step.applicationsTable ? applicationsTable(speaker) : input.table,
        note: speaker.has(`${key}.note`) ? speaker.say(`${key}.note`, values) : undefined,
        actions: [...choiceActions(input.choices), ...stepHelpActions(speaker, input.canGoBack)],
        origin: input.choices[0]?.origin,
    });
}

/**
 * The user's place in one short line — "Adım 6 / 18 · title" — with the step's buttons and one to
 * show the whole step again: sent with an answer to a typed question, so the answer stays in view.
 */
export function stepReminderCard(speaker: Speaker, input: { position: StepPosition; title: string; choices: Choice[] }): Attachment {
    return renderGuideCard({
        compact: true,
        title: speaker.say('stepHeader.reminder', { ...input.position, title: input.title }),
        actions: [...choiceActions(input.choices), { title: speaker.say('actions.showStep'), data: commandData('repeat') }],
        origin: input.choices[0]?.origin,
    });
}
