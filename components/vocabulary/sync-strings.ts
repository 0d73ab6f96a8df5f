/**
 * The words of sync and backup, in the two languages Sourcemark speaks: the options page's
 * "Sync and backup" section and the popup's one-line summary (components/ui/sync/). A module of its
 * own, next to strings.ts and in its style, so that the content script never bundles them and the
 * popup takes them only with its sync line.
 *
 * Every function returns plain text, rendered as text nodes: a server address, a file name or a
 * kept-aside note passed in here is never markup.
 */
import type { SyncErrorKind } from '@/components/sync/status';
import type { Lang } from './strings';

/** What the reader is told about one kind of sync error: what happened, what to do, and in a few words. */
export interface SyncErrorText {
  /** What happened, as a sentence. `file` is the server file concerned, when the detail names one. */
  what: (file: string | null) => string;
  /** What to do about it (or that nothing needs doing). */
  todo: string;
  /** The popup's short form. */
  short: string;
  /** Whether the reader has to act (the popup offers the settings then, not only "Sync now"). */
  needsReader: boolean;
}

/** Relative times: "3 minutes ago" on the options page, "3 min ago" in the popup. */
export interface RelativeWords {
  justNow: string;
  minutes: (n: number, short: boolean) => string;
  hours: (n: number, short: boolean) => string;
  days: (n: number, short: boolean) => string;
  /** Older than a week: the date itself. */
  on: (date: string) => string;
}

const ERRORS_ZH: Record<SyncErrorKind, SyncErrorText> = {
  unreachable: {
    what: () => '服务器没有响应。',
    todo: '你的改动保存在本机，下次同步时会发送。',
    short: '服务器没有响应',
    needsReader: false,
  },
  unauthorized: {
    what: () => '服务器拒绝了用户名或应用密码。',
    todo: '请在本设备停止同步，再用新的应用密码重新设置。',
    short: '应用密码被拒绝',
    needsReader: true,
  },
  forbidden: {
    what: () => '服务器不允许这个账号读写同步文件夹。',
    todo: '请在服务器上检查这个文件夹的共享和权限，或停止同步后换一个这个账号自己的文件夹重新设置。',
    short: '服务器拒绝访问文件夹',
    needsReader: true,
  },
  'folder-missing': {
    what: () => '服务器上没有设置时填写的文件夹。',
    todo: '请检查地址，或先在服务器上建好这个文件夹；然后在本设备停止同步并重新设置。',
    short: '服务器上没有这个文件夹',
    needsReader: true,
  },
  conflict: {
    what: () => '另一台设备一直在同时写入服务器，这次同步先停下了。',
    todo: '没有丢失任何内容；下次同步会再试，也可以点“立即同步”。',
    short: '与其他设备冲突，稍后再试',
    needsReader: false,
  },
  'storage-full': {
    what: () => '服务器账号的存储空间已满，新内容存不进去。',
    todo: '请在服务器上腾出空间；你的改动保存在本机，下次同步时会发送。',
    short: '服务器空间已满',
    needsReader: true,
  },
  damaged: {
    what: (file) => `服务器上有一个文件读不出来${file ? `（${file}）` : ''}；本机的内容没有丢失。`,
    todo: '写下它的那台设备下次同步时会重写它，到时会再读取。',
    short: '服务器上有文件读不出来',
    needsReader: false,
  },
  'wrong-passphrase': {
    what: () => '这个同步口令打不开服务器上的同步文件夹。',
    todo: '请在本设备停止同步，再用你其他设备上的同一个口令重新设置。',
    short: '同步口令不对',
    needsReader: true,
  },
  'no-permission': {
    what: () => 'Sourcemark 没有连接这个服务器的权限（浏览器的授权没有给出或被移除了）。',
    todo: '请点下面的按钮重新授权。',
    short: '需要重新授权',
    needsReader: true,
  },
  server: {
    what: () => '服务器返回了错误。',
    todo: '你的改动保存在本机，下次同步会再试；如果一直这样，请检查服务器。',
    short: '服务器出错',
    needsReader: false,
  },
};

