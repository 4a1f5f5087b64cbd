/**
 * Joins the room's group, creating it first when it does not exist (and the app allows it).
 *
 * Order: join first (the usual case: someone already created the room's group), and only on "group
 * not found" create it and join again. The original created first and treated "id already used"
 * (10021 / 10025) as fine; the same codes are accepted here when two members race to create it.
 */
import { IM_JOIN_GROUP_FAILED, WebrtcRoomError } from '../lib/runtime'
import type { TimInstance, TimTypes } from './tim-types'
import { timErrorCode, timErrorMessage } from './tim-client-pool'

/** tim / server codes for a group that does not exist (10010 not found or dismissed, 10015 invalid id). */
export const GROUP_NOT_FOUND_CODES: readonly number[] = [10010, 10015]
/** createGroup: the id is taken (10021 by another app user, 10025 by this user) = it exists now. */
export const GROUP_ID_TAKEN_CODES: readonly number[] = [10021, 10025]
/** joinGroup: already a member (older servers answer an error instead of 'AlreadyInGroup'). */
export const ALREADY_MEMBER_CODE = 10013

/**
 * The room option's group type → tim's type string. 'Meeting' is the old name of 'ChatRoom'
 * (`TIM.TYPES.GRP_MEETING === 'ChatRoom'`); tim's createGroup refuses 'Meeting' (2600 ILLEGAL_GROUP_TYPE).
 */
export function timGroupType(type: string): string {
  return type === 'Meeting' ? 'ChatRoom' : type
}

export interface JoinedGroup {
  status: string
  created: boolean
}

export interface JoinGroupOptions {
  groupID: string
  groupType: string
  createIfAbsent: boolean
}

function joinFailed(error: unknown, groupID: string): WebrtcRoomError {
  return new WebrtcRoomError(IM_JOIN_GROUP_FAILED, `joining group '${groupID}' failed: ${timErrorMessage(error)}`, {
    nativeCode: timErrorCode(error),
    groupID,
  })
}

async function joinOnce(tim: TimInstance, types: TimTypes, options: JoinGroupOptions): Promise<string> {
  try {
    const response = await tim.joinGroup({ groupID: options.groupID, type: options.groupType })
    const status = String(response?.data?.status ?? '')
    if (status === types.JOIN_STATUS_WAIT_APPROVAL) {
      throw new WebrtcRoomError(IM_JOIN_GROUP_FAILED, `group '${options.groupID}' needs admin approval to join`, {
        groupID: options.groupID,
        status,
      })
    }
    return status
  } catch (error) {
    if (timErrorCode(error) === ALREADY_MEMBER_CODE) return types.JOIN_STATUS_ALREADY_IN_GROUP
    throw error
  }
}

/** Resolves with tim's join status; rejects with a WebrtcRoomError IM_JOIN_GROUP_FAILED. */
export async function joinRoomGroup(tim: TimInstance, types: TimTypes, requested: JoinGroupOptions): Promise<JoinedGroup> {
  const options = { ...requested, groupType: timGroupType(requested.groupType) }
  try {
    return { status: await joinOnce(tim, types, options), created: false }
  } catch (error) {
    if (error instanceof WebrtcRoomError) throw error
    const code = timErrorCode(error)
    if (!options.createIfAbsent || code === undefined || !GROUP_NOT_FOUND_CODES.includes(code)) throw joinFailed(error, options.groupID)
  }
  let created = true
  try {
    await tim.createGroup({ type: options.groupType, groupID: options.groupID, name: options.groupID })
  } catch (error) {
    const code = timErrorCode(error)
    if (code === undefined || !GROUP_ID_TAKEN_CODES.includes(code)) throw joinFailed(error, options.groupID)
    created = false // someone else created it in the meantime
  }
  try {
    return { status: await joinOnce(tim, types, options), created }
  } catch (error) {
    throw error instanceof WebrtcRoomError ? error : joinFailed(error, options.groupID)
  }
}
