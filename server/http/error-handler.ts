// One shape for every refusal: { statusCode, error, message (Vietnamese), messageEn }.
// Bad input is a 4xx that says what to fix; only a fault of the hub itself is a 500.

import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiErrorBody } from '../contract/events.js';
import { DomainError } from '../domain/domain-error.js';
import { ERROR_STATUSES } from './error-statuses.js';
import { RequestError } from './request-errors.js';
import { CommitError } from '../services/queue-service.js';
import { describeValidation, type SchemaProblem } from './validation-messages.js';

export type ApiError = ApiErrorBody;

const FRAMEWORK_ERRORS: Record<string, { error: string; vi: string; en: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    error: 'invalid_json',
    vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
    en: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    error: 'invalid_json',
    vi: 'Nội dung JSON đang để trống.',
    en: 'The JSON body is empty.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    error: 'unsupported_media_type',
    vi: 'Hãy gửi dữ liệu dạng JSON (Content-Type: application/json).',
    en: 'Send JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    error: 'body_too_large',
    vi: 'Nội dung gửi lên quá lớn.',
    en: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    error: 'invalid_content_length',
    vi: 'Độ dài nội dung (Content-Length) không khớp với nội dung gửi lên.',
    en: 'Content-Length does not match the body.',
  },
  FST_ERR_BAD_URL: {
    error: 'bad_url',
    vi: 'Địa chỉ có ký tự không hợp lệ (mã % không giải được).',
    en: 'The address holds characters that cannot be decoded (a bad % escape).',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    error: 'url_part_too_long',
    vi: 'Một phần của địa chỉ quá dài (tối đa 100 ký tự).',
    en: 'A part of the address is too long (at most 100 characters).',
  },
};

/** Refusals Node's HTTP parser makes before the request reaches Fastify. */
const CLIENT_ERRORS: Record<string, { status: number; error: string; vi: string; en: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    error: 'headers_too_large',
    vi: 'Phần tiêu đề (header) của yêu cầu quá lớn.',
    en: 'The request headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    error: 'request_timeout',
    vi: 'Yêu cầu gửi lên quá chậm nên đã bị dừng.',
    en: 'The request took too long to arrive.',
  },
};

function clientErrorBody(code: string | undefined): ApiError {
  const known = code ? CLIENT_ERRORS[code] : undefined;
  if (known) return { statusCode: known.status, error: known.error, message: known.vi, messageEn: known.en };
  return { statusCode: 400, error: 'bad_request', message: 'Yêu cầu HTTP không đọc được.', messageEn: 'The HTTP request could not be read.' };
}

/** Fastify options that put the router's and the HTTP parser's refusals in luot's format. */
export const frameworkErrorOptions = {
  frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
    const body = toApiError(error);
    return reply.status(body.statusCode).send(body);
  },
  clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex) {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const body = JSON.stringify(clientErrorBody(error.code));
    const status = JSON.parse(body).statusCode as number;
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  },
};

export function toApiError(error: FastifyError | DomainError | RequestError | Error): ApiError {
  if (error instanceof DomainError && error.fields) {
    const fields = error.fields.map((f) => ({ field: f.field, message: f.vi, messageEn: f.en }));
    return { statusCode: ERROR_STATUSES[error.code], error: error.code, message: error.message, messageEn: error.messageEn, fields };
  }
  if (error instanceof DomainError || error instanceof RequestError) {
    return { statusCode: ERROR_STATUSES[error.code], error: error.code, message: error.message, messageEn: error.messageEn };
  }
  if (error instanceof CommitError) {
    return {
      statusCode: 503,
      error: 'not_saved',
      message: 'Không ghi được vào ổ đĩa nên yêu cầu chưa được thực hiện. Hãy thử lại; nếu vẫn lỗi, báo cho người quản trị.',
      messageEn: 'The change could not be written to disk, so it was not made. Try again; if it keeps failing, call the administrator.',
    };
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const text = describeValidation(fe.validation as unknown as SchemaProblem[], fe.validationContext);
    return { statusCode: 400, error: 'invalid_request', message: text.vi, messageEn: text.en };
  }
  const known = fe.code ? FRAMEWORK_ERRORS[fe.code] : undefined;
  if (known) return { statusCode: fe.statusCode ?? 400, error: known.error, message: known.vi, messageEn: known.en };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      statusCode: fe.statusCode,
      error: 'bad_request',
      message: `Yêu cầu không hợp lệ (mã HTTP ${fe.statusCode}). Xem cách gọi tại /docs.`,
      messageEn: `Invalid request: ${fe.message}`,
    };
  }
  return {
    statusCode: 500,
    error: 'internal_error',
    message: 'Hệ thống gặp lỗi khi xử lý yêu cầu. Dữ liệu đã lưu không bị ảnh hưởng; hãy thử lại.',
    messageEn: 'The hub failed to handle the request. Stored data is unaffected; please try again.',
  };
}

/** "1 MB", "1,5 MB": a body limit as a person reads it. */
function megabytes(bytes: number): string {
  const mb = Math.round((bytes / 1_000_000) * 10) / 10;
  return String(Math.max(mb, 0.1));
}

/** How much of an oversized upload the hub reads and throws away so that the client hears the 413. */
const DRAIN_AT_MOST = 64 * 1024 * 1024;
const DRAIN_FOR_MS = 30_000;

/**
 * A body over the route's limit: 413 with the limit in the words. The client is usually still
 * sending; closing the connection with its bytes unread makes the system reset it, and the
 * client sees "connection reset" instead of the answer. So the rest of the body is read and
 * thrown away (up to 64 MB or 30 s), the answer is sent once the body has ended, and the
 * connection is closed after it.
 */
function refuseTooLarge(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> | FastifyReply {
  const limit = request.routeOptions.bodyLimit ?? 1_048_576;
  const size = megabytes(limit);
  const body: ApiError = {
    statusCode: 413,
    error: 'body_too_large',
    message: `Nội dung gửi lên quá lớn (tối đa ${size.replace('.', ',')} MB). Hãy gửi tệp nhỏ hơn.`,
    messageEn: `The request body is too large (at most ${size} MB). Send a smaller file.`,
  };
  reply.header('connection', 'close');
  const raw = request.raw;
  if (raw.readableEnded || raw.destroyed) return reply.status(413).send(body);
  return new Promise((resolve) => {
    let drained = 0;
    let answered = false;
    const answer = () => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      raw.removeListener('data', onData);
      resolve(reply.status(413).send(body));
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      // A client that keeps sending far past any upload gets the answer now, and the connection is closed.
      if (drained > DRAIN_AT_MOST) answer();
    };
    const timer = setTimeout(answer, DRAIN_FOR_MS);
    raw.on('data', onData);
    raw.once('end', answer);
    raw.once('close', answer);
    raw.once('error', answer);
    raw.resume();
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuseTooLarge(request, reply);
    const body = toApiError(error);
    if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    return reply.status(body.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = {
      statusCode: 404,
      error: 'not_found',
      message: `Không có địa chỉ ${request.method} ${request.url}. Xem danh sách tại /docs.`,
      messageEn: `There is no ${request.method} ${request.url}. See /docs for the API.`,
    };
    return reply.status(404).send(body);
  });
}
