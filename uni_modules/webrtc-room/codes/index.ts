/**
 * The opt-in code-text entry of webrtc-room: THE full code tables — every live-pusher / live-player
 * code, the live-pusher `binderror` codes, the original's room codes (-4 … -10, 10 … 19), the plugin's
 * own codes (-900xx … -904xx) and the IM send-callback codes, each with a source, a level, a zh + en
 * meaning and advice (what the user or the developer should do).
 *
 * The default build carries only a summary derived from these tables (core/codes.ts: code, source,
 * level, a short zh/en message for the plugin's own warnings and errors). An app that wants the
 * meanings and advice in `describeCode` and the media-codes store imports this entry once, in main.ts:
 *
 *     import '@/uni_modules/webrtc-room/codes'
 *
 * Numbers are not unique across sources (3001–3005 exist for the pusher and the player; -1…-4 are
 * both room and IM-send codes), so entries are keyed by `source:code`.
 *
 * The summary is generated from these rows (`npm run codes:summary`); tests/core/codes.test.ts fails
 * when the two drift. A warning's or error's `zh` / `en` is that summary's short message: keep it short,
 * put the detail in the advice.
 */
import { RoomErrorCode, RoomStatusCode, installCodeTables, type CodeInfo, type CodeLevel, type CodeSource } from '../lib/runtime'

export type { CodeInfo, CodeAdvice, CodeLevel, CodeSource, CodeSummary } from '../lib/runtime'

type Row = [code: number, level: CodeLevel, zh: string, en: string, adviceZh: string, adviceEn: string]

const NO_ACTION_ZH = '无需处理。'
const NO_ACTION_EN = 'Nothing to do.'
const NET_ZH = '检查网络连接（Wi-Fi / 4G）后重试；持续出现请切换网络。'
const NET_EN = 'Check the network (Wi-Fi / cellular) and try again; switch networks if it persists.'
const RESTART_PUSH_ZH = '组件会自动退出并按退避策略重新进房；若最终失败，请检查网络后调用 start() 重新进入。'
const RESTART_PUSH_EN = 'The room leaves and re-enters with backoff by itself; if it finally gives up, check the network and call start() again.'
const REPORT_ZH = '多为设备或系统问题：重启小程序或更换设备重试；持续出现请附上日志反馈。'
const REPORT_EN = 'Usually a device or OS problem: restart the mini-program or try another device; report it with logs if it persists.'

