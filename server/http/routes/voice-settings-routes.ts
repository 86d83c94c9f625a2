// The voice settings of the console (admins) and the sample call.

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { UseCase } from '../../use-cases/ports.js';
import type { playVoiceSample, readVoiceSettings, setVoiceSettings } from '../../use-cases/hall/voice-settings.js';
import { actorOf } from '../access/access-rules.js';
import { routeOf } from '../route-map.js';

export interface VoiceSettingsRoutesOptions {
  readVoiceSettings: UseCase<typeof readVoiceSettings>;
  setVoiceSettings: UseCase<typeof setVoiceSettings>;
  playVoiceSample: UseCase<typeof playVoiceSample>;
}

export const voiceSettingsRoutes: FastifyPluginAsyncTypebox<VoiceSettingsRoutesOptions> = async (app, { readVoiceSettings, setVoiceSettings, playVoiceSample }) => {
  app.route({
    ...routeOf('GET /api/voice/settings'),
    config: { passive: true },
    handler: async () => readVoiceSettings(),
  });

  app.route({
    ...routeOf('PUT /api/voice/settings'),
    handler: async (request) => setVoiceSettings(request.body, actorOf(request.caller)),
  });

  app.route({
    ...routeOf('POST /api/voice/sample'),
    handler: async (request, reply) => reply.status(202).send(playVoiceSample(request.body)),
  });
};
