/**
 * The code blocks a readme marks with `<!-- example:<name> -->` right above them: the fresh-app check
 * builds an app from them, so the readme's steps stay true. Pure string work (tests import it).
 *
 * @example
 * readmeExample(readFileSync('readme.md', 'utf8'), 'basic') // the page's source, without the fences
 */

// The marker, optional blank lines, then one fenced block (any info string); the body is group 2.
const BLOCK = /<!--\s*example:([\w-]+)\s*-->\s*\n```[^\n]*\n([\s\S]*?)\n```/g

/** Every marked block by name; a name used twice is an error (which one would the check build?). */
export function readmeExamples(markdown) {
  const found = new Map()
  for (const [, name, body] of markdown.matchAll(BLOCK)) {
    if (found.has(name)) throw new Error(`readme: two blocks are marked example:${name}`)
    found.set(name, `${body}\n`)
  }
  return found
}

/** One marked block's text; throws naming the marker when the readme lacks it. */
export function readmeExample(markdown, name) {
  const body = readmeExamples(markdown).get(name)
  if (body === undefined) throw new Error(`readme: no code block marked <!-- example:${name} -->`)
  return body
}

/**
 * The packages an `npm i a@1 b@2` line installs, as { name: version }. Only exact `name@version`
 * words count: the readme must say which version to install.
 */
export function installedPackages(command) {
  const words = command.trim().split(/\s+/)
  if (words[0] !== 'npm' || !['i', 'install', 'add'].includes(words[1])) {
    throw new Error(`readme: the install block is not an npm install command: ${command.trim()}`)
  }
  const packages = {}
  for (const word of words.slice(2)) {
    if (word.startsWith('-')) continue
    const at = word.lastIndexOf('@')
    if (at <= 0) throw new Error(`readme: "${word}" has no exact version (write name@version)`)
    packages[word.slice(0, at)] = word.slice(at + 1)
  }
  return packages
}
