import type * as restify from 'restify';
import { EMAIL_LINK_ACTIONS, EMAIL_LINK_ROUTE, type EmailLinkAction } from '../core/emailLinks';
import type { Translator } from '../core/i18n';
import { LANGUAGES, type Language } from '../core/language';
import type { Logger } from '../core/logger';

/** What a link's page needs to know of its reminder; undefined when the link names none (any more). */
export interface EmailLinkTarget {
    language: Language;
    email: string;
    /** The certificate's expiry month, written for people. */
    expiry: string;
}

/** The reminders behind the links, from the domain: what a link names, and doing what it says. */
export interface EmailLinkHandlers {
    look(action: EmailLinkAction, reminderId: string, key: string): Promise<EmailLinkTarget | undefined>;
    follow(action: EmailLinkAction, reminderId: string, key: string): Promise<EmailLinkTarget | undefined>;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
/** Each action's sentences: the confirmation ones under renewalReminders, the stop ones under email. */
const KEYS: Record<EmailLinkAction, string> = { confirm: 'renewalReminders.emailConfirm', stop: 'email.unsubscribe' };

/** The headers of every page: nothing cached, the URL (it holds the key) sent nowhere, no script, no frame. */
const HEADERS = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};

function page(language: Language, title: string, paragraphs: string[], button?: string): string {
    const form = button ? `<form method="post"><button type="submit">${escape(button)}</button></form>` : '';
    return (
        `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
        + `<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}`
        + 'button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:1px solid #555;background:#1f4e79;color:#fff;cursor:pointer}</style></head>'
        + `<body><h1>${escape(title)}</h1>${paragraphs.map((text) => `<p>${escape(text)}</p>`).join('')}${form}</body></html>`
    );
}

/**
 * The pages behind the links in renewal reminder e-mails. Opening a link only shows what it would
 * do, with a button: mail scanners open every link in an e-mail, and must neither confirm an
 * address nor stop its reminders. The button posts back (no body) and the action is done.
 */
export function registerEmailLinkPages(server: restify.Server, deps: { translator: Translator; links: EmailLinkHandlers; logger: Logger }): void {
    const { translator, links } = deps;
    const send = (res: restify.Response, status: number, html: string) => {
        res.writeHead(status, HEADERS);
        res.end(html);
    };
    const invalid = (res: restify.Response) => {
        // The link names nothing: the page cannot know the user's language, so it speaks both.
        const paragraphs = LANGUAGES.map((language) => translator.t(language, 'email.links.invalid'));
        send(res, 404, page('tr', LANGUAGES.map((language) => translator.t(language, 'email.links.invalidTitle')).join(' / '), paragraphs));
    };
    const params = (req: restify.Request) => {
        const { action, reminderId, key } = req.params as Record<string, string | undefined>;
        return (EMAIL_LINK_ACTIONS as readonly string[]).includes(action ?? '') && reminderId && key ? { action: action as EmailLinkAction, reminderId, key } : undefined;
    };
    const handle = (run: (res: restify.Response, link: { action: EmailLinkAction; reminderId: string; key: string }) => Promise<void>) => async (req: restify.Request, res: restify.Response) => {
        const link = params(req);
        if (!link) return invalid(res);
        try {
            await run(res, link);
        } catch (error) {
            deps.logger.error('a reminder e-mail link failed', { action: link.action, error: (error as Error).message });
            if (!res.headersSent) send(res, 503, page('tr', translator.t('tr', 'errors.storeUnavailable'), [translator.t('en', 'errors.storeUnavailable')]));
        }
    };

    server.get(
        EMAIL_LINK_ROUTE,
        handle(async (res, { action, reminderId, key }) => {
            const target = await links.look(action, reminderId, key);
            if (!target) return invalid(res);
            const t = (name: string) => translator.t(target.language, `${KEYS[action]}.${name}`, { email: target.email, expiry: target.expiry });
            send(res, 200, page(target.language, t('pageTitle'), [t('pageText')], t('button')));
        }),
    );

    server.post(
        EMAIL_LINK_ROUTE,
        handle(async (res, { action, reminderId, key }) => {
            const target = await links.follow(action, reminderId, key);
            if (!target) return invalid(res);
            const t = (name: string) => translator.t(target.language, `${KEYS[action]}.${name}`, { email: target.email, expiry: target.expiry });
            send(res, 200, page(target.language, t('pageTitle'), [t('done')]));
        }),
    );
}
