import * as fs from 'fs';
import { Template } from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import { fromRoot } from '../core/projectPaths';

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
    paragraphs?: string[];
    facts?: { title: string; value: string }[];
    table?: { cells: TableCell[] }[];
    note?: string;
    /** Someone's words shown as they wrote them (a staff reply relayed to the user). */
    quote?: string;
    /** One free-text box whose value comes back with the submit (`id` names it), at most `maxLength` characters. */
    input?: { id: string; placeholder: string; maxLength: number };
    actions?: CardAction[];
    /**
     * Buttons in groups drawn in the card's body, for cards with more choices than Teams shows as
     * top-level actions (six, then a "…" menu): every group stays visible.
     */
    actionGroups?: CardAction[][];
}

// Read once: the template is content, not code, and does not change while the bot runs.
const template = new Template(JSON.parse(fs.readFileSync(fromRoot('cards', 'guideCard.json'), 'utf8')));

const withStyle = (action: CardAction) => ({ style: 'default', ...action });

export function renderGuideCard(content: GuideCardContent): Attachment {
    const card = template.expand({
        $root: {
            paragraphs: [],
            facts: [],
            actions: [],
            ...content,
            table: content.table?.map((row) => ({ cells: row.cells.map((cell) => ({ weight: 'Default', color: 'Default', ...cell })) })),
            ...(content.actions ? { actions: content.actions.map(withStyle) } : {}),
            actionGroups: content.actionGroups?.map((group) => ({ actions: group.map(withStyle) })) ?? [],
        },
    }) as Record<string, unknown>;
    return CardFactory.adaptiveCard(card);
}
