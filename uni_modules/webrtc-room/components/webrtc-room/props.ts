/**
 * `<webrtc-room>`'s props: every prop of the 2018 original with its name and default (SPEC.md 1), its
 * undocumented ones (roomName, userName, useCloud, playerBackgroundImg, soundMode) and ours.
 *
 * Props are declared loosely (no Vue validator, most without a default) on purpose: a bad value must
 * reach the core's validation and become ONE typed `error` room-event with a code and advice, not a
 * dev-only Vue console warning that production builds drop.
 */
import type { ExtractPropTypes, PropType } from 'vue'
import type { Aspect, BackgroundPolicy, EnterMode, GetUserSig, LiveRole, LiveScene, LocalMirror, ReconnectPolicy, RoomOptions, TemplateName } from '../../core/types'
import type { Lang } from '../common/room-view'

// Tiny prop builders (wot-design-uni style): the props object is both the runtime declaration and,
// through ExtractPropTypes, the TypeScript type.
const makeStringProp = <T extends string = string>(defaultVal: T) => ({ type: String as unknown as PropType<T>, default: defaultVal })
const makeBooleanProp = (defaultVal: boolean) => ({ type: Boolean, default: defaultVal })
/** A boolean left unset when absent (Vue would make it false): the core's default applies. */
const unsetBoolean = { type: Boolean, default: undefined }

const numberOrString = [Number, String] as PropType<number | string>

/**
 * Props that are room options (what `createRoom` / `update` take). Most have no default here: unset
 * they stay out of the options and the core's validation applies its default (the same value, one
 * table: core/options.ts). Those this component reads itself (template, smallView*) keep theirs.
 */
const optionProps = {
  /** 'float' | 'bigsmall' | 'grid'; any other name ('custom', '1v3') renders the `layout` slot. */
  template: makeStringProp<TemplateName>('float'),
  /** Required: the TRTC application id (positive integer; a numeric string is accepted). */
  sdkAppID: numberOrString,
  /** Required: 1–32 characters of letters, digits, `_ - . @`. */
  userID: String,
  /** Required: signed by your server; never logged in clear. */
  userSig: String,
  /** Required: 1..4294967294, or a string room id. */
  roomID: numberOrString,
  /** Alias of roomID used by the original's sample (`roomId="{{roomId}}"`). */
  roomId: numberOrString,
  /** Default ''. */
  privateMapKey: String,
  /** 0–9 (clamped with a `warning`); default 0. */
  beauty: numberOrString,
  whiteness: numberOrString,
  muted: unsetBoolean,
  debug: unsetBoolean,
  enableIM: unsetBoolean,
  /** Default '9:16'. */
  aspect: String as PropType<Aspect>,
  /** kbps; default 200 / 400. */
  minBitrate: numberOrString,
  maxBitrate: numberOrString,
  /** Play remote members as they join; false (default) leaves it to the app (store / `playMember`). */
  autoplay: unsetBoolean,
  /** Default true. */
  enableCamera: unsetBoolean,
  /** 1 pure audio, no recording; 2 pure audio, recorded as mp3. */
  pureAudioPushMod: Number as unknown as PropType<1 | 2>,
  /** Server recording id (`userdefinerecordid`). */
  recordId: Number,
  /** bigsmall only: the small window's position and size (any CSS length). */
  smallViewLeft: makeStringProp<string>('1vw'),
  smallViewTop: makeStringProp<string>('1vw'),
  smallViewWidth: makeStringProp<string>('30vw'),
  smallViewHeight: makeStringProp<string>('40vw'),
  /** Pusher `waiting-image` while the app is in the background (unset or '' = built-in). */
  waitingImg: String,
  /** Shown over a player until its first frame (unset or '' = built-in spinner). */
  loadingImg: String,
  // The original's undocumented props.
  roomName: String,
  /** IM nick; also the caption of the local view. */
  userName: String,
  /** Legacy enter flow: true (default) = official.opensso.tencent-cloud.com, false = yun.tim.qq.com. */
  useCloud: unsetBoolean,
  /** Background of a player tile (behind the video, and while a member has no video). */
  playerBackgroundImg: String,
  /** 'speaker' (default) | 'ear'. */
  soundMode: String as PropType<'speaker' | 'ear'>,
  // Beyond the original.
  /** 'auto' (default) picks the legacy room-signature flow only for clients too old for the modern URL. */
  enterMode: String as PropType<EnterMode>,
  /** Default 'AVChatRoom'. */
  imGroupType: String as PropType<NonNullable<RoomOptions['imGroupType']>>,
  reconnect: Object as PropType<Partial<ReconnectPolicy>>,
  /** ms without 1018 before entering counts as failed; 0 disables. */
  enterTimeout: Number,
  streamID: String,
  recvMode: Number as unknown as PropType<1 | 2 | 3 | 4>,
  enableBlackStream: unsetBoolean,
  /** Local preview mirror: 'auto' (default, front camera mirrored) | 'enable' | 'disable'. */
  localMirror: String as PropType<LocalMirror>,
  /** Others see you mirrored (default false). */
  remoteMirror: unsetBoolean,
  /** On app hide: 'keep' | 'mute' | 'pause' | 'leave'; unset = 'pause' in a mini-program, 'keep' in a browser tab. */
  backgroundPolicy: String as PropType<BackgroundPolicy>,
  /** Deprecated alias of backgroundPolicy: true → 'pause', false → 'keep'. */
  pauseOnHide: unsetBoolean,
  /** Also publish a small video stream (others' grids play it when many tiles are on screen). */
  enableSmallStream: unsetBoolean,
  /** Async: your server signs a new userSig when TRTC / IM rejects the current one (re-enter, no -90200). */
  getUserSig: Function as PropType<GetUserSig>,
  /** 'live' (直播, needs `import '@/uni_modules/webrtc-room/live'`): anchors publish, the audience watches; 'rtc' (default): everyone publishes. */
  scene: String as unknown as PropType<LiveScene>,
  /** Live scene only: 'anchor' | 'audience'; changing it in the room co-hosts / steps down. */
  role: String as unknown as PropType<LiveRole>,
}

