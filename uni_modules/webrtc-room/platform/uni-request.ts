/**
 * `Platform.request` over `uni.request`, for the opt-in `legacy` entry only (the modern flow makes
 * no HTTP request, so the default uni adapter carries none).
 */
import { type HttpRequest, type HttpResponse, errMsg, uniApi } from '../lib/runtime'

export function uniRequest(req: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    uniApi().request({
      url: req.url,
      method: req.method,
      data: req.data,
      header: req.header,
      timeout: req.timeout,
      success: (res) => resolve({ statusCode: res.statusCode, data: res.data }),
      fail: (err) => reject(new Error(errMsg(err, `request to ${req.url.split('?')[0]} failed`))),
    })
  })
}
