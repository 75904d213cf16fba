import * as fs from 'fs';
import * as path from 'path';
import { fromRoot } from '../core/projectPaths';
import { loadInstitutionProfile } from '../institution/institutionProfile';
import { buildTeamsPackage, zipPackage } from '../appPackage/teamsPackage';

// `npm run package:teams`: an operator's tool, so its messages are plain English log lines.
if (fs.existsSync(fromRoot('.env'))) process.loadEnvFile(fromRoot('.env'));
const botId = process.env.MicrosoftAppId?.trim();
const botDomain = process.env.BOT_DOMAIN?.trim();
if (!botId || !botDomain) {
    process.stderr.write('Set MicrosoftAppId (the Azure Bot app id) and BOT_DOMAIN (the host the bot answers on) first.\n');
    process.exit(2);
}
const { version } = JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };
const profile = loadInstitutionProfile(fromRoot(process.env.INSTITUTION_PROFILE ?? 'institution/profile.json'));
const teamsPackage = buildTeamsPackage({ botId, botDomain, version, profile });
if (teamsPackage.problems.length > 0) {
    process.stderr.write(`The manifest does not pass schema validation:\n${teamsPackage.problems.map((problem) => `- ${problem}`).join('\n')}\n`);
    process.exit(1);
}
const out = fromRoot('build', 'e-imza-asistani-teams.zip');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, zipPackage(teamsPackage));
process.stdout.write(`Valid manifest; Teams app package written to ${out}\n`);
