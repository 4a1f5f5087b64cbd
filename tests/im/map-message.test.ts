import { describe, expect, it } from 'vitest'
import {
  TIM_CONV_C2C, TIM_CONV_GROUP, TIM_CONV_SYSTEM, TIM_MSG_CUSTOM, TIM_MSG_GRP_SYS_NOTICE, TIM_MSG_GRP_TIP, TIM_MSG_TEXT,
  TIM_TIP_GROUP_PROFILE_UPDATED, toImMessage,
} from '../../uni_modules/webrtc-room/im/map-message'
import { c2cConversationID, groupConversationID } from '../../uni_modules/webrtc-room/stores/im-state'
import { routeMessages } from '../../uni_modules/webrtc-room/im/route-messages'
import { CONNECTION_CODE, toConnectionState } from '../../uni_modules/webrtc-room/im/connection'
import { TYPES, incoming } from '../helpers/tim-mock'

describe('tim constants written out in map-message.ts', () => {
  it('equal the real tim-wx-sdk 2.27.6 TYPES', () => {
    expect([TIM_CONV_C2C, TIM_CONV_GROUP, TIM_CONV_SYSTEM]).toEqual([TYPES.CONV_C2C, TYPES.CONV_GROUP, TYPES.CONV_SYSTEM])
    expect([TIM_MSG_TEXT, TIM_MSG_CUSTOM, TIM_MSG_GRP_TIP, TIM_MSG_GRP_SYS_NOTICE]).toEqual([TYPES.MSG_TEXT, TYPES.MSG_CUSTOM, TYPES.MSG_GRP_TIP, TYPES.MSG_GRP_SYS_NOTICE])
    expect(TIM_TIP_GROUP_PROFILE_UPDATED).toBe(TYPES.GRP_TIP_GRP_PROFILE_UPDATED)
  })
})

describe('toImMessage', () => {
  it('maps text, custom (extension/description → ext/desc), seconds → ms, peer per direction', () => {
    expect(toImMessage(incoming({ from: 'bob', to: '1234', text: 'hey', id: 'a', time: 10, nick: 'B' }), 'received')).toEqual({
      id: 'a', conversationID: 'GROUP1234', conversationType: 'GROUP', kind: 'text', timType: 'TIMTextElem', from: 'bob', to: '1234',
      nick: 'B', flow: 'in', time: 10_000, status: 'received', text: 'hey',
    })
    const custom = toImMessage(incoming({ from: 'bob', to: 'alice', conversationType: 'C2C', type: TYPES.MSG_CUSTOM, payload: { data: 'd', extension: 'e', description: 'x' } }), 'received')
    expect(custom).toMatchObject({ kind: 'custom', conversationID: 'C2Cbob', custom: { data: 'd', ext: 'e', desc: 'x' } })
    const out = toImMessage({ ...incoming({ from: 'alice', to: 'bob', conversationType: 'C2C' }), flow: 'out' }, 'sending')
    expect(out.conversationID).toBe(c2cConversationID('bob'))
    expect(toImMessage(incoming({ from: 'x', to: 'g', type: 'TIMImageElem', payload: {} }), 'received').kind).toBe('other')
    expect(groupConversationID('g')).toBe('GROUPg')
  })
})

describe('routeMessages', () => {
  it('splits one batch for one room group', () => {
    const batch = [
      incoming({ from: 'a', to: 'g1', id: '1' }),
      incoming({ from: 'a', to: 'me', conversationType: 'C2C', id: '2' }),
      incoming({ from: 'a', to: 'g2', id: '3' }),
      incoming({ from: 'a', to: 'g1', type: TYPES.MSG_GRP_TIP, payload: { operationType: 6 }, id: '4' }),
      incoming({ from: 'a', to: 'g1', type: TYPES.MSG_GRP_TIP, payload: { operationType: 2 }, id: '5' }),
      incoming({ from: '@TIM#SYSTEM', to: 'me', conversationType: TYPES.CONV_SYSTEM, type: TYPES.MSG_GRP_SYS_NOTICE, payload: { groupProfile: { groupID: 'g1' } }, id: '6' }),
      incoming({ from: '@TIM#SYSTEM', to: 'me', conversationType: TYPES.CONV_SYSTEM, type: TYPES.MSG_GRP_SYS_NOTICE, payload: { groupProfile: { groupID: 'g2' } }, id: '7' }),
    ]
    const routed = routeMessages(batch, 'g1')
    const ids = (list: { ID: string }[]) => list.map((m) => m.ID)
    expect(ids(routed.group)).toEqual(['1', '5'])
    expect(ids(routed.c2c)).toEqual(['2'])
    expect(ids(routed.groupInfo)).toEqual(['4'])
    expect(ids(routed.groupSystem)).toEqual(['6'])
  })
})

describe('connection codes', () => {
  it('are the original component\'s', () => {
    expect(CONNECTION_CODE).toEqual({ unknown: -1, connected: 0, connecting: 1, disconnected: 9999 })
    expect(toConnectionState(TYPES.NET_STATE_CONNECTING)).toBe('connecting')
    expect(toConnectionState(undefined)).toBe('unknown')
  })
})

describe('toOriginalSendCode', () => {
  it("maps the plugin's IM send codes onto the original's -1..-4", async () => {
    const { toOriginalSendCode } = await import('../../uni_modules/webrtc-room/im/original-codes')
    const { RoomErrorCode } = await import('../../uni_modules/webrtc-room/core/error-codes')
    expect(toOriginalSendCode(RoomErrorCode.IM_INVALID_RECEIVER)).toBe(-1)
    expect(toOriginalSendCode(RoomErrorCode.IM_EMPTY_MESSAGE)).toBe(-2)
    expect(toOriginalSendCode(RoomErrorCode.IM_INVALID_DATA)).toBe(-2)
    expect(toOriginalSendCode(RoomErrorCode.IM_MESSAGE_TOO_LONG)).toBe(-3)
    for (const code of [RoomErrorCode.IM_SEND_FAILED, RoomErrorCode.IM_NOT_READY, RoomErrorCode.IM_DISABLED, RoomErrorCode.IM_SDK_ERROR]) {
      expect(toOriginalSendCode(code)).toBe(-4)
    }
  })
})
