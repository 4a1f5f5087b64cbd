/**
 * Once per `npm run test:e2e`: build the H5 demo (when stale), serve it on 127.0.0.1, start the
 * real sign service on 127.0.0.1, and hand both URLs to the test files.
 */
import type { TestProject } from 'vitest/node'
import { ensureH5Build } from './helpers/h5-build'
import { serveStatic } from './helpers/static-server'
import { startSignService } from './helpers/sign-service'
import { ROOT } from './helpers/artifacts'
import './helpers/context'

export default async function setup(project: TestProject) {
  const out = ensureH5Build(ROOT)
  const web = await serveStatic(out)
  let sign
  try {
    sign = await startSignService(ROOT, web.url)
  } catch (err) {
    await web.close()
    throw err
  }
  project.provide('e2e', { webURL: web.url, signURL: sign.url, sdkAppID: sign.sdkAppID, secretKey: sign.secretKey })
  console.log(`[e2e] H5 demo on ${web.url}, sign service on ${sign.url}`)
  return async () => {
    await sign.close()
    await web.close()
  }
}
