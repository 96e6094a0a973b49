// Replaced by the Foundation's database setup (one migrated snapshot shared by the workers).
export default async function setup(): Promise<void> {}
