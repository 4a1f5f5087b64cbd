/**
 * Sorts one `MESSAGE_RECEIVED` batch into what each im-event tag carries, for one room's group.
 *
 * tim delivers every conversation of the logged-in user in one stream; with two rooms sharing one
 * tim instance each session keeps only its own group's messages (C2C goes to every room of that user).
 */
import type { TimMessage } from './tim-types'
import {
  TIM_CONV_C2C,
  TIM_CONV_GROUP,
  TIM_CONV_SYSTEM,
  TIM_MSG_GRP_SYS_NOTICE,
  TIM_MSG_GRP_TIP,
  TIM_TIP_GROUP_PROFILE_UPDATED,
} from './map-message'

export interface RoutedMessages {
  /** Messages of the room's group (text, custom, member tips, ...) → `big_group_msg_notify`. */
  group: TimMessage[]
  /** One-to-one messages → `msg_notify`. */
  c2c: TimMessage[]
  /** Group system notices about the room's group → `group_system_notify`. */
  groupSystem: TimMessage[]
  /** Group profile tips of the room's group → `group_info_change`. */
  groupInfo: TimMessage[]
}

function noticeGroupID(message: TimMessage): string {
  const profile = message.payload?.groupProfile as { groupID?: unknown } | undefined
  return typeof profile?.groupID === 'string' ? profile.groupID : ''
}

export function routeMessages(messages: readonly TimMessage[], groupID: string): RoutedMessages {
  const routed: RoutedMessages = { group: [], c2c: [], groupSystem: [], groupInfo: [] }
  for (const message of messages) {
    if (message.conversationType === TIM_CONV_C2C) routed.c2c.push(message)
    else if (message.conversationType === TIM_CONV_GROUP && message.to === groupID) {
      const isProfileTip = message.type === TIM_MSG_GRP_TIP && message.payload?.operationType === TIM_TIP_GROUP_PROFILE_UPDATED
      ;(isProfileTip ? routed.groupInfo : routed.group).push(message)
    } else if (message.conversationType === TIM_CONV_SYSTEM && message.type === TIM_MSG_GRP_SYS_NOTICE && noticeGroupID(message) === groupID) {
      routed.groupSystem.push(message)
    }
    // Anything else belongs to another room's group (or a conversation type we don't surface).
  }
  return routed
}