const PUSHER: Row[] = [
  [1001, 'info', '已经连接推流服务器', 'connected to the push server', NO_ACTION_ZH, NO_ACTION_EN],
  [1002, 'info', '已经与服务器握手完毕，开始推流', 'handshake done, pushing', NO_ACTION_ZH, NO_ACTION_EN],
  [1003, 'info', '打开摄像头成功', 'camera opened', NO_ACTION_ZH, NO_ACTION_EN],
  [1004, 'info', '录屏启动成功', 'screen capture started', NO_ACTION_ZH, NO_ACTION_EN],
  [1005, 'info', '推流动态调整分辨率', 'push resolution adjusted', NO_ACTION_ZH, NO_ACTION_EN],
  [1006, 'info', '推流动态调整码率', 'push bitrate adjusted', NO_ACTION_ZH, NO_ACTION_EN],
  [1007, 'info', '首帧画面采集完成', 'first frame captured', NO_ACTION_ZH, NO_ACTION_EN],
  [1008, 'info', '编码器启动', 'encoder started', NO_ACTION_ZH, NO_ACTION_EN],
  [1018, 'info', '进入房间成功', 'entered the room', NO_ACTION_ZH, NO_ACTION_EN],
  [1019, 'info', '退出房间', 'left the room', '若非主动退出（被踢或房间解散），可重新调用 start() 进房。', 'If you did not leave on purpose (kicked out or room dismissed), call start() to enter again.'],
  [1020, 'info', '成员列表（旧版：完整列表）', 'member list (legacy: the full list)', NO_ACTION_ZH, NO_ACTION_EN],
  [1021, 'warning', '网络切换，重新进房', 'network changed, re-entering', '组件会自动退出并重新进房，无需处理。', 'The room re-enters by itself; nothing to do.'],
  [1022, 'error', '进入房间失败', 'enter room failed', '检查 sdkAppID、userSig 与 roomID 是否匹配且未过期，再调用 start() 重试。', 'Check that sdkAppID, userSig and roomID match and the userSig has not expired, then call start() again.'],
  [1031, 'info', '远端用户进房', 'remote user entered', NO_ACTION_ZH, NO_ACTION_EN],
  [1032, 'info', '远端用户退房', 'remote user left', NO_ACTION_ZH, NO_ACTION_EN],
  [1033, 'info', '远端用户视频状态变化', 'remote user video on/off', NO_ACTION_ZH, NO_ACTION_EN],
  [1034, 'info', '远端用户音频状态变化', 'remote user audio on/off', NO_ACTION_ZH, NO_ACTION_EN],
  [1101, 'warning', '上行带宽不足', 'upstream bandwidth too low', '靠近路由器或切换到更好的网络；也可降低 maxBitrate。', 'Move closer to the router or switch networks; a lower maxBitrate also helps.'],
  [1102, 'warning', '网络断开，自动重连中', 'disconnected, reconnecting', '等待自动重连；持续出现请检查网络。', 'Wait for the automatic reconnect; check the network if it keeps happening.'],
  [1103, 'warning', '硬编码失败，改用软编码', 'hardware encoding failed, using software', '无需处理；低端机可能发热，可降低码率。', 'Nothing to do; low-end phones may heat up, a lower bitrate helps.'],
  [1104, 'warning', '视频编码失败', 'video encode failed', REPORT_ZH, REPORT_EN],
  [1105, 'warning', '美颜编码失败，改用旧编码', 'beauty encoder failed, using the old one', NO_ACTION_ZH, NO_ACTION_EN],
  [1106, 'warning', '美颜编码失败，改用旧编码', 'beauty encoder failed, using the old one', NO_ACTION_ZH, NO_ACTION_EN],
  [3001, 'warning', 'RTMP DNS 解析失败', 'DNS resolution failed', NET_ZH, NET_EN],
  [3002, 'warning', 'RTMP 服务器连接失败', 'could not connect to the server', NET_ZH, NET_EN],
  [3003, 'warning', 'RTMP 服务器握手失败', 'server handshake failed', NET_ZH, NET_EN],
  [3004, 'warning', 'RTMP 服务器主动断开', 'the server closed the connection', NET_ZH, NET_EN],
  [3005, 'warning', 'RTMP 读/写失败', 'network read/write failed', NET_ZH, NET_EN],
  [4998, 'info', '未公开的状态码（message 为空）', 'undocumented status (empty message)', NO_ACTION_ZH, NO_ACTION_EN],
  [4999, 'info', '未公开的状态码（message 为空）', 'undocumented status (empty message)', NO_ACTION_ZH, NO_ACTION_EN],
  [5000, 'warning', '小程序被挂起（切到后台）', 'mini-program suspended (hidden)', '回到小程序后调用 start() 重新进房。', 'Call start() again when the mini-program is back in front.'],
  [5001, 'warning', '悬浮窗被关闭', 'floating window closed', '需要继续通话时调用 start() 重新进房。', 'Call start() again to continue the call.'],
  [-1301, 'error', '打开摄像头失败', 'camera open failed', '确认摄像头未被其他应用占用、已授予微信摄像头权限，然后重新进房。', 'Make sure no other app uses the camera and WeChat may use it, then enter again.'],
  [-1302, 'error', '打开麦克风失败', 'microphone open failed', '确认麦克风未被其他应用（如通话）占用、已授予微信麦克风权限，然后重新进房。', 'Make sure no other app (or a call) uses the microphone and WeChat may use it, then enter again.'],
  [-1303, 'error', '视频编码失败', 'video encode failed', REPORT_ZH, REPORT_EN],
  [-1304, 'error', '音频编码失败', 'audio encode failed', REPORT_ZH, REPORT_EN],
  [-1305, 'error', '不支持的视频分辨率', 'unsupported video resolution', '换用 aspect 或更低的码率后重试。', 'Try another aspect or a lower bitrate.'],
  [-1306, 'error', '不支持的音频采样率', 'unsupported audio sample rate', REPORT_ZH, REPORT_EN],
  [-1307, 'error', '网络断连，且经多次重连无效', 'network disconnected after retries', RESTART_PUSH_ZH, RESTART_PUSH_EN],
  [-1308, 'error', '开始录屏失败', 'screen capture start failed', '用户可能拒绝了录屏授权，重新发起并允许。', 'The user may have refused screen capture; start again and allow it.'],
  [-1309, 'error', '系统版本不支持录屏', 'screen capture unsupported (Android < 5)', '该设备无法录屏。', 'Screen capture is not available on this device.'],
  [-1310, 'error', '录屏被其他应用打断', 'screen capture interrupted by another app', '重新开始录屏。', 'Start the screen capture again.'],
  [-1311, 'error', '麦克风录不到声音', 'microphone records no audio', '检查系统是否禁止了微信录音，或麦克风被其他应用占用。', 'Check that the OS lets WeChat record and no other app holds the microphone.'],
  [-1312, 'error', '切换横竖屏失败', 'orientation switch failed', REPORT_ZH, REPORT_EN],
  [-1313, 'error', '推流地址非法', 'invalid push address', '检查 sdkAppID、roomID、userID 等参数；使用本插件生成的地址。', 'Check sdkAppID, roomID and userID; use the URL this plugin builds.'],
  [-1324, 'error', '连接服务器失败', 'server connect failed', RESTART_PUSH_ZH, RESTART_PUSH_EN],
  [-1325, 'error', '网络不可用', 'network unavailable', RESTART_PUSH_ZH, RESTART_PUSH_EN],
  [-1326, 'error', '服务器拒绝连接', 'the server refused the connection', '检查 userSig 是否有效、应用是否开通 TRTC 且未欠费。', 'Check that the userSig is valid and TRTC is enabled and paid for this sdkAppID.'],
  [-3301, 'error', '进入房间失败', 'enter room failed', '检查 sdkAppID、userSig、roomID 与 privateMapKey，再调用 start() 重试。', 'Check sdkAppID, userSig, roomID and privateMapKey, then call start() again.'],
  [-100018, 'error', 'userSig 校验失败', 'userSig check failed', '由服务端用正确的 sdkAppID 与密钥为该 userID 重新签发 userSig。', 'Have your server sign a new userSig for this userID with the right sdkAppID and key.'],
]

