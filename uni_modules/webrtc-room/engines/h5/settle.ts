/**
 * SDK calls whose failure is not the room's business (stopping, muting, detaching) must never become
 * unhandled rejections: `settle` runs one, logs a failure, and resolves to whether it worked.
 */
export type FailureLog = (what: string, err: unknown) => void

export function settle(log: FailureLog, what: string, call: () => Promise<unknown> | unknown): Promise<boolean> {
  try {
    return Promise.resolve(call()).then(
      () => true,
      (err) => {
        log(what, err)
        return false
      },
    )
  } catch (err) {
    log(what, err)
    return Promise.resolve(false)
  }
}
