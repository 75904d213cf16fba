import * as path from 'path';
import { z } from 'zod';
import { ConfigurationError } from './errors';
import { fromRoot, projectRoot } from './projectPaths';

const optionalText = z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

// "true"/"false"; empty (as a copied .env.example leaves it) = unset.
const optionalFlag = z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), z.enum(['true', 'false']).optional());
const flag = optionalFlag.transform((value) => value === 'true');
/** An address browsers open: http or https only. */
const webUrl = z
    .string()
    .url()
    .refine((value) => /^https?:$/.test(new URL(value).protocol), { message: 'Invalid URL: only http and https are accepted' });

const environmentSchema = z.object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    DATA_DIR: z.string().default('./data'),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: optionalText,
    MicrosoftAppTenantId: optionalText,
    COSMOS_ENDPOINT: optionalText,
    COSMOS_KEY: optionalText,
    COSMOS_DATABASE: optionalText,
    // Off for the Cosmos DB emulator and local test servers, which advertise no reachable regions.
    COSMOS_ENDPOINT_DISCOVERY: z
        .enum(['true', 'false'])
        .default('true')
        .transform((value) => value === 'true'),
    // KVKK: closed tickets and idle conversation/user state are deleted after this many days.
    DATA_RETENTION_DAYS: z.coerce.number().positive().default(365),
    STAFF_TEAM_ID: optionalText,
    DIRECT_LINE_SECRET: optionalText,
    // The bot's own Direct Line endpoint: on in local mode, off with Bot Framework credentials unless set to true.
    LOCAL_DIRECT_LINE: optionalFlag,
    // Local mode listens on loopback only; true widens it to every interface (loudly logged).
    LISTEN_ALL_INTERFACES: flag,
    // How many reverse proxies in front of the bot append to X-Forwarded-For (App Service: 1); 0 = the socket address.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Regional Direct Line services (and tests) use another base URL than the global one.
    DIRECT_LINE_ENDPOINT: z.string().url().default('https://directline.botframework.com/v3/directline'),
    INSTITUTION_PROFILE: z.string().default('institution/profile.json'),
    RESUME_AFTER_MINUTES: z.coerce.number().min(0).default(60),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    SMTP_URL: optionalText,
    // Where people's browsers reach the bot (https://bot.example.edu.tr): links in reminder e-mails point there.
    PUBLIC_BASE_URL: optionalText.pipe(webUrl.optional()),
    TICKET_EMAIL_TO: optionalText,
    TICKET_EMAIL_FROM: optionalText,
    REMINDER_UNCLAIMED_WORKING_HOURS: z.coerce.number().positive().default(4),
    REMINDER_WAITING_WORKING_DAYS: z.coerce.number().positive().default(2),
    WORKING_HOURS: z
        .string()
        .regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/)
        .default('08:30-17:30'),
    WORKING_TIME_ZONE: z.string().default('Europe/Istanbul'),
    // Insights for the library: a guided flow idle this many days counts as left at its last step.
    INSIGHTS_IDLE_DAYS: z.coerce.number().positive().default(14),
    // The key of the monthly-rotating visitor hash (counts people in the funnel); keep it secret. Unset: a random key per process.
    INSIGHTS_HASH_KEY: optionalText,
});

type Environment = z.infer<typeof environmentSchema>;

