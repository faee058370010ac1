import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../common/domain/domain-error';
import { WORKBOOK_LIMITS, XLSX_CONTENT_TYPE } from './domain/workbook-limits';

const MIB = 1024 * 1024;

/**
 * Reads an uploaded workbook (`Content-Type: application/vnd.openxmlformats-officedocument.
 * spreadsheetml.sheet`) into `req.body` as a Buffer, counting bytes as they arrive: past the
 * upload limit it stops keeping them and answers 422 naming the limit. Any other content type
 * is a 400 saying what to send. Only on the import route.
 */
export function workbookBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.method !== 'POST') return next();
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== XLSX_CONTENT_TYPE) {
    req.resume();
    return next(
      new DomainError('validation', `Send the workbook as the request body with Content-Type: ${XLSX_CONTENT_TYPE}.`, {
        errors: [{ field: 'workbook', message: `Send the workbook file itself, with Content-Type ${XLSX_CONTENT_TYPE}.` }],
      }),
    );
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > WORKBOOK_LIMITS.uploadBytes) {
    req.resume();
    return next(tooBig());
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > WORKBOOK_LIMITS.uploadBytes) over = true;
    if (!over) chunks.push(chunk);
  });
  req.once('end', () => {
    if (over) return next(tooBig());
    req.body = Buffer.concat(chunks);
    next();
  });
  req.once('error', (error) => next(error));
}

function tooBig(): DomainError {
  return new DomainError(
    'rule_violation',
    `The file is larger than ${WORKBOOK_LIMITS.uploadBytes / MIB} MB: a scoring workbook is much smaller.`,
    {
      errors: [{ field: 'workbook', message: `The file is larger than ${WORKBOOK_LIMITS.uploadBytes / MIB} MB.` }],
    },
  );
}
