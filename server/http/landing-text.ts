// Words of the landing page: Vietnamese first, English second.

export const LANDING_TEXT = {
  title: { vi: 'Hệ thống xếp hàng luot', en: 'luot queue system' },
  surfaces: { vi: 'Các trang và giao diện', en: 'Pages and interfaces' },
  services: { vi: 'Dịch vụ hôm nay', en: "Today's services" },
  service: { vi: 'Dịch vụ', en: 'Service' },
  waiting: { vi: 'Đang chờ', en: 'Waiting' },
  estimate: { vi: 'Thời gian chờ dự kiến', en: 'Estimated wait' },
  counters: { vi: 'Quầy phục vụ', en: 'Counters serving' },
  noCounter: { vi: 'chưa có quầy', en: 'no counter open' },
  beyondClosing: { vi: 'có thể không kịp hôm nay', en: 'may not be served today' },
  minutes: { vi: 'phút', en: 'min' },
  day: { vi: 'Ngày làm việc', en: 'Working day' },
  kiosks: { vi: 'Máy lấy số', en: 'Kiosks' },
  kioskLocalNote: {
    vi: 'Liên kết kèm mã bí mật chỉ hiện khi mở trang này ngay trên máy chủ.',
    en: 'Links carrying the secret token show only when this page is opened on the hub machine itself.',
  },
  links: [
    { href: '/kiosk/', vi: 'Máy lấy số (màn hình cảm ứng)', en: 'Ticket kiosk (touchscreen)' },
    { href: '/counter/', vi: 'Quầy làm việc của cán bộ (đăng nhập)', en: "Clerk's counter page (sign-in)" },
    { href: '/display/', vi: 'Màn hình gọi số ở phòng chờ', en: 'Waiting-room display' },
    { href: '/prints', vi: 'Phiếu đã in (máy in mô phỏng)', en: 'Printed tickets (simulated printer)' },
    { href: '/boards', vi: 'Bàn phím gọi số và bảng LED (mô phỏng)', en: 'Counter keypads and LED boards (simulated)' },
    { href: '/docs', vi: 'Tài liệu API (OpenAPI)', en: 'API documentation (OpenAPI)' },
    { href: '/api/health', vi: 'Tình trạng hệ thống', en: 'Hub health' },
    { href: '/api/hall', vi: 'Toàn bộ trạng thái hàng chờ (JSON)', en: 'Whole live queue state (JSON)' },
    { href: '/api/services', vi: 'Dịch vụ, số người chờ, thời gian chờ (JSON)', en: 'Services, waiting and waits (JSON)' },
    { href: '/api/counters', vi: 'Các quầy (JSON)', en: 'Counters (JSON)' },
    { href: '/api/procedures', vi: 'Danh mục thủ tục hành chính (JSON)', en: 'Administrative procedures (JSON)' },
  ],
} as const;
