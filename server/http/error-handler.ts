// One shape for every refusal: { statusCode, error, message (Vietnamese), messageEn }.
// Bad input is a 4xx that says what to fix; only a fault of the hub itself is a 500.

import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors.js';
import { CommitError } from '../services/queue-service.js';
import { describeValidation, type SchemaProblem } from './validation-messages.js';

export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  messageEn: string;
}

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
};

export function toApiError(error: FastifyError | DomainError | Error): ApiError {
  if (error instanceof DomainError) {
    return { statusCode: error.status, error: error.code, message: error.message, messageEn: error.messageEn };
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
    return { statusCode: fe.statusCode, error: 'bad_request', message: `Yêu cầu không hợp lệ: ${fe.message}`, messageEn: fe.message };
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