const PLAYER: Row[] = [
  [2001, 'info', '已经连接服务器', 'connected to the server', NO_ACTION_ZH, NO_ACTION_EN],
  [2002, 'info', '已经连接服务器，开始拉流', 'connected, started pulling', NO_ACTION_ZH, NO_ACTION_EN],
  [2003, 'info', '网络接收到首个视频数据包', 'first video frame rendered', NO_ACTION_ZH, NO_ACTION_EN],
  [2004, 'info', '视频播放开始', 'playback started', NO_ACTION_ZH, NO_ACTION_EN],
  [2005, 'info', '视频播放进度', 'playback progress', NO_ACTION_ZH, NO_ACTION_EN],
  [2006, 'info', '视频播放结束', 'playback ended', NO_ACTION_ZH, NO_ACTION_EN],
  [2007, 'info', '视频播放 loading', 'loading', NO_ACTION_ZH, NO_ACTION_EN],
  [2008, 'info', '解码器启动', 'decoder started', NO_ACTION_ZH, NO_ACTION_EN],
  [2009, 'info', '视频分辨率改变', 'video resolution changed', NO_ACTION_ZH, NO_ACTION_EN],
  [2012, 'info', '收到 SEI 消息', 'SEI message received', NO_ACTION_ZH, NO_ACTION_EN],
  [2026, 'info', '首个音频帧已播放', 'first audio frame played', NO_ACTION_ZH, NO_ACTION_EN],
  [2101, 'warning', '当前视频帧解码失败', 'video frame decode failed', NO_ACTION_ZH, NO_ACTION_EN],
  [2102, 'warning', '当前音频帧解码失败', 'audio frame decode failed', NO_ACTION_ZH, NO_ACTION_EN],
  [2103, 'warning', '网络断连，已启动自动重连', 'disconnected, reconnecting', '等待自动重连；持续出现请检查网络。', 'Wait for the automatic reconnect; check the network if it persists.'],
  [2104, 'warning', '下行网络不稳', 'unstable downstream network', NET_ZH, NET_EN],
  [2105, 'warning', '当前视频播放出现卡顿', 'playback stutter', NET_ZH, NET_EN],
  [2106, 'warning', '硬解失败，改用软解', 'hardware decoding failed, using software', NO_ACTION_ZH, NO_ACTION_EN],
  [2107, 'warning', '视频帧不连续', 'video frames lost', NO_ACTION_ZH, NO_ACTION_EN],
  [2108, 'warning', '首帧硬解失败，改用软解', 'first frame hardware decode failed', NO_ACTION_ZH, NO_ACTION_EN],
  [3001, 'warning', 'RTMP DNS 解析失败', 'DNS resolution failed', NET_ZH, NET_EN],
  [3002, 'warning', 'RTMP 服务器连接失败', 'could not connect to the server', NET_ZH, NET_EN],
  [3003, 'warning', 'RTMP 服务器握手失败', 'server handshake failed', NET_ZH, NET_EN],
  [3004, 'warning', 'RTMP 服务器主动断开', 'the server closed the connection', NET_ZH, NET_EN],
  [3005, 'warning', 'RTMP 读/写失败', 'network read/write failed', NET_ZH, NET_EN],
  [6002, 'warning', '播放警告', 'player warning', NO_ACTION_ZH, NO_ACTION_EN],
  [6003, 'warning', '播放警告', 'player warning', NO_ACTION_ZH, NO_ACTION_EN],
  [6004, 'warning', '播放警告', 'player warning', NO_ACTION_ZH, NO_ACTION_EN],
  [6005, 'warning', '播放警告', 'player warning', NO_ACTION_ZH, NO_ACTION_EN],
  [-2301, 'error', '多次重连失败，停止播放', 'disconnected after retries, stopped', '该成员画面被移除；其下次音视频通知会自动恢复播放，或调用 playMember() 重试。', 'The stream is removed; its next audio/video notice brings it back, or call playMember() to retry.'],
  [-2302, 'error', '获取加速拉流地址失败', 'could not get the play address', NET_ZH, NET_EN],
  [-2304, 'error', 'H265 解码失败', 'HEVC decode failed', '该设备不支持 H.265，请让对方使用 H.264 推流。', 'This device cannot decode H.265; have the sender use H.264.'],
  [-2308, 'error', '服务器拒绝连接', 'the server refused the connection', '检查 userSig 与拉流权限（privateMapKey）。', 'Check the userSig and the play privilege (privateMapKey).'],
]

