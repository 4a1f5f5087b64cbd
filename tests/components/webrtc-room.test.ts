// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import WebrtcRoom from '../../uni_modules/webrtc-room/components/webrtc-room/webrtc-room.vue'

describe('<webrtc-room> (skeleton)', () => {
  it('renders a live-pusher in RTC mode with the props passed through', () => {
    const wrapper = mount(WebrtcRoom, {
      props: { sdkAppID: 1400000001, userID: 'alice', userSig: 'sig', roomID: 1234, muted: true, beauty: 3 },
    })
    const pusher = wrapper.find('live-pusher')
    expect(pusher.exists()).toBe(true)
    expect(pusher.attributes('mode')).toBe('RTC')
    expect(pusher.attributes('muted')).toBe('true')
    expect(pusher.attributes('beauty')).toBe('3')
    expect(wrapper.classes()).toContain('webrtc-room--float')
  })
})
