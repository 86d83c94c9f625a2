// The voice of the calls as an admin sets it in the console: the pack, the loudness, saying the
// number twice, the phrase, the hub's own speaker; and a sample call said on the hall's sound.

import Type from 'typebox';
import { CounterId, Nullable, staffErrorResponses, staffOnly } from '../route-schemas.js';

export const VoiceSettingsSchema = Type.Object({
  phrase: Type.String({ description: 'With {number} and {counter}' }),
  packDir: Nullable(Type.String({ description: 'The pack in use; null: the default pack' })),
  hubSpeaker: Type.Boolean(),
  sayNumberTwice: Type.Boolean(),
  volume: Type.Integer({ description: 'Percent of the clips’ own loudness' }),
});

const VoiceView = Type.Object({
  voice: VoiceSettingsSchema,
  packs: Type.Array(
    Type.Object({
      dir: Nullable(Type.String()),
      name: Type.String(),
      clips: Type.Integer(),
      missing: Type.Array(Type.String(), { description: 'Words of the phrase this pack (with the default behind it) lacks' }),
    }),
  ),
});

const SampleNumber = Type.String({ pattern: '^[A-ZĐ]{0,3}[0-9]{1,6}$', description: 'Ticket number, e.g. A012 or 1023' });

export const VOICE_ROUTES = {
  'GET /api/voice/settings': {
    tags: ['voice'],
    summary: 'The voice of the calls and the packs installed on the hub (admins)',
    security: staffOnly,
    response: { 200: VoiceView, ...staffErrorResponses },
  },
  'PUT /api/voice/settings': {
    tags: ['voice'],
    summary: 'Change the voice of the calls, applied at once (admins); a field that cannot be used is refused (400) and named',
    body: Type.Object(
      {
        phrase: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\{number\\}', description: 'Must contain {number}; {counter} is the counter' })),
        packDir: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 500 }))),
        hubSpeaker: Type.Optional(Type.Boolean()),
        sayNumberTwice: Type.Optional(Type.Boolean()),
        volume: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
      },
      { additionalProperties: false },
    ),
    security: staffOnly,
    response: { 200: VoiceView, ...staffErrorResponses },
  },
  'POST /api/voice/sample': {
    tags: ['voice'],
    summary: 'Say a sample call on the hall displays (and the hub’s speaker when it is used), with the voice as it is set (admins)',
    body: Type.Object({ number: Type.Optional(SampleNumber), counterId: Type.Optional(CounterId) }, { additionalProperties: false }),
    security: staffOnly,
    response: { 202: Type.Object({ number: Type.String(), counterId: Type.Integer(), hubSpeaker: Type.Boolean() }), ...staffErrorResponses },
  },
};
