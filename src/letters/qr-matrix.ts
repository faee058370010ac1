import { create } from 'qrcode';

/** The dark modules of the QR code of `text` (error correction M), row by row. */
export function qrMatrix(text: string): boolean[][] {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const rows: boolean[][] = [];
  for (let row = 0; row < modules.size; row++) {
    const cells: boolean[] = [];
    for (let column = 0; column < modules.size; column++) cells.push(modules.get(row, column) === 1);
    rows.push(cells);
  }
  return rows;
}
