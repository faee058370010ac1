/* Reading a template file's JSON: type guards and a collector of every problem with its path. */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

export const show = (value: unknown): string => (value === undefined ? 'nothing' : JSON.stringify(value));

/** Collects every problem with a path, so one run lists all of them. */
export class Problems {
  readonly errors: string[] = [];
  add(path: string, message: string): void {
    this.errors.push(path ? `${path}: ${message}` : message);
  }
  /** Unknown keys are almost always typos ("plainGuidence") that would silently drop data. */
  unknownKeys(object: Json, allowed: readonly string[], path: string): void {
    for (const key of Object.keys(object)) {
      if (!allowed.includes(key)) this.add(path, `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
  text(object: Json, key: string, path: string, required: boolean): string | undefined {
    const value = object[key];
    if (value === undefined && !required) return undefined;
    if (!isText(value)) {
      this.add(fieldPath(path, key), `must be non-blank text, found ${show(value)}`);
      return undefined;
    }
    return value.trim();
  }
}

export const fieldPath = (path: string, key: string) => (path ? `${path}.${key}` : key);
