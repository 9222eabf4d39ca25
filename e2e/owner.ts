// The owner account e2e/auth.setup.ts creates, and where its signed-in state is kept.
export const E2E_OWNER = { name: "Olive Owner", email: "owner@studio.test", password: "owner password 123" };
export const OWNER_STATE = "test-results/.auth/owner.json";