export interface BotConfig extends Environment {
    /** No Bot Framework credentials: local mode, no authentication, loopback only. */
    localMode: boolean;
    /** The addresses to listen on; undefined = every interface. */
    listenHosts: string[] | undefined;
    /** The bot serves its own Direct Line endpoint (web chat without Azure). */
    localDirectLine: boolean;
    dataDir: string;
    institutionProfilePath: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
    const parsed = environmentSchema.safeParse(env);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        throw new ConfigurationError(`Invalid configuration: ${problems}`);
    }
    const values = parsed.data;
    checkCredentials(env, values);
    const localMode = !values.MicrosoftAppId;
    return {
        ...values,
        localMode,
        listenHosts: localMode && !values.LISTEN_ALL_INTERFACES ? [...LOOPBACK_HOSTS] : undefined,
        localDirectLine: !values.DIRECT_LINE_SECRET && (values.LOCAL_DIRECT_LINE ? values.LOCAL_DIRECT_LINE === 'true' : localMode),
        dataDir: path.resolve(projectRoot, values.DATA_DIR),
        institutionProfilePath: path.isAbsolute(values.INSTITUTION_PROFILE) ? values.INSTITUTION_PROFILE : fromRoot(values.INSTITUTION_PROFILE),
    };
}

const LOOPBACK_HOSTS = ['127.0.0.1', '::1'] as const;

const CREDENTIAL_NAMES = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'] as const;
// Teams Toolkit's names for the same credentials: set instead of botbuilder's, they would switch authentication off.
const TOOLKIT_NAMES = ['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_TYPE'];
const squeezed = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');
const SQUEEZED_CREDENTIALS = CREDENTIAL_NAMES.map(squeezed);
const SQUEEZED_TOOLKIT = TOOLKIT_NAMES.map(squeezed);

/** Edit distance, for telling a typo of a credential name from an unrelated variable. */
function distance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/** A set variable whose name looks like a credential but is not spelt as botbuilder reads it. */
export function misspeltCredentialNames(env: NodeJS.ProcessEnv): string[] {
    return Object.keys(env)
        .filter((name) => {
            if ((CREDENTIAL_NAMES as readonly string[]).includes(name) || !env[name]?.trim()) return false;
            const candidate = squeezed(name);
            return SQUEEZED_TOOLKIT.includes(candidate) || candidate.startsWith('microsoftapp') || SQUEEZED_CREDENTIALS.some((known) => distance(candidate, known) <= 2);
        })
        .sort();
}

/**
 * Authentication is off only when no credential is set at all: half-set or misspelt credentials
 * would switch it off by accident, so they stop the start.
 */
function checkCredentials(env: NodeJS.ProcessEnv, values: Environment): void {
    const misspelt = misspeltCredentialNames(env);
    if (misspelt.length > 0) {
        throw new ConfigurationError(`Misspelt Bot Framework credentials: ${misspelt.join(', ')} (the bot reads ${CREDENTIAL_NAMES.join(', ')}). Rename them, or remove them for local mode.`);
    }
    const { MicrosoftAppId: id, MicrosoftAppPassword: password, MicrosoftAppType: type, MicrosoftAppTenantId: tenant } = values;
    if (!id) {
        const stray = CREDENTIAL_NAMES.filter((name) => values[name]);
        if (stray.length > 0) throw new ConfigurationError(`Half-set Bot Framework credentials: ${stray.join(', ')} set without MicrosoftAppId. Set MicrosoftAppId too, or remove them for local mode.`);
        return;
    }
    // botbuilder reads the type case-insensitively and treats anything unknown as MultiTenant: a typo there is refused too.
    const appType = (type ?? 'MultiTenant').toLowerCase();
    if (!['multitenant', 'singletenant', 'userassignedmsi'].includes(appType)) {
        throw new ConfigurationError(`MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI, not "${type}".`);
    }
    if (appType === 'userassignedmsi' && password) {
        throw new ConfigurationError('MicrosoftAppType is UserAssignedMSI: MicrosoftAppPassword must not be set (a managed identity has none).');
    }
    const missing = [...(appType !== 'userassignedmsi' && !password ? ['MicrosoftAppPassword'] : []), ...(appType !== 'multitenant' && !tenant ? ['MicrosoftAppTenantId'] : [])];
    if (missing.length > 0) throw new ConfigurationError(`Half-set Bot Framework credentials: MicrosoftAppId is set (${type ?? 'MultiTenant'}) but ${missing.join(', ')} is not.`);
}
