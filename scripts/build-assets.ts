// Builds the web assets (GOV.UK Frontend Sass with the service font, hashed script names)
// into build/web-assets. Run by npm install (postinstall); the app also rebuilds at boot
// when the sources changed since (src/web/assets/build-assets.ts).
import { ASSETS_OUT, buildAssets } from '../src/web/assets/build-assets';

const manifest = buildAssets({ force: process.argv.includes('--force') });
console.log(`web assets in ${ASSETS_OUT}: ${Object.values(manifest.files).join(', ')}`);