const PUSHER_ERROR: Row[] = [
  [10001, 'error', '用户禁止使用摄像头', 'no camera permission', '引导用户在设置中允许“摄像头”，然后重新进房。', 'Guide the user to allow "Camera" in the settings, then enter again.'],
  [10002, 'error', '用户禁止使用录音', 'no record (microphone) permission', '引导用户在设置中允许“麦克风”，然后重新进房。', 'Guide the user to allow "Microphone" in the settings, then enter again.'],
  [10003, 'warning', '背景音资源（BGM）加载失败', 'background music (BGM) load failed', '检查 BGM 地址是否可访问并已加入合法域名。', 'Check that the BGM URL is reachable and its domain is whitelisted.'],
  [10004, 'warning', '等待画面加载失败', 'waiting image load failed', '检查 waitingImg 地址是否可访问并已加入合法域名。', 'Check that the waitingImg URL is reachable and its domain is whitelisted.'],
]

// The table names every code, so it reads the public objects: the whole object ships in fewer bytes than one
// lib/runtime export per constant would (room-codes app: 91,923 vs 92,269 B).
const E = RoomErrorCode
const S = RoomStatusCode
const FIX_PROP_ZH = '按错误信息中的 prop 修正组件属性（或 createRoom 的参数）。'
const FIX_PROP_EN = 'Fix the prop named in the error (or the createRoom option).'

