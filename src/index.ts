/**
 * Server-side signer for TRTC / IM: userSig v2 (HMAC-SHA256) and v1 (ECDSA-SHA256), privateMapKey,
 * and their verifiers. Node only: these need the app's secret, which must never reach a client.
 */
export { SignError, type SignErrorCode } from './errors'
export { genUserSig, createV2Signer, type V2Credentials, type V2Signer, type V2SignOptions, type GenUserSigInput } from './usersig-v2'
export { genUserSigV1, V1_USERSIG_VERSION, V1_PRIVATE_MAP_KEY_VERSION, type GenUserSigV1Input } from './usersig-v1'
export {
  genPrivateMapKey,
  genPrivateMapKeyV1,
  signPrivateMapKey,
  type RoomTarget,
  type PrivateMapKeyParams,
  type GenPrivateMapKeyInput,
  type GenPrivateMapKeyV1Input,
} from './private-map-key'
export { encodePrivateMapRecord, decodePrivateMapRecord, type PrivateMapRecord } from './private-map-record'
export {
  verifyUserSig,
  verifyUserSigV1,
  decodeUserSig,
  decodeUserSigV2,
  decodeUserSigV1,
  type VerifyOptions,
  type VerifyResultV2,
  type VerifyResultV1,
  type UserSigFieldsV2,
  type UserSigFieldsV1,
} from './verify'
export * from './limits'