const ERRORS_EN: Record<SyncErrorKind, SyncErrorText> = {
  unreachable: {
    what: () => 'The server did not answer.',
    todo: 'Your changes are kept and will be sent at the next sync.',
    short: 'server not answering',
    needsReader: false,
  },
  unauthorized: {
    what: () => 'The server refused the user name or app password.',
    todo: 'Set sync up again with a new app password (stop syncing on this device first).',
    short: 'app password refused',
    needsReader: true,
  },
  forbidden: {
    what: () => 'The server does not let this account read or write the sync folder.',
    todo: "Check the folder's sharing and permissions on the server, or stop syncing and set it up again with a folder the account owns.",
    short: 'folder access refused',
    needsReader: true,
  },
  'folder-missing': {
    what: () => 'The folder named at set-up is not on the server.',
    todo: 'Check the address or create the folder on the server, then stop syncing on this device and set it up again.',
    short: 'folder not on the server',
    needsReader: true,
  },
  conflict: {
    what: () => 'Another device kept writing to the server at the same time, so this sync stopped for now.',
    todo: 'Nothing was lost; it will try again at the next sync, or choose “Sync now”.',
    short: 'busy with another device, will retry',
    needsReader: false,
  },
  'storage-full': {
    what: () => "The server account's storage is full; nothing new fits there.",
    todo: 'Free some space on the server. Your changes are kept here and will be sent at the next sync.',
    short: 'server storage full',
    needsReader: true,
  },
  damaged: {
    what: (file) => `A file on the server could not be read${file ? ` (${file})` : ''}; nothing here was lost.`,
    todo: 'It will be read again when the device that wrote it syncs.',
    short: 'a server file is unreadable',
    needsReader: false,
  },
  'wrong-passphrase': {
    what: () => 'The passphrase does not open the sync folder on the server.',
    todo: 'Stop syncing on this device and set it up again with the passphrase your other devices use.',
    short: 'wrong passphrase',
    needsReader: true,
  },
  'no-permission': {
    what: () => 'Sourcemark may not contact the server: the browser permission was not given or was removed.',
    todo: 'Grant it again with the button below.',
    short: 'permission needed',
    needsReader: true,
  },
  server: {
    what: () => 'The server answered with an error.',
    todo: 'Your changes are kept and will be sent at the next sync; if this goes on, check the server.',
    short: 'server error',
    needsReader: false,
  },
};

// Chinese says the short and the long form alike.
const RELATIVE_ZH: RelativeWords = {
  justNow: '刚刚',
  minutes: (n) => `${n} 分钟前`,
  hours: (n) => `${n} 小时前`,
  days: (n) => `${n} 天前`,
  on: (date) => date,
};

