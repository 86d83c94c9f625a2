// Every word of the rating tablet: Vietnamese first, English second.

export type Lang = 'vi' | 'en';

const vi = {
  langToggle: 'English',
  counter: (n: number) => `Quầy số ${n}`,
  idle: 'Xin cảm ơn công dân đã đến làm việc.',
  idleHint: 'Sau khi được phục vụ, công dân vui lòng đánh giá tại đây.',
  question: (n: string) => `Công dân đánh giá thế nào về việc giải quyết hồ sơ (số ${n})?`,
  levels: { very_satisfied: 'Rất hài lòng', satisfied: 'Hài lòng', not_satisfied: 'Không hài lòng' } as Record<string, string>,
  thanks: 'Xin cảm ơn công dân đã đánh giá!',
  unregistered: 'Máy đánh giá chưa được đăng ký hoặc đã bị hủy ghép nối: đang chờ ghép nối. Người quản trị mở mã QR ghép nối (trang quản lý, Thiết bị) trên máy này.',
  failed: 'Chưa gửi được đánh giá. Vui lòng thử lại.',
  offline: 'Mất kết nối với hệ thống. Đang kết nối lại...',
};

type Dictionary = typeof vi;

const en: Dictionary = {
  langToggle: 'Tiếng Việt',
  counter: (n) => `Counter ${n}`,
  idle: 'Thank you for coming.',
  idleHint: 'After your service, please rate it here.',
  question: (n) => `How satisfied are you with how your matter was handled (ticket ${n})?`,
  levels: { very_satisfied: 'Very satisfied', satisfied: 'Satisfied', not_satisfied: 'Not satisfied' },
  thanks: 'Thank you for your rating!',
  unregistered: 'This rating tablet is not registered, or was unpaired: it is waiting for pairing. The administrator opens its pairing QR code (console, Devices) on it.',
  failed: 'The rating could not be sent. Please try again.',
  offline: 'Connection to the hall system lost. Reconnecting...',
};

export const DICTIONARY: Record<Lang, Dictionary> = { vi, en };