const ROOM: Row[] = [
  // The 2018 original's codes.
  [E.CAMERA_OPEN_FAILED, 'error', '打开摄像头失败', 'camera open failed', '确认摄像头未被占用且已授权，然后重新进房。', 'Make sure the camera is free and allowed, then enter again.'],
  [E.MIC_OPEN_FAILED, 'error', '打开麦克风失败', 'microphone open failed', '确认麦克风未被占用且已授权，然后重新进房。', 'Make sure the microphone is free and allowed, then enter again.'],
  [E.PUSH_DISCONNECTED, 'error', '推流连接断开', 'push disconnected', '检查网络后调用 start() 重新进房。', 'Check the network, then call start() again.'],
  [E.MEDIA_PERMISSION, 'error', '没有摄像头或麦克风权限', 'no camera or microphone permission', '引导用户在设置中允许摄像头和麦克风，然后重新进房。', 'Guide the user to allow camera and microphone in the settings, then enter again.'],
  [E.OVER_CAPACITY, 'error', '人数超过模板容量', 'more members than the template shows', '换用 grid / custom 模板，或限制房间人数；多出的成员仍在 store 中。', 'Use the grid or a custom template, or limit the room size; extra members stay in the store.'],
  [E.ROOM_SIG_FAILED, 'error', '获取房间签名失败', 'room signature request failed', '检查网络与合法域名（official.opensso.tencent-cloud.com / yun.tim.qq.com），以及 userSig 与 privateMapKey。', 'Check the network, the whitelisted domains (official.opensso.tencent-cloud.com / yun.tim.qq.com), userSig and privateMapKey.'],
  [E.JOIN_ROOM_FAILED, 'error', '进房失败或被移出房间', 'join failed or removed from the room', '检查签名与房间号后调用 start() 重新进房。', 'Check the signatures and the room id, then call start() again.'],
  // The original's status codes.
  [S.PUSH_OK, 'info', '推流成功', 'push ok', NO_ACTION_ZH, NO_ACTION_EN],
  [S.JOINED, 'info', '进房成功', 'joined the room', NO_ACTION_ZH, NO_ACTION_EN],
  [S.MEMBER_LIST, 'info', '成员变化', 'members changed', NO_ACTION_ZH, NO_ACTION_EN],
  [S.NETWORK_CHANGE, 'info', '网络变化，正在重新进房', 'network changed, re-entering', NO_ACTION_ZH, NO_ACTION_EN],
  [S.PUSHER_LOADING, 'info', '推流加载中', 'pusher loading', NO_ACTION_ZH, NO_ACTION_EN],
  [S.PUSHER_PLAYING, 'info', '推流中', 'pusher playing', NO_ACTION_ZH, NO_ACTION_EN],
  [S.PLAYER_LOADING, 'info', '播放加载中', 'player loading', NO_ACTION_ZH, NO_ACTION_EN],
  [S.PLAYER_PLAYING, 'info', '播放中', 'player playing', NO_ACTION_ZH, NO_ACTION_EN],
  [S.PLAYER_DISCONNECTED, 'warning', '播放断开', 'player disconnected', '该成员画面被移除，其下次音视频通知会恢复播放。', "The member's stream is removed; its next audio/video notice brings it back."],
  [S.LEFT, 'info', '已退出房间', 'left the room', NO_ACTION_ZH, NO_ACTION_EN],
  // Props.
  [E.INVALID_PROP, 'error', '属性值无效', 'invalid prop', `${FIX_PROP_ZH}scene 为 'live' 或设置了 role 时：在 main.ts 中 import '@/uni_modules/webrtc-room/live'。`, `${FIX_PROP_EN} For scene 'live' or a role: import '@/uni_modules/webrtc-room/live' in main.ts.`],
  [E.MISSING_PROP, 'error', '缺少必填属性', 'missing required prop', '传入 sdkAppID、userID、userSig 与 roomID。', 'Pass sdkAppID, userID, userSig and roomID.'],
  [E.INVALID_SDKAPPID, 'error', 'sdkAppID 无效', 'invalid sdkAppID', '使用 TRTC 控制台中的 SDKAppID（正整数）。', 'Use the SDKAppID (a positive integer) from the TRTC console.'],
  [E.INVALID_USERID, 'error', 'userID 无效', 'invalid userID', 'userID 为 1–32 个字母、数字或 _ - . @，不含空格和中文。', 'userID: 1–32 letters, digits or _ - . @; no spaces, no CJK.'],
  [E.INVALID_USERSIG, 'error', 'userSig 格式无效', 'invalid userSig format', '传入服务端签发的 userSig 原文（不要截断或加空格）。', 'Pass the userSig exactly as your server signed it (not truncated, no spaces).'],
  [E.INVALID_ROOMID, 'error', 'roomID 无效', 'invalid roomID', '数字房间号 1–4294967294，或合法的字符串房间号（旧版流程只支持数字）。', 'Numeric room 1–4294967294, or a valid string room id (the legacy flow needs a number).'],
  [E.INVALID_BITRATE, 'error', '码率无效', 'invalid bitrate', 'minBitrate 与 maxBitrate 为正数且 minBitrate ≤ maxBitrate。', 'minBitrate and maxBitrate must be positive with minBitrate ≤ maxBitrate.'],
  [E.PROP_CLAMPED, 'warning', '属性值超出范围，已截断', 'prop value clamped into range', 'beauty / whiteness 取 0–9。', 'Use 0–9 for beauty / whiteness.'],
  // Platform / preflight.
  [E.UNSUPPORTED_PLATFORM, 'error', '不支持的平台', 'unsupported platform', '在微信小程序或 H5 中使用本组件。', 'Use the component in a WeChat mini-program or on H5.'],
  [E.DEVTOOLS_SIMULATOR, 'error', '开发者工具模拟器不支持 live-pusher', 'the WeChat devtools simulator has no live-pusher', '请使用“真机调试”或“预览”在手机上运行。', 'Run on a phone ("real device debugging" or "preview").'],
  [E.BASE_LIBRARY_TOO_OLD, 'error', '基础库版本过低', 'base library too old', '请用户升级微信；或在小程序后台提高最低基础库版本；要支持旧客户端请 import 旧版进房入口 @/uni_modules/webrtc-room/legacy。', 'Ask the user to update WeChat, or raise the minimum base library in the admin console; to serve old clients import the legacy entry @/uni_modules/webrtc-room/legacy.'],
  [E.WECHAT_TOO_OLD, 'error', '微信版本过低', 'WeChat too old', '请用户升级微信到最新版本；要支持旧客户端请 import 旧版进房入口 @/uni_modules/webrtc-room/legacy。', 'Ask the user to update WeChat; to serve old clients import the legacy entry @/uni_modules/webrtc-room/legacy.'],
  [E.CAMERA_PERMISSION_DENIED, 'error', '用户拒绝了摄像头授权', 'camera permission denied', '引导用户打开设置页允许“摄像头”（openSetting 需要用户点击触发），然后 start()；<webrtc-room> 引入 permission-guide 入口后自动引导。', 'Guide the user to the settings page (openSetting needs a tap) to allow "Camera", then start(); <webrtc-room> does it with the permission-guide entry.'],
  [E.RECORD_PERMISSION_DENIED, 'error', '用户拒绝了麦克风授权', 'microphone permission denied', '引导用户打开设置页允许“麦克风”（openSetting 需要用户点击触发），然后 start()；<webrtc-room> 引入 permission-guide 入口后自动引导。', 'Guide the user to the settings page (openSetting needs a tap) to allow "Microphone", then start(); <webrtc-room> does it with the permission-guide entry.'],
  [E.LIVE_PUSHER_NOT_GRANTED, 'error', '小程序无 live-pusher 权限', 'live-pusher not granted to this app', '在小程序后台“开发 - 接口设置”开通实时播放/录制音视频（需符合的类目）。', 'Enable real-time audio/video in the admin console (needs an allowed category).'],
  // Room life.
  [E.USERSIG_EXPIRED, 'error', 'userSig 已过期，未能刷新', 'userSig expired, not refreshed', '设置 getUserSig（由服务端重新签发）并引入 sig-refresh 入口，房间会自动重新进房 / 重新登录 IM；已设置时 detail.message 说明刷新为何失败（出错、超时、返回值无效或新签名仍被拒绝）。', 'Set getUserSig (your server signs a new one) and import the sig-refresh entry: the room re-enters / logs in to IM again by itself; with it set, detail.message says why the refresh failed (error, timeout, a bad answer, or the new sig was rejected too).'],
  [E.USERSIG_MALFORMED, 'error', 'userSig 校验失败', 'userSig malformed or rejected', '检查签发 userSig 的 sdkAppID、userID 与密钥是否与本房间一致。', 'Check that the userSig was signed for this sdkAppID and userID with the right key.'],
  [E.ENTER_TIMEOUT, 'error', '进房超时', 'enter room timed out', '检查网络与签名后重试；可通过 enterTimeout 调整超时时间。', 'Check the network and signatures and try again; enterTimeout tunes the limit.'],
  [E.INVALID_STATE, 'warning', '当前状态下调用无效', 'called in the wrong state: ignored', '先 start() 再 pause()/resume()；不要重复 start()。', 'Call start() before pause()/resume(); do not start twice.'],
  [E.KICKED_OUT, 'error', '被移出房间', 'kicked out of the room', '同一 userID 可能在别处登录；确认后重新进房。', 'The same userID may have entered elsewhere; check, then enter again.'],
  // Live scene and co-hosting: only the opt-in live entry emits them (their summary is in live/index.ts).
  [E.INVALID_ROLE, 'error', '角色无效', 'invalid role', "role 取 'anchor'（主播）或 'audience'（观众）。", "Use role 'anchor' or 'audience'."],
  [E.ROLE_NEEDS_LIVE, 'error', '只有直播场景才有角色', "role needs scene 'live'", "设置 scene 为 'live'，或去掉 role（rtc 场景人人推流）。", "Set scene to 'live', or drop role (everyone publishes in the rtc scene)."],
  [E.ANCHOR_LIMIT, 'warning', '主播已满 50 人，无法上麦', 'the room already has 50 anchors', '请其他主播先下麦（role 改回 audience）再上麦。', "Ask another anchor to step down (role back to 'audience') first."],
  [E.ROLE_SWITCH_FAILED, 'warning', '切换角色失败', 'role switch failed', '角色保持不变；检查摄像头/麦克风授权与网络后重试。', 'The role is unchanged; check camera/microphone permission and the network, then retry.'],
  [E.COHOST_STALE, 'error', '连麦申请已失效', 'co-host request is stale', '申请已被处理、撤回或超时；以 IM store 中的 coHost.requests 为准。', 'The request was answered, cancelled or timed out; use coHost.requests in the IM store.'],
  [E.COHOST_NOT_ALLOWED, 'error', '当前无法连麦', 'co-hosting not possible now', "需要 scene 'live'、已就绪的 IM，观众才能申请、主播才能同意；同一时间只能有一个申请。", "Needs scene 'live' and a ready IM: the audience requests, anchors answer; one request at a time."],
  [E.COHOST_TIMEOUT, 'warning', '连麦申请超时', 'co-host request timed out', '对方未在时限内回应，可再次申请。', 'No answer in time; request again.'],
  // Emitted on mp-weixin (an H5-only method called there): a room code, in every build.
  [E.H5_ONLY, 'warning', '仅 H5（浏览器）支持', 'available in the browser (H5) only', '屏幕共享与设备选择只在 H5 可用；小程序端请用 switchCamera()。', 'Screen share and device choice work on H5 only; on mp-weixin use switchCamera().'],
]

