import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import type { HistoryEntry, Ticket, TicketDetails } from './ticket';

/** Renders tickets as plain-text tables for the terminal (`npm run tickets`). */
export interface TicketReport {
    list(tickets: readonly Ticket[]): string;
    detail(ticket: Ticket): string;
}

const DETAIL_FIELDS = ['fullName', 'unit', 'title', 'email', 'otherInstitutionSignatures', 'question'] as const satisfies readonly (keyof TicketDetails)[];

const width = (text: string) => [...text].length;

/** Columns padded to their widest cell, the header underlined. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]))));
    const render = (cells: readonly string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column] - width(cell))).join('  ').trimEnd();
    return [render(header), render(widths.map((size) => '-'.repeat(size))), ...rows.map(render)].join('\n');
}

/** "2026-11-27 12:05" in the library's time zone: sortable, and the same in every language. */
export function localTimestamp(at: number, timeZone: string): string {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
        timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    }).formatToParts(at).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function createTicketReport(translator: Translator, language: Language, timeZone: string): TicketReport {
    const t = (key: string, values?: Record<string, unknown>) => translator.t(language, key, values);
    const line = (label: string, value: string) => t('cli.line', { label: t(`cli.labels.${label}`), value });
    const when = (at: number) => localTimestamp(at, timeZone);
    const nobody = t('cli.nobody');

    function detailLines(details: TicketDetails): string[] {
        const lines = DETAIL_FIELDS.filter((key) => details[key]).map((key) => line(key, details[key] ?? ''));
        if (details.applicationKind) lines.push(line('applicationKind', t(`cli.applicationKinds.${details.applicationKind}`)));
        if (details.stepId) lines.push(line('step', translator.has(language, `steps.${details.stepId}.title`) ? t(`steps.${details.stepId}.title`) : details.stepId));
        return lines;
    }

    const historyRow = (entry: HistoryEntry) => [
        when(entry.at),
        t('cli.actor', { name: entry.actor.name, role: t(`cli.roles.${entry.actor.role}`) }),
        t(`cli.actions.${entry.action}`),
        [entry.assignee ? t('cli.assignedTo', { name: entry.assignee.name }) : '', entry.text ?? ''].filter(Boolean).join(' ').replace(/\s*\n\s*/g, ' '),
    ];

    return {
        list(tickets) {
            if (tickets.length === 0) return t('cli.noTickets');
            const columns = ['number', 'kind', 'status', 'requester', 'assignee', 'created', 'lastChange'].map((column) => t(`cli.columns.${column}`));
            return table(columns, tickets.map((ticket) => [
                String(ticket.number),
                t(`cli.kinds.${ticket.kind}`),
                t(`cli.statuses.${ticket.status}`),
                ticket.requester.name,
                ticket.assignee?.name ?? nobody,
                when(ticket.createdAt),
                when(ticket.updatedAt),
            ]));
        },
        detail(ticket) {
            const { requester } = ticket;
            const details = detailLines(ticket.details);
            const history = ['time', 'actor', 'action', 'note'].map((column) => t(`cli.columns.${column}`));
            return [
                t('cli.heading', { number: ticket.number, kind: t(`cli.kinds.${ticket.kind}`), status: t(`cli.statuses.${ticket.status}`) }),
                line('requester', requester.email ? t('cli.person', { name: requester.name, email: requester.email }) : requester.name),
                line('assignee', ticket.assignee?.name ?? nobody),
                line('created', when(ticket.createdAt)),
                line('lastChange', when(ticket.updatedAt)),
                ...(details.length > 0 ? ['', t('cli.sections.details'), ...details] : []),
                '',
                t('cli.sections.history'),
                table(history, ticket.history.map(historyRow)),
            ].join('\n');
        },
    };
}