/** The component's props: the room options, then the props of the view only. */
export const webrtcRoomProps = {
  ...optionProps,
  /** Labels of the built-in layouts, the debug overlay and the permission guide. */
  lang: makeStringProp<Lang>('zh'),
  /** Custom layouts: how many `seats` the `layout` slot gets (0 = as many as members, growing). */
  seats: { type: Number, default: 0 },
  /** When camera/mic were denied: offer the settings page, then start again when granted. */
  permissionGuide: makeBooleanProp(true),
  customClass: String,
  customStyle: String,
}

export type WebrtcRoomProps = ExtractPropTypes<typeof webrtcRoomProps>

type OptionKey = keyof typeof optionProps
// Compile-time check that every option prop is a RoomOptions key (Pick rejects any other key).
export type PropOptions = Pick<RoomOptions, OptionKey>

const OPTION_KEYS = Object.keys(optionProps) as OptionKey[]

/**
 * Props → RoomOptions. Unset optional props are left out (the core applies its defaults), empty
 * strings of image props mean "built-in".
 */
export function propsToOptions(props: Readonly<Record<string, unknown>>): RoomOptions {
  const options: Record<string, unknown> = {}
  for (const key of OPTION_KEYS) {
    const value = props[key]
    if (value === undefined || value === null) continue
    if ((key === 'waitingImg' || key === 'loadingImg' || key === 'playerBackgroundImg') && value === '') continue
    options[key] = value
  }
  return options as unknown as RoomOptions
}

/** The options whose value differs between two snapshots (for `controller.update`). */
export function changedOptions(next: RoomOptions, previous: RoomOptions): Partial<RoomOptions> {
  const changed: Record<string, unknown> = {}
  for (const key in { ...next, ...previous }) {
    const a = (next as unknown as Record<string, unknown>)[key]
    const b = (previous as unknown as Record<string, unknown>)[key]
    if (a === b) continue
    if (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b)) continue
    changed[key] = a
  }
  return changed as Partial<RoomOptions>
}