const syncZh = {
  sectionTitle: '同步与备份',
  intro:
    '通过你自己的 WebDAV 服务器（Nextcloud、坚果云等）让各台设备上的批注保持一致。所有内容在本机用你的同步口令加密后才发送，服务器上只有加密的文件。',
  loading: '正在读取同步状态…',
  failed: (why: string) => `操作失败：${why}`,
  // Storage on this device
  storageTitle: '本机存储',
  storagePersistent: '浏览器不会为了腾出空间而清除你的笔记。',
  storageNotPersistent:
    '浏览器在磁盘快满时可能会清除 Sourcemark 的数据。请留一份副本：开启同步、每周副本或导出。',
  storageUnknown: '这个浏览器没有说明它是否会为腾出空间而清除 Sourcemark 的数据。',
  storageUsage: (used: string, quota: string) => `Sourcemark 在本机占用 ${used}（浏览器最多允许 ${quota}）。`,
  // Status
  stateOff: '本设备没有开启同步。',
  syncing: '正在同步…',
  lastSynced: (when: string) => `上次同步：${when}`,
  neverSynced: '还没有同步过。',
  pending: (n: number) => (n === 0 ? '本机的改动都已在服务器上。' : `${n} 项改动还没有上传到服务器`),
  serverLabel: '服务器',
  userLabel: '用户名',
  lastBackup: (day: string) => `服务器上最新的备份：${day}`,
  errorWhen: (when: string) => `发生于 ${when}`,
  detailLabel: '技术细节',
  syncNow: '立即同步',
  stop: '在本设备停止同步',
  stopConfirm:
    '要在本设备停止同步吗？批注仍保存在本机和服务器上；本设备会忘记服务器地址、应用密码和密钥。以后再开启同步需要同一个同步口令。',
  stopYes: '停止同步',
  cancel: '取消',
  grantAgain: '重新授权访问服务器',
  permissionDenied: '浏览器没有允许 Sourcemark 连接这个服务器，同步需要这个权限。',
  // Set-up form
  setupTitle: '设置同步',
  urlLabel: '服务器文件夹地址',
  urlHelp:
    '服务器上一个文件夹的 WebDAV 地址，例如 Nextcloud：https://cloud.example.com/remote.php/dav/files/NAME/，坚果云：https://dav.jianguoyun.com/dav/。Sourcemark 把它的文件放在其中的“Sourcemark”文件夹里。',
  userLabelField: '用户名',
  passwordLabel: '应用密码',
  passwordHelp:
    '请在服务器账号的安全设置里为 Sourcemark 单独生成一个应用密码（坚果云叫“第三方应用密码”），不要用你的登录密码：应用密码可以单独撤销。',
  passphraseLabel: '同步口令',
  passphraseRepeatLabel: '再输入一次同步口令',
  passphraseHelp:
    '至少 8 个字符。它在本机加密你的笔记，Sourcemark 从不保存或发送它，也无法找回：忘了它，服务器上的内容就再也读不出来。其他设备要用同一个口令。',
  setupButton: '开始同步',
  settingUp: '正在检查服务器并同步…',
  httpWarning:
    '这个地址以 http: 开头：应用密码会不加密地在网络上传送，同一网络里的人可能看到它。你的笔记仍是加密的。服务器支持的话请用 https:。',
  urlInvalid: '请输入以 https:// 或 http:// 开头的文件夹地址。',
  urlCredentials: '请不要把用户名或密码写进地址里，请分别填在下面。',
  userMissing: '请填写用户名。',
  passwordMissing: '请填写应用密码。',
  passphraseShort: '同步口令至少要 8 个字符。',
  passphraseMismatch: '两次输入的同步口令不一样。',
  setupDone: '同步已设置好。',
  // Backups on the server
  backupsTitle: '服务器上的备份',
  backupsHint: (kept: number) => `每天一份，保留最近 ${kept} 份，和其他内容一样加密。恢复前会先显示会导入什么。`,
  noBackups: '服务器上还没有备份：每天第一次同步时会写一份。',
  backupsFailed: (why: string) => `读不到备份列表：${why}`,
  restore: '恢复…',
  restoreLabel: (day: string) => `恢复 ${day} 的备份`,
  restoring: '正在读取备份…',
  backupOf: (day: string) => `${day} 的备份`,
  // Weekly copy without sync
  weeklyTitle: '每周副本',
  weeklyLabel: '每周在“下载”文件夹保存一份副本（JSON-LD）',
  weeklyHint: '不开启同步时，这样浏览器或电脑出问题也还有一份。文件可以在这里导入。',
  weeklyOn: '已开启每周副本。',
  weeklyOff: '已关闭每周副本。',
  // Kept aside
  keptTitle: (n: number) => `保留下来的旧版本（${n}）`,
  keptHint: '两台设备改了同一条笔记时，较新的改动生效；另一个版本保留在这里，复制你需要的内容后再移除。',
  keptReason: (reason: 'newer-edit' | 'deleted', when: string) =>
    reason === 'deleted' ? `另一台设备删除了这条高亮；这个版本写于 ${when}。` : `另一台设备上较新的修改取代了这个版本（写于 ${when}）。`,
  keptTags: (tags: string) => `标签：${tags}`,
  keptVerdict: (verdict: string) => `核查结论：${verdict}`,
  keptEvidence: '证据链接：',
  keptNoNote: '（没有笔记）',
  copyNote: '复制笔记',
  copyTags: '复制标签',
  copyVerdict: '复制结论和证据',
  copied: '已复制。',
  dismiss: '移除',
  // Popup
  popupSynced: (when: string) => `${when}已同步`,
  popupNever: '尚未同步',
  popupPending: (n: number) => `${n} 项待同步`,
  popupError: (short: string) => `同步：${short}`,
  popupFix: '去设置…',
  // Relative times
  relative: RELATIVE_ZH,
  errors: ERRORS_ZH,
};

export type SyncStrings = typeof syncZh;

