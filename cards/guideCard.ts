import { CardFactory, type Attachment } from 'botbuilder';
import { messageBackData, type ButtonOrigin } from './payloads';

export interface CardAction {
    title: string;
    data: Record<string, unknown>;
    style?: 'positive' | 'default';
}

export interface TableCell {
    text: string;
    weight?: 'Bolder' | 'Default';
    color?: 'Accent' | 'Good' | 'Default';
}

/** Everything a guide card can show; each part is optional but the title. */
export interface GuideCardContent {
    header?: { phase: string; progress: string };
    title: string;
    breadcrumb?: string;
    /** A short first sentence in bold, before the paragraphs: the direct answer to a question. */
    lead?: string;
    paragraphs?: string[];
    facts?: { title: string; value: string }[];
    table?: { cells: TableCell[] }[];
    note?: string;
    /** Someone's words shown as they wrote them (a staff reply relayed to the user). */
    quote?: string;
    /** One free-text box whose value comes back with the submit (`id` names it), at most `maxLength` characters. */
    input?: { id: string; placeholder: string; maxLength: number };
    /** A short card: the title is one plain line (a reminder of where the user is), not a heading. */
    compact?: boolean;
    /** Where the card is drawn: stamped on the buttons that do not carry their own (commands). */
    origin?: ButtonOrigin;
    actions?: CardAction[];
    /**
     * Buttons in groups drawn in the card's body, for cards with more choices than Teams shows as
     * top-level actions (six, then a "…" menu): every group stays visible.
     */
    actionGroups?: CardAction[][];
}

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * A button. Where the card has a text box the data stays a plain submit (the channel merges the box's
 * value into it); every other button is a messageBack, so the chat shows what the user chose.
 */
function submitFor(content: GuideCardContent) {
    return (action: CardAction) => {
        const own = content.origin && action.data.card === undefined ? { ...action.data, card: content.origin.card, turn: content.origin.turn } : action.data;
        const data = content.input ? own : messageBackData(own, action.title);
        return { type: 'Action.Submit', title: action.title, data, style: action.style ?? 'default' };
    };
}

/** The card's body, part by part in the order they are shown; a part whose content is missing is left out. */
function body(content: GuideCardContent): Record<string, unknown>[] {
    const items: Record<string, unknown>[] = [];
    const { header, breadcrumb, quote, table, note, input } = content;
    if (header != null) {
        items.push({
            type: 'ColumnSet',
            columns: [
                { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: header.phase, isSubtle: true, size: 'Small', wrap: true }] },
                { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: header.progress, weight: 'Bolder', size: 'Small', color: 'Accent' }] },
            ],
        });
    }
    items.push(
        content.compact ? { type: 'TextBlock', text: content.title, weight: 'Bolder', wrap: true } : { type: 'TextBlock', text: content.title, size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' },
    );
    if (breadcrumb != null) items.push({ type: 'Container', style: 'emphasis', items: [{ type: 'TextBlock', text: breadcrumb, wrap: true, size: 'Small' }] });
    if (content.lead != null) items.push({ type: 'TextBlock', text: content.lead, wrap: true, weight: 'Bolder' });
    for (const paragraph of content.paragraphs ?? []) items.push({ type: 'TextBlock', text: paragraph, wrap: true });
    if (quote != null) items.push({ type: 'Container', style: 'emphasis', items: [{ type: 'TextBlock', text: quote, wrap: true }] });
    if (content.facts?.length) items.push({ type: 'FactSet', facts: content.facts.map((fact) => ({ title: fact.title, value: fact.value })) });
    if (table != null) {
        items.push({
            type: 'Container',
            separator: true,
            items: table.map((row) => ({
                type: 'ColumnSet',
                separator: true,
                columns: row.cells.map((cell) => ({
                    type: 'Column',
                    width: 'stretch',
                    items: [{ type: 'TextBlock', text: cell.text, wrap: true, size: 'Small', weight: cell.weight ?? 'Default', color: cell.color ?? 'Default' }],
                })),
            })),
        });
    }
    if (note != null) items.push({ type: 'TextBlock', text: note, wrap: true, isSubtle: true, size: 'Small' });
    if (input != null) items.push({ type: 'Input.Text', id: input.id, placeholder: input.placeholder, maxLength: input.maxLength, isMultiline: true });
    for (const group of content.actionGroups ?? []) items.push({ type: 'ActionSet', separator: true, spacing: 'Medium', actions: group.map(submitFor(content)) });
    return items;
}

/**
 * The guide card, built directly: what expanding an Adaptive Card template gave (the same JSON,
 * key for key), without evaluating some forty expressions per card on every turn.
 */
export function renderGuideCard(content: GuideCardContent): Attachment {
    return CardFactory.adaptiveCard({
        type: 'AdaptiveCard',
        $schema: SCHEMA,
        version: '1.5',
        speak: content.title,
        body: body(content),
        actions: (content.actions ?? []).map(submitFor(content)),
    });
}
