// The owner account e2e/auth.setup.ts creates, and where its signed-in state is kept.
export const E2E_OWNER = { name: "Olive Owner", email: "owner@studio.test", password: "owner password 123" };
export const OWNER_STATE = "test-results/.auth/owner.json";
// The studio under test signs with this secret (playwright.config.ts), so the setup derives
// the owner setup code its start-up log prints.
export const E2E_STUDIO_SECRET = "e2e-studio-secret-not-for-any-real-studio";
