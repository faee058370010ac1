import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { TenderTemplate } from './domain/template-parser';
import { loadTemplatesFromDir } from './template-loader';

/** `templates/` at the project root, from src/ (ts) and dist/ (compiled) alike. */
export function templatesDir(): string {
  const candidates = [resolve(__dirname, '..', '..', 'templates'), resolve(process.cwd(), 'templates')];
  return candidates.find((dir) => existsSync(dir)) ?? candidates[0];
}

/** Templates are data files, loaded and checked once at start: a broken one stops the boot. */
@Injectable()
export class TemplatesService implements OnModuleInit {
  private templates = new Map<string, TenderTemplate>();

  onModuleInit(): void {
    const loaded = loadTemplatesFromDir(templatesDir());
    this.templates = new Map(loaded.map((template) => [template.key, template]));
  }

  list(): TenderTemplate[] {
    return [...this.templates.values()].sort((a, b) => a.key.localeCompare(b.key));
  }

  get(key: string): TenderTemplate | null {
    return this.templates.get(key) ?? null;
  }
}
