/*
 * The template folder: read once at start with node:fs, every file through the pure
 * parser (domain/template-parser.ts). A broken file stops the service.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTemplate, type TenderTemplate } from './domain/template-parser';

/** `templates/` at the repository root, from both `src/templates` and `dist/templates`. */
export const DEFAULT_TEMPLATES_DIR = resolve(__dirname, '..', '..', 'templates');

/**
 * Reads and checks every `*.json` file in `dir`, returning the templates sorted by key.
 * Throws one Error listing every broken file with all its errors, so a bad template
 * stops the service at start rather than reaching a commissioner.
 */
export function loadTemplatesFromDir(dir: string = DEFAULT_TEMPLATES_DIR): TenderTemplate[] {
  const files = readdirSync(dir)
    .filter((name) => name.toLowerCase().endsWith('.json'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (files.length === 0) throw new Error(`No template files (*.json) in ${dir}.`);

  const templates: TenderTemplate[] = [];
  const broken: string[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      broken.push(`${file}:\n  - not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const result = parseTemplate(json, file);
    if ('errors' in result) broken.push(`${file}:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
    else templates.push(result.template);
  }
  if (broken.length > 0) {
    throw new Error(`${broken.length} broken template file(s) in ${dir}:\n${broken.join('\n')}`);
  }
  return templates.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
