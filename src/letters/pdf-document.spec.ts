import { create } from 'qrcode';
import { drawQr, type Pdf } from './pdf-document';
import { qrMatrix } from './qr-matrix';

describe('the QR code on a letter', () => {
  const url = 'https://scoring.example/invitation/abc_DEF-123';

  it('is the QR code of the link (the library’s own encoding, error correction M)', () => {
    const { modules } = create(url, { errorCorrectionLevel: 'M' });
    const matrix = qrMatrix(url);
    expect(matrix).toHaveLength(modules.size);
    expect(matrix.flat().filter(Boolean)).toHaveLength([...modules.data].filter((bit) => bit === 1).length);
  });

  it('draws exactly its dark modules, inside a four-module quiet zone', () => {
    const matrix = qrMatrix(url);
    const side = (matrix.length + 8) * 2;
    const squares: [number, number][] = [];
    const doc = {
      save: () => doc,
      restore: () => doc,
      fill: () => doc,
      rect: (x: number, y: number, w: number) => {
        if (w < side) squares.push([x, y]);
        return doc;
      },
    };
    drawQr(doc as unknown as Pdf, url, 0, 0, side);
    const drawn = new Set(squares.map(([x, y]) => `${Math.round(y / 2) - 4},${Math.round(x / 2) - 4}`));
    const dark = matrix.flatMap((cells, row) => cells.flatMap((on, column) => (on ? [`${row},${column}`] : [])));
    expect([...drawn].sort((a, b) => a.localeCompare(b))).toEqual(dark.sort((a, b) => a.localeCompare(b)));
  });
});
