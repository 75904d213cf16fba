import * as fs from 'fs';
import * as path from 'path';
import { createTranslator } from '../core/i18n';
import { fromRoot } from '../core/projectPaths';
import { loadInstitutionProfile } from '../institution/institutionProfile';
import { galleryCards } from './cardGallery';
import { galleryHtml } from './cardGalleryPage';

/** Where `npm run cards` writes the gallery (one static page, no other files). */
export const GALLERY_FILE = fromRoot('dist', 'cards', 'gallery.html');

/** The official Adaptive Cards renderer's browser bundle (the `adaptivecards` devDependency). */
function rendererScript(): string {
    return fs.readFileSync(require.resolve('adaptivecards/dist/adaptivecards.min.js'), 'utf8');
}

/** Builds the gallery page from the current texts and institution profile. */
export function buildGallery(file = GALLERY_FILE, profileFile = fromRoot('institution', 'profile.json')): { file: string; cards: number } {
    const cards = galleryCards(createTranslator(), loadInstitutionProfile(profileFile));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, galleryHtml(cards, { rendererScript: rendererScript(), title: 'Card gallery: every card the bot can send, in Turkish and English' }));
    return { file, cards: cards.length };
}

if (require.main === module) {
    const { file, cards } = buildGallery(GALLERY_FILE, process.env.INSTITUTION_PROFILE ? path.resolve(process.env.INSTITUTION_PROFILE) : undefined);
    console.log(`${cards} cards (both languages) → ${path.relative(process.cwd(), file) || file}`);
}
