/** The few words the built-in layouts, the debug overlay and the status banner show, zh + en. */
import type { RoomStatus } from '../../core/types'
import type { Lang } from './props'

const LABELS = {
  zh: {
    me: '我',
    waiting: '等待其他成员加入',
    loading: '加载中',
    noVideo: '未开启摄像头',
    more: '更多',
    status: {
      idle: '未开始',
      preflight: '检查中',
      entering: '正在进入房间',
      in_room: '已进入房间',
      paused: '已暂停',
      reconnecting: '网络中断，正在重连',
      exited: '已离开房间',
      error: '出错了',
    } satisfies Record<RoomStatus, string>,
  },
  en: {
    me: 'Me',
    waiting: 'Waiting for others',
    loading: 'Loading',
    noVideo: 'Camera off',
    more: 'more',
    status: {
      idle: 'Not started',
      preflight: 'Checking',
      entering: 'Entering the room',
      in_room: 'In the room',
      paused: 'Paused',
      reconnecting: 'Connection lost, reconnecting',
      exited: 'Left the room',
      error: 'Something went wrong',
    } satisfies Record<RoomStatus, string>,
  },
} as const

export type Labels = (typeof LABELS)['zh'] | (typeof LABELS)['en']

export function labelsFor(lang: Lang | string): Labels {
  return lang === 'en' ? LABELS.en : LABELS.zh
}

/** Statuses worth a banner over the video (in_room / idle show nothing). */
export function bannerStatus(status: RoomStatus): boolean {
  return status === 'preflight' || status === 'entering' || status === 'reconnecting' || status === 'paused' || status === 'error'
}
