-- The studio's one settings row (id 1), made with the schema rather than checked for on every use.
-- Its secret signs session cookies when BETTER_AUTH_SECRET is unset: two random UUIDs, 244 bits
-- from PostgreSQL's strong random source. A studio that already has the row keeps it.
INSERT INTO "StudioSettings" ("id", "authSecret", "updatedAt")
VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), CURRENT_TIMESTAMP)
ON CONFLICT ("id") DO NOTHING;
