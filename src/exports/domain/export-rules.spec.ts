import { DomainError } from '../../common/domain/domain-error';
import { assertExportable, completenessLabel, exportFileName } from './export-rules';
import { SUBTOTALS } from '../xlsx/plan';
import { CATEGORY_LABELS } from '../../results/evaluation/evaluation-record';

describe('export rules', () => {
  it('exports from moderation on; before, and after a cancellation, 409', () => {
    expect(() => assertExportable('moderation')).not.toThrow();
    expect(() => assertExportable('awarded')).not.toThrow();
    for (const status of ['draft', 'published', 'evaluation', 'cancelled'] as const) {
      expect(() => assertExportable(status)).toThrow(DomainError);
      try {
        assertExportable(status);
      } catch (error) {
        expect(error).toMatchObject({ code: 'invalid_state', extensions: { currentStatus: status } });
      }
    }
  });

  it('names files after the reference, with nothing a file system or a header could trip on', () => {
    expect(exportFileName('LBC-2027-MHDC-01', 'evaluation-matrix.xlsx')).toBe('LBC-2027-MHDC-01-evaluation-matrix.xlsx');
    expect(exportFileName('R&D "tender" / 2027', 'scores.csv')).toBe('R-D-tender-2027-scores.csv');
    expect(exportFileName('Café 2027', 'evaluation.json')).toBe('Cafe-2027-evaluation.json');
    expect(exportFileName('../..', 'scores.csv')).toBe('scores.csv');
  });

  it('says whether the results may carry an award', () => {
    expect(completenessLabel(true, 0)).toMatch(/^Complete/);
    expect(completenessLabel(false, 1)).toBe('PROVISIONAL: 1 gap remains (listed below); not a basis for award.');
    expect(completenessLabel(false, 3)).toMatch(/3 gaps remain/);
  });

  it('labels the Matrix subtotal rows exactly as the category cells they SUMIF over', () => {
    for (const subtotal of SUBTOTALS) {
      if (subtotal.key === 'wider_outcomes' || subtotal.key === 'total') continue;
      expect(subtotal.label).toBe(CATEGORY_LABELS[subtotal.key]);
    }
  });
});
