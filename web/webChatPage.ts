import * as fs from 'fs';
import type { Translator } from '../core/i18n';
import { DEFAULT_LANGUAGE, LANGUAGES, LOCALE_OF, otherLanguage, type Language } from '../core/language';
import { fromRoot } from '../core/projectPaths';
import { profileTextValues, type InstitutionProfile } from '../institution/institutionProfile';
import { InternalError } from '../core/errors';

export interface WebChatTheme {
    page: { brand: string; brandText: string; background: string; surface: string; text: string; muted: string; focus: string; chosen: string };
    styleOptions: Record<string, unknown>;
}

/** How the page gets its Direct Line token: the local endpoint, or the bot's production token endpoint. */
export interface TokenSource {
    tokenUrl: string;
    /** Direct Line base URL the widget talks to; absent = this page's own origin. */
    directLineDomain?: string;
}

export interface PageInputs {
    language: Language;
    translator: Translator;
    profile: InstitutionProfile;
    theme: WebChatTheme;
    tokenSource: TokenSource;
    bundleUrl: string;
}

/** Texts of the page around the widget; the script swaps them when the chat changes language. */
const PAGE_TEXT_KEYS = [
    'pageTitle',
    'siteName',
    'assistantName',
    'tagline',
    'privacyNote',
    'switchLanguage',
    'switchLanguageLabel',
    'chatLabel',
    'keyboardTitle',
    'keyboardHelp',
    'chosen',
    'connectError',
] as const;
/** Only in the HTML the server sends (before the script runs, or without it). */
const STATIC_TEXT_KEYS = ['loading', 'noScript'] as const;
/**
 * Web Chat's own strings that `locales/<lang>/web.json` words better (under `webChat`), passed as
 * `overrideLocalizedStrings`: its Turkish calls the input "İleti gelen kutusu" (message inbox).
 */
const WEB_CHAT_STRING_KEYS = [
    'TEXT_INPUT_ALT',
    'TEXT_INPUT_PLACEHOLDER',
    'TEXT_INPUT_SEND_BUTTON_ALT',
    'ACTIVITY_BOT_SAID_ALT',
    'ACTIVITY_BOT_ATTACHED_ALT',
    'ACTIVITY_YOU_SAID_ALT',
    'ACTIVITY_NUM_ATTACHMENTS_ONE_ALT',
    'ACTIVITY_NUM_ATTACHMENTS_TWO_ALT',
    'ACTIVITY_NUM_ATTACHMENTS_FEW_ALT',
    'ACTIVITY_NUM_ATTACHMENTS_MANY_ALT',
    'ACTIVITY_NUM_ATTACHMENTS_OTHER_ALT',
    'ACTIVITY_INTERACTIVE_FOOTNOTE_ALT',
    'ACTIVITY_INTERACTIVE_REASON_INTERACTIVE_CONTENT_ALT',
    'ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT',
    'TRANSCRIPT_LIVE_REGION_INTERACTIVE_LABEL_ALT',
    'TRANSCRIPT_LIVE_REGION_INTERACTIVE_WITH_LINKS_LABEL_ALT',
    'KEYBOARD_HELP_CHAT_WINDOW_BODY_MOVE_BETWEEN_ITEMS_BODY',
    'KEYBOARD_HELP_CHAT_HISTORY_MOVE_BETWEEN_ITEMS_BODY',
    'KEYBOARD_HELP_CHAT_HISTORY_ACCESS_ITEMS_IN_MESSAGE_HEADER',
    'KEYBOARD_HELP_CHAT_HISTORY_MOVE_BETWEEN_ITEMS_HEADER',
    'KEYBOARD_HELP_CHAT_HISTORY_LEAVE_MESSAGE_BODY',
] as const;

/** One language of the page, as its script receives it. */
export interface PageLanguage {
    locale: string;
    initials: string;
    texts: Record<(typeof PAGE_TEXT_KEYS)[number], string>;
    webChatStrings: Record<(typeof WEB_CHAT_STRING_KEYS)[number], string>;
}

let template: string | undefined;

export function languageFromQuery(value: string | undefined): Language {
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : DEFAULT_LANGUAGE;
}

/** The page around the widget; every sentence comes from `locales/<lang>/web.json`. */
export function renderWebChatPage({ language, translator, profile, theme, tokenSource, bundleUrl }: PageInputs): string {
    template ??= fs.readFileSync(fromRoot('web', 'public', 'page.html'), 'utf8');
    const languages = Object.fromEntries(LANGUAGES.map((each) => [each, pageLanguage(each, translator, profile)])) as Record<Language, PageLanguage>;
    const shown = languages[language];
    const other = otherLanguage(language);
    const config = {
        language,
        tokenUrl: tokenSource.tokenUrl,
        directLineDomain: tokenSource.directLineDomain ?? null,
        styleOptions: theme.styleOptions,
        languages,
    };
    const staticText = (key: string) => translator.t(language, `web.${key}`, profileTextValues(profile, language));
    const slots: Record<string, string> = {
        ...Object.fromEntries(Object.entries(shown.texts).map(([key, value]) => [key, escapeHtml(value)])),
        ...Object.fromEntries(STATIC_TEXT_KEYS.map((key) => [key, escapeHtml(staticText(key))])),
        htmlLang: language,
        switchLang: other,
        switchHref: `?lang=${other}`,
        initials: escapeHtml(shown.initials),
        themeVariables: escapeHtml(cssVariables(theme.page)),
        bundleUrl: escapeHtml(bundleUrl),
        // `<` escaped so no value can close the script element it sits in.
        configJson: JSON.stringify(config).replace(/</g, '\\u003c'),
    };
    return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
        const value = slots[name];
        if (value === undefined) throw new InternalError(`page.html uses an unknown slot {{${name}}}`);
        return value;
    });
}

/** Everything the page shows in one language, so it can follow the chat into the other without a reload. */
export function pageLanguage(language: Language, translator: Translator, profile: InstitutionProfile): PageLanguage {
    const values = profileTextValues(profile, language);
    const text = (key: string) => translator.t(language, `web.${key}`, values);
    return {
        locale: LOCALE_OF[language],
        initials: initialsOf(profile.name[language], LOCALE_OF[language]),
        texts: Object.fromEntries(PAGE_TEXT_KEYS.map((key) => [key, text(key)])) as PageLanguage['texts'],
        webChatStrings: Object.fromEntries(WEB_CHAT_STRING_KEYS.map((key) => [key, text(`webChat.${key}`)])) as PageLanguage['webChatStrings'],
    };
}

function initialsOf(name: string, locale: string): string {
    return name
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 3)
        .map((word) => word[0].toLocaleUpperCase(locale))
        .join('');
}

function cssVariables(page: WebChatTheme['page']): string {
    return Object.entries(page)
        .map(([name, value]) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${value};`)
        .join(' ');
}

function escapeHtml(value: string): string {
    return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
