import { afterEach, vi } from 'vitest'
import { createUniStub } from './helpers/uni-stub'

// Every test starts with a fresh recording `uni`; a test that needs other answers stubs its own.
vi.stubGlobal('uni', createUniStub().uni)

afterEach(() => {
  vi.stubGlobal('uni', createUniStub().uni)
})
