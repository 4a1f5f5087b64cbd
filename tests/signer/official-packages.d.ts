// Types for the official signers, used only by the differential tests (devDependencies).
declare module 'tls-sig-api-v2' {
  export class Api {
    constructor(sdkappid: number, key: string)
    genUserSig(userid: string, expire: number): string
    genSig(userid: string, expire: number, userBuf: Buffer | null): string
    genPrivateMapKey(userid: string, expire: number, roomid: number, privilegeMap: number): string
    genPrivateMapKeyWithStringRoomID(userid: string, expire: number, roomstr: string, privilegeMap: number): string
  }
}

declare module 'tls-sig-api' {
  export class Sig {
    constructor(config: { sdk_appid: number; expire_after?: number; private_key_string?: string; public_key_string?: string })
    genSig(identifier: string): string
    genSigWithUserbuf(identifier: string, userbuf: Buffer): string
    verifySig(sig: string, identifier: string): boolean
    verifySigWithUserbuf(sig: string, identifier: string): string | false
  }
}
