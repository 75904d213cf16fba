import type { Activity } from 'botbuilder';

export interface CardButton {
    title: string;
    data: Record<string, unknown>;
}

function collectStrings(node: unknown, out: string[]): void {
    if (typeof node === 'string') out.push(node);
    else if (Array.isArray(node)) node.forEach((item) => collectStrings(item, out));
    else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
            if (['text', 'title', 'value', 'speak'].includes(key) || typeof value === 'object') collectStrings(value, out);
        }
    }
}

/** Everything a person would read in a reply: its text and every text of its cards. */
export function readableText(activity: Partial<Activity>): string {
    const parts: string[] = activity.text ? [activity.text] : [];
    for (const attachment of activity.attachments ?? []) collectStrings(attachment.content, parts);
    return parts.join('\n');
}

interface CardNode {
    type?: string;
    title?: string;
    data?: Record<string, unknown>;
    actions?: CardNode[];
    body?: CardNode[];
}

/** The card's buttons in reading order: those in the body's action groups, then the top-level ones. */
function submitButtons(node: CardNode | undefined): CardButton[] {
    if (!node) return [];
    const inBody = (node.body ?? []).flatMap((element) => (element.type === 'ActionSet' ? submitButtons({ actions: element.actions }) : []));
    const own = (node.actions ?? []).map((action) => ({ title: action.title ?? '', data: action.data ?? {} }));
    return [...inBody, ...own];
}

export function buttonsOf(activity: Partial<Activity>): CardButton[] {
    return (activity.attachments ?? []).flatMap((attachment) => submitButtons(attachment.content as CardNode | undefined));
}

/** What Web Chat sends for a click on an Action.Submit with this data (its messageBack form, or the data itself). */
export function webChatSubmit(data: Record<string, unknown>): Partial<Activity> {
    const cardAction = data.__isBotFrameworkCardAction === true ? (data.cardAction as { type?: string; value?: unknown; displayText?: string; text?: string }) : undefined;
    if (cardAction?.type !== 'messageBack') return { value: data };
    return { value: cardAction.value, ...(cardAction.text ? { text: cardAction.text } : {}), channelData: { messageBack: { displayText: cardAction.displayText } } };
}