const IM: Row[] = [
  [E.IM_DISABLED, 'error', '未开启 IM', 'IM is disabled (enableIM false)', '设置 enableIM 为 true 后再发送消息。', 'Set enableIM to true before sending messages.'],
  [E.IM_NOT_INSTALLED, 'error', '未安装 IM 入口', 'the IM entry is not installed', "在 main.ts 中 import 'uni_modules/webrtc-room/im' 并注册，再开启 enableIM。", "Import and register 'uni_modules/webrtc-room/im' in main.ts, then set enableIM."],
  [E.IM_LOGIN_FAILED, 'error', 'IM 登录失败', 'IM login failed', '检查 sdkAppID 是否开通 IM，以及 userSig 是否有效。', 'Check that IM is enabled for this sdkAppID and the userSig is valid.'],
  [E.IM_JOIN_GROUP_FAILED, 'error', '加入房间群组失败', 'joining the room group failed', '检查群组类型（imGroupType）与人数上限（体验版 AVChatRoom 有限制）。', 'Check imGroupType and the member cap (trial AVChatRoom groups are capped).'],
  [E.IM_SEND_FAILED, 'error', '消息发送失败', 'message send failed', NET_ZH, NET_EN],
  [E.IM_INVALID_RECEIVER, 'error', '没有接收者', 'no receiver', '传入接收方 userID。', 'Pass the receiver userID.'],
  [E.IM_EMPTY_MESSAGE, 'error', '消息为空', 'empty message', '不要发送空消息。', 'Do not send empty messages.'],
  [E.IM_MESSAGE_TOO_LONG, 'error', '消息过长', 'message too long', '单聊不超过 12000 字节，群聊不超过 8898 字节。', 'C2C at most 12000 bytes, group at most 8898 bytes.'],
  [E.IM_INVALID_DATA, 'error', '自定义消息的 data 无效', 'invalid custom message data', 'data 为非空字符串（对象请先 JSON.stringify）。', 'data must be a non-empty string (JSON.stringify objects first).'],
  [E.IM_NOT_READY, 'error', 'IM 尚未就绪', 'IM is not ready yet', '等待 login_event / join_group_event 成功后再发送。', 'Wait for a successful login_event / join_group_event before sending.'],
  [E.IM_SDK_ERROR, 'error', 'IM SDK 报告错误', 'the IM SDK reported an error', '查看 detail.nativeCode（tim-wx-sdk 错误码）。', 'See detail.nativeCode (the tim-wx-sdk error code).'],
  // The original's send-callback codes (fail(code, msg)).
  [-1, 'error', '没有接收者', 'no receiver', '传入接收方 userID。', 'Pass the receiver userID.'],
  [-2, 'error', '消息为空', 'empty message', '不要发送空消息。', 'Do not send empty messages.'],
  [-3, 'error', '消息过长', 'message too long', '单聊不超过 12000 字节，群聊不超过 8898 字节。', 'C2C at most 12000 bytes, group at most 8898 bytes.'],
  [-4, 'error', 'IM SDK 错误', 'IM SDK error', NET_ZH, NET_EN],
]

