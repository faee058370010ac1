import type { OpenAPIObject } from '@nestjs/swagger';

/** The committed form of the document: two-space JSON with a final newline. */
export const openApiText = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;
