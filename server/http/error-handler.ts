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

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
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
