/** The demo's one door to the network: uni.request (mp-weixin and H5 alike) as an HttpPost. */
import type { HttpPost } from './sign-client'

export const uniPost: HttpPost = (url, body, headers = {}) =>
  new Promise((resolve, reject) => {
    uni.request({
      url,
      method: 'POST',
      data: body as UniApp.RequestOptions['data'],
      header: { ...headers, 'content-type': 'application/json' },
      timeout: 10_000,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      // errMsg is all uni gives: 'request:fail ...' (unreachable host, CORS, timeout, domain not whitelisted).
      fail: (err) => reject(new Error(err.errMsg || 'request:fail')),
    })
  })
