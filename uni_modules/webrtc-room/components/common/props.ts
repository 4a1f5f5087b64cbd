/**
 * Tiny prop builders (wot-design-uni style): one documented props object per component is both the
 * runtime declaration and, through `ExtractPropTypes`, its TypeScript type.
 */
import type { PropType } from 'vue'

export const makeStringProp = <T extends string = string>(defaultVal: T) => ({
  type: String as unknown as PropType<T>,
  default: defaultVal,
})

export const makeBooleanProp = (defaultVal: boolean) => ({ type: Boolean, default: defaultVal })

export const makeNumberProp = <T extends number = number>(defaultVal: T) => ({
  type: Number as unknown as PropType<T>,
  default: defaultVal,
})

/** A prop without default whose type is declared loosely so bad values reach the core's validation
 *  (and become one typed `error` event) instead of stopping at a dev-only Vue warning. */
export const makeLooseProp = <T>(types: PropType<T>) => ({ type: types, default: undefined })

/** The one prop every building block, layout and tile takes: the room key (the `layout` slot's `room`),
 *  by which it finds its room in the store (see room-link.ts). */
export const roomKeyProp = { room: { type: String, required: true as const } }

export const customProps = {
  /** Extra class on the root element. */
  customClass: makeStringProp<string>(''),
  /** Extra inline style on the root element. */
  customStyle: makeStringProp<string>(''),
}

export type Lang = 'zh' | 'en'
