// The spoken call as a WAV file, which the display pages play in turn. Not kept by browsers:
// the hall's voice may change while it runs (the hub keeps the latest calls made).

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MissingClipsError } from '../../../hardware/voice/voice-pack.js';
import type { VoiceService } from '../../services/voice-service.js';
import { routeOf } from '../route-map.js';

export const voiceRoutes: FastifyPluginAsyncTypebox<{ voice: Pick<VoiceService, 'callWav'> }> = async (app, { voice }) => {
  app.route({
    ...routeOf('GET /api/voice/call.wav'),
    handler: async (request, reply) => {
      try {
        const wav = voice.callWav(request.query.number, request.query.counter);
        return reply.type('audio/wav').header('cache-control', 'no-cache').send(wav);
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
  });
};
