// Every word the hall's screens show: Vietnamese first, English second (the display shows
// both; the simulator page has a toggle).

export type Lang = 'vi' | 'en';

const vi = {
  boardsTitle: 'Bàn phím gọi số và bảng LED (mô phỏng)',
  boardsNone: 'Chưa có đường dây mô phỏng nào. Thêm vào tệp cấu hình: serialBuses: [{ id: B1, port: simulated, ... }]',
  langToggle: 'English',
  bus: (id: string) => `Đường dây ${id}`,
  keypads: 'Bàn phím tại quầy',
  counterBoards: 'Bảng LED tại quầy',
  hallBoards: 'Bảng LED sảnh',
  counter: (n: number) => `Quầy ${n}`,
  address: (n: number) => `địa chỉ ${n}`,
  keys: { callNext: 'Gọi tiếp', recall: 'Gọi lại', noShow: 'Vắng mặt', finish: 'Kết thúc', pause: 'Tạm dừng / Tiếp tục' },
  answerOk: 'Đã thực hiện',
  answerNo: (reason: string) => `Bị từ chối: ${reason}`,
  nak: { 1: 'không có số đang phục vụ', 2: 'quầy đang tạm dừng hoặc đóng', 3: 'không còn ai chờ', 4: 'không có đích chuyển', 15: 'lỗi khác' } as Record<number, string>,
  blank: '(tắt)',
  unreachable: 'Không kết nối được hệ thống.',
  pressNeedsManager: 'Trang này không mở trên máy chủ của sảnh: muốn bấm phím mô phỏng, cán bộ quản lý hãy đăng nhập.',
  managerUser: 'Tên đăng nhập quản lý',
  password: 'Mật khẩu',
  signIn: 'Đăng nhập',
  simulatorOff: 'Bộ mô phỏng bàn phím đã được tắt trong tệp cấu hình của sảnh.',
  // hall display
  nowCalling: 'Mời công dân',
  toCounter: 'đến quầy',
  counterShort: 'Quầy',
  recentCalls: 'Số vừa gọi',
  waitingTitle: 'Đang chờ',
  waitingCount: (n: number) => `${n} người`,
  noCalls: 'Chưa có số nào được gọi',
  offlineDisplay: 'Mất kết nối với hệ thống. Đang tự kết nối lại...',
  soundBlocked: 'Trình duyệt đang chặn âm thanh: chạm vào màn hình một lần để bật loa gọi số.',
};

type Dictionary = typeof vi;

const en: Dictionary = {
  boardsTitle: 'Counter-call keypads and LED boards (simulated)',
  boardsNone: 'No simulated bus yet. Add one to the hall file: serialBuses: [{ id: B1, port: simulated, ... }]',
  langToggle: 'Tiếng Việt',
  bus: (id) => `Bus ${id}`,
  keypads: 'Counter keypads',
  counterBoards: 'Counter LED boards',
  hallBoards: 'Hall LED boards',
  counter: (n) => `Counter ${n}`,
  address: (n) => `address ${n}`,
  keys: { callNext: 'Call next', recall: 'Recall', noShow: 'No-show', finish: 'Finish', pause: 'Pause / Resume' },
  answerOk: 'Done',
  answerNo: (reason) => `Refused: ${reason}`,
  nak: { 1: 'no ticket held', 2: 'counter paused or closed', 3: 'no one waiting', 4: 'unknown transfer target', 15: 'other error' },
  blank: '(off)',
  unreachable: 'Cannot reach the hall system.',
  pressNeedsManager: 'This page is not open on the hub machine: a manager must sign in to press simulated keys.',
  managerUser: 'Manager user name',
  password: 'Password',
  signIn: 'Sign in',
  simulatorOff: 'The keypad simulator is turned off in the hall file.',
  nowCalling: 'Now calling',
  toCounter: 'to counter',
  counterShort: 'Counter',
  recentCalls: 'Recent calls',
  waitingTitle: 'Waiting',
  waitingCount: (n) => `${n} waiting`,
  noCalls: 'No number called yet',
  offlineDisplay: 'Connection to the hall system lost. Reconnecting...',
  soundBlocked: 'The browser is blocking sound: tap the screen once to turn the call speaker on.',
};

export const DICTIONARY: Record<Lang, Dictionary> = { vi, en };
