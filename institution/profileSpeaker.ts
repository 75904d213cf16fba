import type { Translator } from '../core/i18n';
import type { Language } from '../core/language';
import { createSpeaker, type Speaker } from '../core/speaker';
import { profileTextValues, type InstitutionProfile } from './institutionProfile';

/** Text in one language with the institution's facts ({{libraryEmail}}, …) filled in. */
export function languageSpeaker(translator: Translator, profile: InstitutionProfile, language: Language): Speaker {
    return createSpeaker(translator, language, profileTextValues(profile, language));
}
