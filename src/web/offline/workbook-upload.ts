import type { NextFunction, Request, Response } from 'express';
import { WORKBOOK_LIMITS } from '../../offline/domain/workbook-limits';

/** What multer gives us (its types are not installed; this is the little we use). */
interface UploadedFile {
  fieldname: string;
  buffer: Buffer;
  size: number;
}
type Multer = (options: { storage: unknown; limits: Record<string, number> }) => {
  single: (field: string) => (req: Request, res: Response, callback: (error?: unknown) => void) => void;
};
// multer ships with @nestjs/platform-express.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const multer = require('multer') as Multer & { memoryStorage: () => unknown };

/** The one page that takes a file: the team's (or member's) offline workbook upload. */
const UPLOAD_PATH = /^(\/pages)?\/tenders\/[^/]+\/panel\/[^/]+\/workbook$/;

export type UploadProblem = 'too_large' | 'unreadable' | null;

declare module 'express-serve-static-core' {
  interface Request {
    workbookUpload?: { file: Buffer | null; problem: UploadProblem };
  }
}

const parser = multer({
  storage: multer.memoryStorage(),
  // The CSRF token and one file; the file capped at the API's upload limit (one byte more is "too large").
  limits: { fileSize: WORKBOOK_LIMITS.uploadBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
}).single('workbook');

/**
 * Reads the upload form (multipart/form-data) of the workbook page into `req.body` (the
 * `_csrf` field, which the session middleware checks next) and `req.workbookUpload`: the file,
 * or why there is none. Registered before the CSRF check, for that one path only: every other
 * form stays urlencoded. A file over the limit is not an error page: the page says so.
 */
export function workbookUploadParser(req: Request, res: Response, next: NextFunction): void {
  const type = String(req.headers['content-type'] ?? '');
  if (req.method !== 'POST' || !UPLOAD_PATH.test(req.path) || !type.startsWith('multipart/form-data')) return next();
  parser(req, res, (error?: unknown) => {
    const file = (req as Request & { file?: UploadedFile }).file;
    const code = (error as { code?: string } | undefined)?.code;
    req.workbookUpload = {
      file: !error && file && file.size > 0 ? file.buffer : null,
      problem: code === 'LIMIT_FILE_SIZE' ? 'too_large' : error ? 'unreadable' : null,
    };
    if (!req.body || typeof req.body !== 'object') req.body = {};
    if (error) req.resume();
    next();
  });
}
