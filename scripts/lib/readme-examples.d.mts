// Types of readme-examples.mjs (plain JS so the fresh-app check runs on bare node).
export function readmeExamples(markdown: string): Map<string, string>
export function readmeExample(markdown: string, name: string): string
export function installedPackages(command: string): Record<string, string>