const syncEn: SyncStrings = {
  sectionTitle: 'Sync and backup',
  intro:
    'Keep your annotations the same on your devices through your own WebDAV server (Nextcloud, 坚果云 and others). Everything is encrypted on this device with your passphrase before it is sent; the server holds only encrypted files.',
  loading: 'Reading the sync state…',
  failed: (why: string) => `That did not work: ${why}`,
  storageTitle: 'Storage on this device',
  storagePersistent: 'The browser will not clear your notes to free space.',
  storageNotPersistent:
    "The browser may clear Sourcemark's data when the disk is nearly full. Keep a copy: sync, the weekly copy, or an export.",
  storageUnknown: "This browser does not say whether it may clear Sourcemark's data to free space.",
  storageUsage: (used: string, quota: string) => `Sourcemark uses ${used} here (the browser allows up to ${quota}).`,
  stateOff: 'Sync is off on this device.',
  syncing: 'Syncing now…',
  lastSynced: (when: string) => `Last synced ${when}`,
  neverSynced: 'Not synced yet.',
  pending: (n: number) =>
    n === 0 ? 'Everything here is on the server.' : `${n} ${n === 1 ? 'change' : 'changes'} not yet on the server`,
  serverLabel: 'Server',
  userLabel: 'User name',
  lastBackup: (day: string) => `Newest backup on the server: ${day}`,
  errorWhen: (when: string) => `Happened ${when}`,
  detailLabel: 'Technical detail',
  syncNow: 'Sync now',
  stop: 'Stop syncing on this device',
  stopConfirm:
    'Stop syncing on this device? Your annotations stay here and on the server; this device forgets the server, the app password and the key. To sync again you need the same passphrase.',
  stopYes: 'Stop syncing',
  cancel: 'Cancel',
  grantAgain: 'Grant access to the server again',
  permissionDenied: 'The browser did not allow Sourcemark to contact this server; sync needs that.',
  setupTitle: 'Set up sync',
  urlLabel: 'Server folder address',
  urlHelp:
    'The WebDAV address of a folder on your server, e.g. Nextcloud: https://cloud.example.com/remote.php/dav/files/NAME/, 坚果云: https://dav.jianguoyun.com/dav/. Sourcemark keeps its files in a “Sourcemark” folder inside it.',
  userLabelField: 'User name',
  passwordLabel: 'App password',
  passwordHelp:
    "Make an app password for Sourcemark in your server account's security settings (坚果云 calls it a third-party app password) rather than using your login password: an app password can be revoked on its own.",
  passphraseLabel: 'Passphrase',
  passphraseRepeatLabel: 'Passphrase again',
  passphraseHelp:
    'At least 8 characters. It encrypts your notes on this device; Sourcemark never stores or sends it, and it cannot be recovered: forget it and the copy on the server cannot be read. Your other devices need the same passphrase.',
  setupButton: 'Set up sync',
  settingUp: 'Checking the server and syncing…',
  httpWarning:
    'This address starts with http:, so the app password travels unencrypted and others on the network may read it. Your notes stay encrypted. Use https: if the server offers it.',
  urlInvalid: 'Enter the folder address, starting with https:// or http://.',
  urlCredentials: 'Leave the user name and password out of the address; they have their own fields below.',
  userMissing: 'Enter the user name.',
  passwordMissing: 'Enter the app password.',
  passphraseShort: 'The passphrase needs at least 8 characters.',
  passphraseMismatch: 'The two passphrases differ.',
  setupDone: 'Sync is set up.',
  backupsTitle: 'Backups on the server',
  backupsHint: (kept: number) =>
    `One a day, the newest ${kept} kept, encrypted like everything else. Restoring shows what would be imported before anything is written.`,
  noBackups: 'No backups on the server yet: one is written at the first sync of each day.',
  backupsFailed: (why: string) => `Could not list the backups: ${why}`,
  restore: 'Restore…',
  restoreLabel: (day: string) => `Restore the backup of ${day}`,
  restoring: 'Reading the backup…',
  backupOf: (day: string) => `Backup of ${day}`,
  weeklyTitle: 'Weekly copy',
  weeklyLabel: 'Save a copy to the Downloads folder every week (JSON-LD)',
  weeklyHint: 'Without sync, this keeps a copy if the browser or this computer fails. The file can be imported here.',
  weeklyOn: 'Weekly copy on.',
  weeklyOff: 'Weekly copy off.',
  keptTitle: (n: number) => `Kept aside (${n})`,
  keptHint:
    'When two devices changed the same note, the newer change wins; the other version is kept here until you have copied what you need and dismiss it.',
  keptReason: (reason: 'newer-edit' | 'deleted', when: string) =>
    reason === 'deleted'
      ? `Another device deleted this highlight; this version was written ${when}.`
      : `A newer edit from another device replaced this version (written ${when}).`,
  keptTags: (tags: string) => `Tags: ${tags}`,
  keptVerdict: (verdict: string) => `Verdict: ${verdict}`,
  keptEvidence: 'Evidence:',
  keptNoNote: '(no note)',
  copyNote: 'Copy note',
  copyTags: 'Copy tags',
  copyVerdict: 'Copy verdict and evidence',
  copied: 'Copied.',
  dismiss: 'Dismiss',
  popupSynced: (when: string) => `Synced ${when}`,
  popupNever: 'Not synced yet',
  popupPending: (n: number) => `${n} pending`,
  popupError: (short: string) => `Sync: ${short}`,
  popupFix: 'Settings…',
  relative: {
    justNow: 'just now',
    minutes: (n: number, short: boolean) => (short ? `${n} min ago` : `${n} ${n === 1 ? 'minute' : 'minutes'} ago`),
    hours: (n: number, short: boolean) => (short ? `${n} h ago` : `${n} ${n === 1 ? 'hour' : 'hours'} ago`),
    days: (n: number, short: boolean) => (short ? `${n} d ago` : `${n} ${n === 1 ? 'day' : 'days'} ago`),
    on: (date: string) => `on ${date}`,
  },
  errors: ERRORS_EN,
};

export const syncStrings: Record<Lang, SyncStrings> = { zh: syncZh, en: syncEn };
