// Input is taken only in the form the API documents: numbers in the URL written as plain
// decimals (no "0x2", "1e400" or "+2"), dates that exist, no unknown fields, and bodies in
// plain JSON (a compressed body is refused rather than read as if it were not).

import Ajv from 'ajv';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { RequestError } from './request-errors.js';

const DECIMAL = /^(0|[1-9][0-9]{0,15})$/;

/** YYYY-MM-DD that names a day of the calendar. */
export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

type Validator = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/** Whole-number fields of a URL schema, whose text must be a plain decimal. */
function integerFields(schema: FastifySchema | Record<string, unknown>): string[] {
  const properties = (schema as { properties?: Record<string, { type?: string }> }).properties ?? {};
  return Object.entries(properties)
    .filter(([, p]) => p.type === 'integer' || p.type === 'number')
    .map(([name]) => name);
}

export function registerStrictInput(app: FastifyInstance): void {
  // Refuse unknown fields (a typo must not pass silently) and report every problem at once.
  // Only the URL's text is converted to numbers; a JSON body must carry the right types.
  const ajvOptions = { removeAdditional: false, allErrors: true, useDefaults: true, strict: false } as const;
  const urlAjv = new Ajv.default({ ...ajvOptions, coerceTypes: 'array' });
  const bodyAjv = new Ajv.default({ ...ajvOptions, coerceTypes: false });
  for (const ajv of [urlAjv, bodyAjv]) ajv.addFormat('date', { type: 'string', validate: isRealDate });

  app.setValidatorCompiler(({ schema, httpPart }) => {
    if (httpPart === 'body') return bodyAjv.compile(schema) as Validator;
    const validate = urlAjv.compile(schema);
    const numeric = integerFields(schema);
    const strict: Validator = (data) => {
      const given = (data ?? {}) as Record<string, unknown>;
      const bad = numeric.filter((name) => typeof given[name] === 'string' && !DECIMAL.test(given[name] as string));
      if (bad.length > 0) {
        strict.errors = bad.map((name) => ({ keyword: 'type', instancePath: `/${name}`, schemaPath: '', params: { type: 'integer' }, message: 'must be integer' }));
        return false;
      }
      const ok = validate(data);
      strict.errors = validate.errors as FastifySchemaValidationError[] | null | undefined;
      return ok;
    };
    return strict;
  });

  // The API speaks JSON only: a text body is refused as the wrong media type (415).
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new RequestError('unsupported_encoding', { encoding: String(encoding).slice(0, 40) });
    }
  });
}
