// The spoken call as a WAV file, which the display pages play in turn.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { MissingClipsError } from '../../../hardware/voice/voice-pack.js';
import type { VoiceService } from '../../services/voice-service.js';
import { ErrorSchema } from '../schemas.js';

const CallQuery = Type.Object(
  {
    number: Type.String({ pattern: '^[A-ZĐ]{0,3}[0-9]{1,6}$', description: 'Ticket number, e.g. A012 or 1023' }),
    counter: Type.Integer({ minimum: 1, maximum: 999 }),
  },
  { additionalProperties: false },
);

export const voiceRoutes: FastifyPluginAsyncTypebox<{ voice: Pick<VoiceService, 'callWav'> }> = async (app, { voice }) => {
  app.get(
    '/api/voice/call.wav',
    {
      schema: {
        tags: ['hall'],
        summary: 'The announcement of a call: chime, then "Xin mời công dân có số thứ tự … đến quầy số …" (audio/wav)',
        querystring: CallQuery,
        response: { 200: Type.Unsafe<Buffer>({ description: 'audio/wav' }), 503: ErrorSchema },
      },
    },
    async (request, reply) => {
      try {
        const wav = voice.callWav(request.query.number, request.query.counter);
        return reply.type('audio/wav').header('cache-control', 'public, max-age=3600').send(wav);
      } catch (error) {
        if (!(error instanceof MissingClipsError)) throw error;
        return reply.status(503).send({
          statusCode: 503,
          error: 'voice_pack_incomplete',
          message: `Bộ giọng đọc thiếu các từ: ${error.words.join(', ')}.`,
          messageEn: `The voice pack lacks: ${error.words.join(', ')}.`,
        });
      }
    },
  );
};
