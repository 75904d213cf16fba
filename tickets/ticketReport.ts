import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import type { FailedNotice, HistoryEntry, Ticket, TicketDetails } from './ticket';

/** Renders tickets as plain-text tables for the terminal (`npm run tickets`). */
export interface TicketReport {
    list(tickets: readonly Ticket[]): string;
    /** The ticket with its whole history, and the notices about it the outbox gave up on. */
    detail(ticket: Ticket, failed?: readonly FailedNotice[]): string;
    /** The notices the outbox gave up on, with their ticket's number; empty when there are none. */
    failures(failed: readonly { number?: number; notice: FailedNotice }[]): string;
}

/**
 * What users and staff typed reaches the operator's terminal: escape sequences (colours, cursor
 * moves, window titles, OSC 8 links), other control characters and bidirectional overrides are
 * removed, so a ticket cannot rewrite the screen or disguise its text. Line breaks become spaces.
 */
export function terminalSafe(text: string): string {
    let safe = '';
    let i = 0;
    let lineBreak = false;
    while (i < text.length) {
        const code = text.charCodeAt(i);
        if (code === ESC || code === CSI || code === OSC) {
            i = afterEscape(text, i);
            continue;
        }
        if (code === 0x0a || code === 0x0d || code === 0x09) {
            if (!lineBreak) safe += ' ';
            lineBreak = true;
            i++;
            continue;
        }
        i++;
        if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || INVISIBLE_DIRECTION.has(code)) continue;
        safe += text[i - 1];
        lineBreak = false;
    }
    return safe;
}

const ESC = 0x1b;
const BEL = 0x07;
/** The one-character (C1) forms of ESC [ and ESC ], and the string terminator. */
const CSI = 0x9b;
const OSC = 0x9d;
const ST = 0x9c;
/** Bidirectional embeddings, overrides, isolates and marks: they can make text read backwards. */
const INVISIBLE_DIRECTION = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** Where the escape sequence starting at `start` ends: CSI (colours, cursor), OSC/DCS/APC/PM strings (titles, links), or ESC + one character. */
function afterEscape(text: string, start: number): number {
    const first = text.charCodeAt(start);
    let i = start + 1;
    let kind = first === CSI ? '[' : first === OSC ? ']' : '';
    if (first === ESC) {
        kind = text[i] ?? '';
        i++;
    }
    if (kind === '[') {
        while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
        while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
        if (i < text.length && text.charCodeAt(i) >= 0x40 && text.charCodeAt(i) <= 0x7e) i++;
        return i;
    }
    if (kind === ']' || kind === 'P' || kind === '_' || kind === '^' || kind === 'X') {
        while (i < text.length) {
            const code = text.charCodeAt(i);
            if (code === BEL || code === ST) return i + 1;
            if (code === ESC) return text[i + 1] === '\\' ? i + 2 : i;
            i++;
        }
    }
    return i;
}

const DETAIL_FIELDS = ['fullName', 'unit', 'title', 'email', 'otherInstitutionSignatures', 'question'] as const satisfies readonly (keyof TicketDetails)[];

const width = (text: string) => [...text].length;

/** Columns padded to their widest cell, the header underlined. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
    const widths = header.map((title, column) => Math.max(width(title), ...rows.map((row) => width(row[column]))));
    const render = (cells: readonly string[]) =>
        cells
            .map((cell, column) => cell + ' '.repeat(widths[column] - width(cell)))
            .join('  ')
            .trimEnd();
    return [render(header), render(widths.map((size) => '-'.repeat(size))), ...rows.map(render)].join('\n');
}

/** `table` over cells that may hold anyone's text: each is made safe for the terminal first. */
function safeTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
    return table(
        header.map(terminalSafe),
        rows.map((row) => row.map(terminalSafe)),
    );
}

/** "2026-11-27 12:05" in the library's time zone: sortable, and the same in every language. */
export function localTimestamp(at: number, timeZone: string): string {
    const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
        })
            .formatToParts(at)
            .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export function createTicketReport(translator: Translator, language: Language, timeZone: string): TicketReport {
    const t = (key: string, values?: Record<string, unknown>) => translator.t(language, key, values);
    const line = (label: string, value: string) => t('cli.line', { label: t(`cli.labels.${label}`), value: terminalSafe(value) });
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
        [entry.assignee ? t('cli.assignedTo', { name: entry.assignee.name }) : '', entry.text ?? ''].filter(Boolean).join(' '),
    ];

    const failedLine = (number: number | undefined, notice: FailedNotice) =>
        terminalSafe(
            t('cli.failedNotice', {
                number: number ?? '?',
                target: t(`cli.noticeTargets.${notice.target}`),
                at: when(notice.failedAt),
                attempts: notice.attempts,
                failure: notice.failure,
            }),
        );
    const failures = (failed: readonly { number?: number; notice: FailedNotice }[]) =>
        failed.length === 0 ? '' : [t('cli.sections.failedNotices'), ...failed.map(({ number, notice }) => failedLine(number, notice))].join('\n');

    return {
        list(tickets) {
            if (tickets.length === 0) return t('cli.noTickets');
            const columns = ['number', 'kind', 'status', 'requester', 'assignee', 'created', 'lastChange'].map((column) => t(`cli.columns.${column}`));
            return safeTable(
                columns,
                tickets.map((ticket) => [
                    String(ticket.number),
                    t(`cli.kinds.${ticket.kind}`),
                    t(`cli.statuses.${ticket.status}`),
                    ticket.requester.name,
                    ticket.assignee?.name ?? nobody,
                    when(ticket.createdAt),
                    when(ticket.updatedAt),
                ]),
            );
        },
        failures,
        detail(ticket, failed = []) {
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
                safeTable(history, ticket.history.map(historyRow)),
                ...(failed.length > 0 ? ['', failures(failed.map((notice) => ({ number: ticket.number, notice })))] : []),
            ].join('\n');
        },
    };
}
