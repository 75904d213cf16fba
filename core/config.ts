import * as path from 'path';
import { z } from 'zod';
import { ConfigurationError } from './errors';
import { fromRoot, projectRoot } from './projectPaths';

const optionalText = z
    .string()
    .optional()
    .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

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
    COSMOS_ENDPOINT_DISCOVERY: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
    // KVKK: closed tickets and idle conversation/user state are deleted after this many days.
    DATA_RETENTION_DAYS: z.coerce.number().positive().default(365),
    STAFF_TEAM_ID: optionalText,
    DIRECT_LINE_SECRET: optionalText,
    // Regional Direct Line services (and tests) use another base URL than the global one.
    DIRECT_LINE_ENDPOINT: z.url().default('https://directline.botframework.com/v3/directline'),
    INSTITUTION_PROFILE: z.string().default('institution/profile.json'),
    RESUME_AFTER_MINUTES: z.coerce.number().min(0).default(60),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    SMTP_URL: optionalText,
    TICKET_EMAIL_TO: optionalText,
    TICKET_EMAIL_FROM: optionalText,
    REMINDER_UNCLAIMED_WORKING_HOURS: z.coerce.number().positive().default(4),
    REMINDER_WAITING_WORKING_DAYS: z.coerce.number().positive().default(2),
    WORKING_HOURS: z.string().regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/).default('08:30-17:30'),
    WORKING_TIME_ZONE: z.string().default('Europe/Istanbul'),
});

export type Environment = z.infer<typeof environmentSchema>;

export interface BotConfig extends Environment {
    /** No Bot Framework credentials: local mode, no authentication. */
    localMode: boolean;
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
    return {
        ...values,
        localMode: !values.MicrosoftAppId,
        dataDir: path.resolve(projectRoot, values.DATA_DIR),
        institutionProfilePath: path.isAbsolute(values.INSTITUTION_PROFILE)
            ? values.INSTITUTION_PROFILE
            : fromRoot(values.INSTITUTION_PROFILE),
    };
}
