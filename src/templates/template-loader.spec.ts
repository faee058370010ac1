import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateFile } from './domain/testing/template-file';
import { loadTemplatesFromDir } from './template-loader';

describe('loadTemplatesFromDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, content: unknown) =>
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));

  it('loads every *.json file, sorted by key, ignoring other files', () => {
    write('small-test.json', templateFile());
    write('another-one.json', { ...templateFile(), key: 'another-one' });
    write('README.md', '# not a template');
    mkdirSync(join(dir, 'drafts'));
    expect(loadTemplatesFromDir(dir).map((t) => t.key)).toEqual(['another-one', 'small-test']);
  });

  it('throws one error naming every broken file and each of its errors', () => {
    write('small-test.json', templateFile());
    write('broken.json', { ...templateFile(), key: 'broken', title: '' });
    write('garbled.json', '{ "key": ');
    const attempt = () => loadTemplatesFromDir(dir);
    expect(attempt).toThrow(/2 broken template file\(s\)/);
    expect(attempt).toThrow(/broken\.json:\n {2}- title: must be non-blank text/);
    expect(attempt).toThrow(/garbled\.json:\n {2}- not valid JSON/);
  });

  it('refuses an empty folder: a missing template set is a deployment mistake', () => {
    expect(() => loadTemplatesFromDir(dir)).toThrow(/No template files/);
  });
});
