import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, Attachment, TurnContext } from 'botbuilder';
import type { Translator } from '../core/i18n';
import type { Logger } from '../core/logger';
import { languageSpeaker } from '../institution/profileSpeaker';
import type { InstitutionProfile } from '../institution/institutionProfile';
import type { TicketEvent } from '../tickets/lifecycle';
import type { StaffChannelRegistry } from '../tickets/staffChannel';
import type { Person, Ticket } from '../tickets/ticket';
import type { TicketService } from '../tickets/ticketService';
import { staffActionDataSchema, type StaffActionData } from '../cards/payloads';
import { STAFF_ACTION_REFUSALS, type StaffActionRefusal } from '../core/errors';
import type { StaffVerb } from '../tickets/staffVerbs';

/** Draws the refreshed staff card an action answers with, and knows the staff team. */
export interface StaffCardSource {
    colleagues(context: TurnContext): Promise<Person[]>;
    card(context: TurnContext, ticket: Ticket, notice?: string, colleagues?: Person[]): Promise<Attachment>;
}

export interface StaffActionDependencies {
    tickets: TicketService;
    messenger: StaffCardSource;
    staffChannels: StaffChannelRegistry;
    translator: Translator;
    profile: InstitutionProfile;
    logger: Logger;
}

const text = (data: StaffActionData) => data.text ?? '';

/** verb → the ticket event it means; one small table instead of a chain of ifs. */
const EVENTS: Record<StaffVerb, (actor: Person, data: StaffActionData, assignee?: Person) => TicketEvent | undefined> = {
    claim: (actor) => ({ type: 'claim', actor }),
    assign: (actor, _data, assignee) => (assignee ? { type: 'assign', actor, assignee } : undefined),
    reply: (actor, data) => ({ type: 'reply', actor, text: text(data) }),
    ask: (actor, data) => ({ type: 'ask', actor, text: text(data) }),
    resolve: (actor, data) => ({ type: 'resolve', actor, text: text(data) }),
    reopen: (actor) => ({ type: 'reopen', actor }),
};


/**
 * Answers a staff click on a ticket card (Universal Actions): only from the staff team, then
 * the change, then the refreshed card — which replaces the card for everyone in the thread.
 */
export async function handleStaffAction(context: TurnContext, verb: StaffVerb, invoke: AdaptiveCardInvokeValue, deps: StaffActionDependencies): Promise<AdaptiveCardInvokeResponse> {
    const speaker = languageSpeaker(deps.translator, deps.profile, deps.profile.staffLanguage);
    const errorResponse = (code: StaffActionRefusal): AdaptiveCardInvokeResponse => ({
        statusCode: STAFF_ACTION_REFUSALS[code], type: 'application/vnd.microsoft.error', value: { code, message: speaker.say(`tickets.errors.${code}`) },
    });
    const parsed = staffActionDataSchema.safeParse(invoke.action.data);
    const from = context.activity.from as { id: string; name?: string; aadObjectId?: string };
    if (!deps.staffChannels.isStaffTeam(context)) {
        deps.logger.warn('staff action refused: not from the staff team', { verb, channelId: context.activity.channelId, userId: from.id });
        return errorResponse('forbidden');
    }
    if (!parsed.success) return errorResponse('badRequest');
    const data = parsed.data;
    const actor: Person = { id: from.aadObjectId ?? from.id, name: from.name ?? from.id };
    // Looked up once for an assignment: to check the assignee, then for the refreshed card.
    const colleagues = verb === 'assign' ? await deps.messenger.colleagues(context) : undefined;
    const assignee = data.assigneeId !== undefined ? colleagues?.find((person) => person.id === data.assigneeId) : undefined;
    const event = EVENTS[verb](actor, data, assignee);
    if (!event) return errorResponse('unknownColleague');
    const result = await deps.tickets.act(data.ticketId, event);
    if (!result.ticket) return errorResponse('notFound');
    const notice = result.refused
        ? speaker.say(`tickets.refusals.${result.refused.reason}`, { by: 'by' in result.refused ? result.refused.by.name : '' })
        : undefined;
    const card = await deps.messenger.card(context, result.ticket, notice, colleagues);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
}