const BROWSER: Row[] = [
  [E.BROWSER_UNSUPPORTED, 'error', '浏览器不支持 WebRTC', 'this browser has no WebRTC', '使用最新版 Chrome、Edge、Safari 或 Firefox。', 'Use a current Chrome, Edge, Safari or Firefox.'],
  [E.INSECURE_CONTEXT, 'error', '页面需要 HTTPS', 'the page needs HTTPS', '通过 HTTPS 或 localhost 访问页面。', 'Serve the page over HTTPS or from localhost.'],
  [E.DEVICE_NOT_FOUND, 'error', '未找到摄像头或麦克风', 'no camera or microphone found', '连接摄像头/麦克风，或关闭 enableCamera 只发音频。', 'Connect a camera/microphone, or set enableCamera false for audio only.'],
  [E.MEDIA_PERMISSION_DENIED, 'error', '浏览器拒绝了摄像头/麦克风', 'camera/microphone access denied', '在地址栏的站点设置中允许摄像头和麦克风后重试。', "Allow camera and microphone in the address bar's site settings and try again."],
  [E.ENTER_ROOM_FAILED, 'error', '进入 TRTC 房间失败', 'entering the TRTC room failed', '检查 sdkAppID、userSig 与网络后重试。', 'Check sdkAppID, userSig and the network, then try again.'],
  [E.AUTOPLAY_BLOCKED, 'warning', '浏览器阻止了自动播放', 'the browser blocked autoplay', '提示用户点击页面任意位置以恢复声音。', 'Ask the user to tap the page to resume audio.'],
  [E.ENGINE_LOAD_FAILED, 'error', '加载 TRTC Web SDK 失败', 'loading the TRTC web SDK failed', '检查网络与打包配置（trtc-sdk-v5 是否被正确打包）。', 'Check the network and the build (is trtc-sdk-v5 bundled?).'],
  [E.BROWSER_FEATURE_IGNORED, 'warning', '浏览器不支持该功能，已忽略', 'not available in the browser: ignored', 'beauty/whiteness 仅在小程序端生效；切换摄像头需要至少两个摄像头。', 'beauty/whiteness work in the mini-program only; switchCamera needs at least two cameras.'],
  [E.SCREEN_SHARE_CANCELLED, 'warning', '用户取消了屏幕共享', 'screen sharing cancelled', '用户在浏览器的共享选择框中点了取消（或浏览器拒绝了屏幕采集）；房间照常继续，可再次调用 startScreenShare()。', 'The user closed the browser picker (or the browser denied screen capture); the room goes on, call startScreenShare() again to retry.'],
  [E.SCREEN_SHARE_UNSUPPORTED, 'warning', '浏览器不支持屏幕共享', 'this browser cannot share the screen', '需要桌面版 Chrome、Edge、Firefox 或 Safari 13+（getDisplayMedia）；手机浏览器一般不支持。', 'Needs desktop Chrome, Edge, Firefox or Safari 13+ (getDisplayMedia); mobile browsers usually cannot.'],
  [E.SCREEN_SHARE_FAILED, 'warning', '屏幕共享失败', 'screen sharing failed', '查看 detail.message；房间照常继续，可稍后重试。', 'See detail.message; the room goes on, try again later.'],
  [E.DEVICE_SELECT_FAILED, 'warning', '列出或切换设备失败', 'listing or switching devices failed', '用 getDevices() 返回的 deviceId；设备被拔出或被其他应用占用时换一个设备。', 'Use a deviceId from getDevices(); pick another device when it was unplugged or is in use by another app.'],
]

function toInfo(source: CodeSource, [code, level, zh, en, adviceZh, adviceEn]: Row): CodeInfo {
  return Object.freeze({ code, source, level, zh, en, advice: Object.freeze({ zh: adviceZh, en: adviceEn }) })
}

/** Every entry, grouped by source: rows {code, source, level, zh, en, advice: {zh, en}}. */
export const CODE_TABLES: Readonly<Record<CodeSource, readonly CodeInfo[]>> = Object.freeze({
  pusher: PUSHER.map((row) => toInfo('pusher', row)),
  player: PLAYER.map((row) => toInfo('player', row)),
  pusher_error: PUSHER_ERROR.map((row) => toInfo('pusher_error', row)),
  room: ROOM.map((row) => toInfo('room', row)),
  im: IM.map((row) => toInfo('im', row)),
  browser: BROWSER.map((row) => toInfo('browser', row)),
})

/** All entries as one list (pusher, player, pusher_error, room, im, browser). */
export const ALL_CODES: readonly CodeInfo[] = Object.freeze(Object.values(CODE_TABLES).flat())

// Importing this entry is what installs the texts: describeCode and the media-codes store answer with them.
installCodeTables(ALL_CODES)
