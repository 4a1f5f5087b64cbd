/**
 * zh / en labels of the demo. The locale follows the system on first run, can be switched on the
 * enter page, and is remembered in storage.
 */
import { ref } from 'vue'

export type Locale = 'zh' | 'en'

const messages = {
  'app.title': { zh: '多人音视频房间', en: 'Multi-person video room' },
  'app.subtitle': { zh: '基于腾讯云 TRTC 的 uni-app 插件演示', en: 'A uni-app plugin demo on Tencent Cloud TRTC' },
  'lang.switch': { zh: 'English', en: '中文' },
  'nav.index': { zh: '进入房间', en: 'Enter a room' },
  'nav.room': { zh: '房间', en: 'Room' },
  'nav.custom': { zh: '1v3 自定义布局', en: '1v3 custom layout' },
  'nav.live': { zh: '直播连麦', en: 'Live + co-host' },
  'form.live': { zh: '直播（TRTC live 场景，需 IM 连麦）', en: 'Live (TRTC live scene; co-hosting needs IM)' },
  'form.live.anchor': { zh: '开播（主播）', en: 'Go live (anchor)' },
  'form.live.audience': { zh: '观看（观众）', en: 'Watch (audience)' },
  'live.role.anchor': { zh: '主播', en: 'Anchor' },
  'live.role.audience': { zh: '观众', en: 'Audience' },
  'live.coHosting': { zh: '连麦中', en: 'Co-hosting' },
  'live.audience': { zh: '在线', en: 'Online' },
  'live.needIM': { zh: '开启 IM 后才有弹幕与连麦（观众人数也来自 IM 群）。', en: 'Danmaku and co-hosting need IM (so does the audience count).' },
  'live.say': { zh: '说点什么…', en: 'Say something…' },
  'live.send': { zh: '发送', en: 'Send' },
  'live.stepDown': { zh: '下麦', en: 'Step down' },
  'live.cancel': { zh: '取消申请', en: 'Cancel request' },
  'live.requests': { zh: '连麦申请', en: 'Co-host requests' },
  'live.accept': { zh: '同意', en: 'Accept' },
  'live.reject': { zh: '拒绝', en: 'Reject' },
  'live.coHosts': { zh: '连麦观众', en: 'Co-hosts' },
  'live.end': { zh: '结束连麦', en: 'End' },
  'live.rejected': { zh: '主播拒绝了连麦', en: 'The anchor declined' },
  'live.timeout': { zh: '连麦申请超时', en: 'Co-host request timed out' },
  'live.noAnchor': { zh: '还没有主播在推流', en: 'No anchor is publishing yet' },

  'form.sdkAppID': { zh: 'SDKAppID', en: 'SDKAppID' },
  'form.optional': { zh: '选填', en: 'Optional' },
  'form.sdkAppID.hint': { zh: '留空则使用签名服务的 SDKAppID', en: "Empty: use the sign service's SDKAppID" },
  'form.userID': { zh: '用户 ID', en: 'User ID' },
  'form.userID.shuffle': { zh: '换一个', en: 'Shuffle' },
  'form.roomID': { zh: '房间号', en: 'Room ID' },
  'form.roomID.hint': { zh: '1 – 4294967294 的整数', en: 'An integer from 1 to 4294967294' },
  'form.template': { zh: '布局模板', en: 'Layout' },
  'form.enableIM': { zh: '启用 IM 聊天', en: 'Enable IM chat' },
  'form.beauty': { zh: '美颜', en: 'Beauty' },
  'form.aspect': { zh: '画面比例', en: 'Aspect' },
  'form.signBaseURL': { zh: '签名服务地址', en: 'Sign service URL' },
  'form.signBaseURL.hint': { zh: '本地开发：npm run dev 的页面地址即可（开发服务器把 /api/ 转发给签名服务）', en: 'Local development: npm run dev\'s page address (its dev server forwards /api/ to the sign service)' },
  'form.signToken': { zh: '访问令牌', en: 'Access token' },
  'form.signToken.hint': { zh: '签名服务设置了 ACCESS_TOKEN 时填写；默认只保留到关闭应用', en: 'When the sign service sets ACCESS_TOKEN; kept until the app closes' },
  'form.rememberToken': { zh: '在本设备上记住令牌', en: 'Remember the token on this device' },
  'form.submit': { zh: '进入房间', en: 'Enter room' },
  'form.submitting': { zh: '正在获取签名…', en: 'Getting a signature…' },
  'form.section.room': { zh: '房间', en: 'Room' },
  'form.section.media': { zh: '音视频', en: 'Media' },
  'form.section.service': { zh: '签名服务', en: 'Sign service' },

  'template.float': { zh: '悬浮', en: 'Float' },
  'template.bigsmall': { zh: '大小画面', en: 'Big + small' },
  'template.grid': { zh: '宫格', en: 'Grid' },
  'template.1v3': { zh: '1v3 自定义', en: '1v3 custom' },

  'err.sdkAppID.format': { zh: 'SDKAppID 必须是正整数', en: 'SDKAppID must be a positive integer' },
  'err.userID.empty': { zh: '请输入用户 ID', en: 'Please enter a user ID' },
  'err.userID.tooLong': { zh: '用户 ID 最长 32 个字符', en: 'User ID is at most 32 characters' },
  'err.userID.chars': { zh: '用户 ID 只能包含字母、数字、_ 和 -', en: 'User ID may only contain letters, digits, _ and -' },
  'err.roomID.empty': { zh: '请输入房间号', en: 'Please enter a room ID' },
  'err.roomID.notNumber': { zh: '房间号必须是数字', en: 'Room ID must be a number' },
  'err.roomID.range': { zh: '房间号必须在 1 到 4294967294 之间', en: 'Room ID must be between 1 and 4294967294' },
  'err.signBaseURL.format': { zh: '请输入 http(s):// 开头的地址', en: 'Enter an address starting with http(s)://' },

  'err.signToken.format': { zh: '令牌只能包含可见 ASCII 字符，且不含空格', en: 'The token may only contain visible ASCII characters, no spaces' },

  'sign.error.title': { zh: '获取签名失败', en: 'Could not get a signature' },
  'sign.error.network': { zh: '无法连接签名服务，请确认已运行 npm run sign-server 且地址正确（小程序需配置 request 合法域名）。', en: 'Cannot reach the sign service: is `npm run sign-server` running at this address? (Mini-programs also need it in the request domain whitelist.)' },
  'sign.error.http': { zh: '签名服务拒绝了请求', en: 'The sign service refused the request' },
  'sign.error.bad_response': { zh: '签名服务的返回无法识别', en: 'The sign service answered something unexpected' },
  'sign.error.sdkappid_mismatch': { zh: 'SDKAppID 与签名服务不一致', en: "SDKAppID differs from the sign service's" },

  'room.status': { zh: '状态', en: 'Status' },
  'room.roomID': { zh: '房间', en: 'Room' },
  'room.me': { zh: '我', en: 'Me' },
  'room.members': { zh: '成员', en: 'Members' },
  'room.members.empty': { zh: '房间里还没有其他人', en: 'Nobody else is here yet' },
  'room.events': { zh: '事件', en: 'Events' },
  'room.events.empty': { zh: '暂无事件', en: 'No events yet' },
  'room.chat': { zh: '聊天', en: 'Chat' },
  'room.noSession': { zh: '没有进房信息，请从首页进入房间。', en: 'No room session: enter a room from the first page.' },
  'room.back': { zh: '返回首页', en: 'Back to start' },
  'room.loading': { zh: '连接中', en: 'Connecting' },
  'custom.waiting': { zh: '等待加入', en: 'Waiting to join' },
  'member.video': { zh: '视频', en: 'Video' },
  'member.audio': { zh: '音频', en: 'Audio' },
  'member.screen': { zh: '屏幕共享', en: 'Screen share' },
  'member.noMedia': { zh: '未开启音视频', en: 'No audio or video' },
  'member.muteAudio': { zh: '静音', en: 'Mute' },
  'member.unmuteAudio': { zh: '取消静音', en: 'Unmute' },
  'member.hideVideo': { zh: '关画面', en: 'Hide video' },
  'member.showVideo': { zh: '开画面', en: 'Show video' },
  'member.bigStream': { zh: '大流', en: 'Big stream' },
  'member.smallStream': { zh: '小流', en: 'Small stream' },

  'status.idle': { zh: '未开始', en: 'Idle' },
  'status.preflight': { zh: '检查环境', en: 'Checking' },
  'status.entering': { zh: '进房中', en: 'Entering' },
  'status.in_room': { zh: '通话中', en: 'In room' },
  'status.paused': { zh: '已暂停', en: 'Paused' },
  'status.reconnecting': { zh: '重连中', en: 'Reconnecting' },
  'status.exited': { zh: '已退出', en: 'Left' },
  'status.error': { zh: '出错', en: 'Error' },

  'tool.mute': { zh: '静音', en: 'Mute' },
  'tool.unmute': { zh: '取消静音', en: 'Unmute' },
  'tool.cameraOff': { zh: '关摄像头', en: 'Camera off' },
  'tool.cameraOn': { zh: '开摄像头', en: 'Camera on' },
  'tool.switchCamera': { zh: '翻转', en: 'Flip' },
  'tool.pause': { zh: '暂停', en: 'Pause' },
  'tool.resume': { zh: '继续', en: 'Resume' },
  'tool.leave': { zh: '离开', en: 'Leave' },
  'media.share': { zh: '共享屏幕', en: 'Share screen' },
  'media.stopShare': { zh: '停止共享', en: 'Stop sharing' },
  'media.camera': { zh: '摄像头', en: 'Camera' },
  'media.microphone': { zh: '麦克风', en: 'Microphone' },
  'media.speaker': { zh: '扬声器', en: 'Speaker' },
  'media.default': { zh: '默认', en: 'Default' },
  'room.retry': { zh: '重试', en: 'Retry' },

  'chat.to': { zh: '发给', en: 'To' },
  'chat.group': { zh: '全体（群聊）', en: 'Everyone (group)' },
  'chat.text': { zh: '文本', en: 'Text' },
  'chat.custom': { zh: '自定义', en: 'Custom' },
  'chat.placeholder': { zh: '输入消息', en: 'Type a message' },
  'chat.send': { zh: '发送', en: 'Send' },
  'chat.empty': { zh: '还没有消息', en: 'No messages yet' },
  'chat.failed': { zh: '发送失败', en: 'not sent' },
  'im.logged_out': { zh: 'IM 未登录', en: 'IM signed out' },
  'im.logging_in': { zh: 'IM 登录中…', en: 'IM signing in…' },
  'im.logged_in': { zh: 'IM 已登录', en: 'IM signed in' },
  'im.failed': { zh: 'IM 登录失败', en: 'IM sign-in failed' },
  'im.kicked_out': { zh: 'IM 已被踢下线', en: 'IM signed out by the server' },
  'im.joined': { zh: '已加入群', en: 'in group' },
  'chat.disabled': { zh: '进房时未启用 IM，聊天不可用。', en: 'IM was off when entering: chat is unavailable.' },
  'chat.notInstalled': { zh: '应用未安装 IM 入口（main.ts 未导入 webrtc-room/im）。', en: 'The app has not installed the IM entry (main.ts does not import webrtc-room/im).' },
} satisfies Record<string, Record<Locale, string>>

export type MessageKey = keyof typeof messages

const STORAGE_KEY = 'webrtc-room-demo:locale'

function initialLocale(): Locale {
  try {
    const saved = uni.getStorageSync(STORAGE_KEY)
    if (saved === 'zh' || saved === 'en') return saved
    return detectLocale(uni.getLocale?.() ?? '')
  } catch {
    return 'en'
  }
}

/** 'zh-Hans', 'zh_CN', 'zh' → zh; everything else → en. */
export function detectLocale(systemLocale: string): Locale {
  return /^zh/i.test(systemLocale) ? 'zh' : 'en'
}

export function translate(locale: Locale, key: MessageKey): string {
  return messages[key][locale]
}

export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key)
}

const locale = ref<Locale>(initialLocale())

/** Shared across pages: switching on one page relabels all of them. */
export function useI18n() {
  const t = (key: MessageKey) => translate(locale.value, key)
  const setLocale = (next: Locale) => {
    locale.value = next
    try {
      uni.setStorageSync(STORAGE_KEY, next)
    } catch {
      // Storage full or unavailable: the switch still applies for this session.
    }
  }
  const toggleLocale = () => setLocale(locale.value === 'zh' ? 'en' : 'zh')
  return { locale, t, setLocale, toggleLocale }
}
