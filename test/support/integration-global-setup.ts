/** Placeholder: replaced by the stack reachability check. */
export default async function globalSetup(): Promise<void> {}
