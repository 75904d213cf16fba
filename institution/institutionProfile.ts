import * as fs from 'fs';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../core/language';
import { InstitutionProfileError } from '../core/errors';

const bilingual = z.object({ tr: z.string().min(1), en: z.string().min(1) });
export const PAYMENT_CHANNELS = ['branch', 'internet', 'mobile', 'atm', 'callCentre'] as const;

const profileSchema = z
    .object({
        id: z.string().min(1),
        name: bilingual,
        formInstitutionName: z.string().min(1),
        institutionalEmailDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i),
        deliveryCity: z.string().min(1),
        /** The language of the library's staff: ticket cards, thread messages, e-mails. */
        staffLanguage: z.enum(LANGUAGES),
        /** For the dates and times staff and users read. */
        timeZone: z.string().min(1),
        /**
         * How many months before the expiry month a renewal reminder comes: well before a renewal goes
         * into production (`kamusm.renewalProductionMonthsBeforeExpiry`), so the application is done
         * while the certificate still allows "e-İmza" login and approval. The library may set another.
         */
        renewalReminderMonthsBeforeExpiry: z.number().int().min(1).max(12).default(4),
        library: z.object({
            name: bilingual,
            phone: z.string().min(1),
            extension: z.string().min(1),
            mobile: z.string().min(1),
            shortCode: z.string().min(1),
            email: z.string().email(),
        }),
        fees: z.object({ paidByInstitutionFor: bilingual, userPaysWhen: bilingual }),
        /** The Teams app: its stable id and the pages Teams links to from the app's details. */
        teamsApp: z.object({ appId: z.string().uuid(), websiteUrl: z.string().url(), privacyUrl: z.string().url(), termsOfUseUrl: z.string().url() }),
        kamusm: z.object({
            name: z.string().min(1),
            onlineServicesUrl: z.string().url(),
            websiteUrl: z.string().url(),
            paymentReceiptEmail: z.string().email(),
            formDeliveryAddress: z.array(z.string().min(1)).min(1),
            smsCountdownSeconds: z.number().int().positive(),
            renewalProductionMonthsBeforeExpiry: z.number().int().positive(),
            paymentBanks: z.array(z.object({ name: z.string().min(1), channels: z.array(z.enum(PAYMENT_CHANNELS)) })).min(1),
        }),
    })
    .refine((profile) => profile.renewalReminderMonthsBeforeExpiry > profile.kamusm.renewalProductionMonthsBeforeExpiry, {
        message: 'the renewal reminder must come before a renewal goes into production',
        path: ['renewalReminderMonthsBeforeExpiry'],
    });

export type InstitutionProfile = z.infer<typeof profileSchema>;

/** Validated at start-up: a typo in a contact must stop the bot, not reach a user. */
export function loadInstitutionProfile(file: string): InstitutionProfile {
    let raw: unknown;
    try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        throw new InstitutionProfileError(`Cannot read institution profile ${file}: ${(error as Error).message}`);
    }
    const parsed = profileSchema.safeParse(raw);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        throw new InstitutionProfileError(`Invalid institution profile ${file}: ${problems}`);
    }
    return parsed.data;
}

/** Values every locale string may interpolate: `{{libraryEmail}}`, `{{institutionName}}`, … */
export function profileTextValues(profile: InstitutionProfile, language: Language): Record<string, string> {
    return {
        institutionName: profile.name[language],
        formInstitutionName: profile.formInstitutionName,
        emailDomain: profile.institutionalEmailDomain,
        deliveryCity: profile.deliveryCity,
        libraryName: profile.library.name[language],
        libraryPhone: profile.library.phone,
        libraryExtension: profile.library.extension,
        libraryMobile: profile.library.mobile,
        libraryShortCode: profile.library.shortCode,
        libraryEmail: profile.library.email,
        feePaidFor: profile.fees.paidByInstitutionFor[language],
        feeUserPaysWhen: profile.fees.userPaysWhen[language],
        kamusmName: profile.kamusm.name,
        kamusmOnlineUrl: profile.kamusm.onlineServicesUrl,
        kamusmWebsiteUrl: profile.kamusm.websiteUrl,
        paymentReceiptEmail: profile.kamusm.paymentReceiptEmail,
        formDeliveryAddress: profile.kamusm.formDeliveryAddress.join(', '),
        smsCountdownSeconds: String(profile.kamusm.smsCountdownSeconds),
        renewalMonths: String(profile.kamusm.renewalProductionMonthsBeforeExpiry),
        renewalLeadMonths: String(profile.renewalReminderMonthsBeforeExpiry),
        paymentBanks: profile.kamusm.paymentBanks.map((bank) => bank.name).join(' / '),
    };
}
