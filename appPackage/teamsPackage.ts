import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';
import { fromRoot } from '../core/projectPaths';
import type { InstitutionProfile } from '../institution/institutionProfile';
import { InternalError } from '../core/errors';

/** The manifest schema the package is written for, shipped by `@microsoft/app-manifest`. */
const MANIFEST_SCHEMA_VERSION = 'v1.24';
const ICON_SIZES: Record<string, number> = { 'color.png': 192, 'outline.png': 32 };

export interface PackageInputs {
    /** The Azure Bot's app id (`MicrosoftAppId`). */
    botId: string;
    /** The host name the bot answers on, e.g. `eimza.azurewebsites.net`. */
    botDomain: string;
    version: string;
    profile: InstitutionProfile;
}

export interface TeamsPackage {
    files: Record<string, Uint8Array>;
    manifest: Record<string, unknown>;
    problems: string[];
}

function schema(name: string): object {
    const root = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
    return JSON.parse(fs.readFileSync(path.join(root, 'build', 'json-schemas', 'teams', MANIFEST_SCHEMA_VERSION, name), 'utf8')) as object;
}

function fill(template: string, values: Record<string, string>): string {
    return template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
        if (!(name in values)) throw new InternalError(`appPackage: no value for ${whole}`);
        return JSON.stringify(values[name]).slice(1, -1);
    });
}

/** A PNG's size, from its IHDR chunk. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Fills the manifest, validates it and its localization against the JSON schemas, and zips it. */
export function buildTeamsPackage(inputs: PackageInputs): TeamsPackage {
    const manifestText = fill(fs.readFileSync(fromRoot('appPackage', 'manifest.template.json'), 'utf8'), {
        APP_VERSION: inputs.version,
        TEAMS_APP_ID: inputs.profile.teamsApp.appId,
        MicrosoftAppId: inputs.botId,
        BOT_DOMAIN: inputs.botDomain,
        WEBSITE_URL: inputs.profile.teamsApp.websiteUrl,
        PRIVACY_URL: inputs.profile.teamsApp.privacyUrl,
        TERMS_URL: inputs.profile.teamsApp.termsOfUseUrl,
    });
    const manifest = JSON.parse(manifestText) as Record<string, unknown>;
    const localization = fs.readFileSync(fromRoot('appPackage', 'en-us.json'));
    // The schemas' patterns are written for non-Unicode regular expressions.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const problems: string[] = [];
    const check = (label: string, schemaName: string, document: unknown) => {
        const validate = ajv.compile(schema(schemaName));
        if (!validate(document)) problems.push(...(validate.errors ?? []).map((error) => `${label}${error.instancePath || '/'} ${error.message}`));
    };
    check('manifest.json', 'MicrosoftTeams.schema.json', manifest);
    check('en-us.json', 'MicrosoftTeams.Localization.schema.json', JSON.parse(localization.toString('utf8')));
    const files: Record<string, Uint8Array> = { 'manifest.json': Buffer.from(manifestText), 'en-us.json': localization };
    for (const [icon, size] of Object.entries(ICON_SIZES)) {
        const bytes = fs.readFileSync(fromRoot('appPackage', 'icons', icon));
        const actual = pngSize(bytes);
        if (actual.width !== size || actual.height !== size) problems.push(`${icon} is ${actual.width}x${actual.height}, Teams wants ${size}x${size}`);
        files[icon] = bytes;
    }
    return { files, manifest, problems };
}

export function zipPackage(teamsPackage: TeamsPackage): Uint8Array {
    return zipSync(teamsPackage.files, { level: 9 });
}
