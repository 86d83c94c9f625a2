// Refusals of pairing and testing the hall's devices in the manager console.

import type { ErrorWords } from '../error-words.js';

export const DEVICE_ERRORS = {
  pairing_code_invalid: {
    vi: () => 'Mã ghép nối không đúng, đã dùng hoặc đã hết hạn. Vui lòng tạo mã mới trên trang quản lý (Thiết bị).',
    en: () => 'This pairing code is wrong, already used or expired. Please make a new one in the console (Devices).',
  },
  pairing_rate_limited: {
    vi: (p) => `Đã nhập sai mã ghép nối nhiều lần từ thiết bị này. Vui lòng thử lại sau khoảng ${p.minutes} phút.`,
    en: (p) => `Too many wrong pairing codes from this device. Please try again in about ${p.minutes} minutes.`,
  },
  device_not_found: {
    vi: (p) => `Không có thiết bị ${p.id}.`,
    en: (p) => `There is no device ${p.id}.`,
  },
  device_exists: {
    vi: (p) => `Mã thiết bị ${p.id} đã có. Hãy chọn mã khác.`,
    en: (p) => `The device id ${p.id} is taken. Choose another.`,
  },
  device_service_unknown: {
    vi: (p) => `Trường services: không có dịch vụ "${p.serviceId}".`,
    en: (p) => `Field services: there is no service "${p.serviceId}".`,
  },
  device_counter_unknown: {
    vi: (p) => `Trường counterId: không có quầy số ${p.counterId}.`,
    en: (p) => `Field counterId: there is no counter ${p.counterId}.`,
  },
  device_field_missing: {
    vi: (p) => `Trường ${p.field}: cần nhập cho loại thiết bị này.`,
    en: (p) => `Field ${p.field}: required for this kind of device.`,
  },
  device_unpaired: {
    vi: () => 'Thiết bị này chưa được ghép nối hoặc đã bị hủy ghép nối. Vui lòng mở mã QR ghép nối từ trang quản lý.',
    en: () => 'This device is not paired, or was unpaired. Please open the pairing QR code from the console.',
  },
  kiosk_service_not_offered: {
    vi: (p) => `Máy lấy số này không cấp số cho dịch vụ "${p.serviceId}". Xin mời dùng máy lấy số khác hoặc hỏi bàn hướng dẫn.`,
    en: (p) => `This kiosk does not give numbers for "${p.serviceId}". Please use another kiosk or ask at the help desk.`,
  },
  board_not_found: {
    vi: (p) => `Không có bảng LED địa chỉ ${p.address} trên đường dây ${p.busId}.`,
    en: (p) => `There is no LED board at address ${p.address} on bus ${p.busId}.`,
  },
} satisfies Record<string, ErrorWords>;
