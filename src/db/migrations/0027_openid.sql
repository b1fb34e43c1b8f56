-- Signing in with the account a school already has: Microsoft Entra ID or Google Workspace, through
-- OpenID Connect, set up per trust by its administrator.

-- A trust's provider. tenant: Entra's directory id, or 'organizations' when the trust's schools have
-- several directories; allowed_tenants: the directory ids whose people may sign in (one per line).
-- hosted_domain: Google's Workspace domain. email_domains: addresses at these domains (one per line)
-- may be linked to the person with that address on their first sign-in. authority: where the
-- provider's discovery document is ({authority}/.well-known/openid-configuration).
CREATE TABLE openid_providers (
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    kind TEXT NOT NULL,
    tenant TEXT NOT NULL DEFAULT '',
    allowed_tenants TEXT NOT NULL DEFAULT '',
    hosted_domain TEXT NOT NULL DEFAULT '',
    email_domains TEXT NOT NULL DEFAULT '',
    client_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    authority TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (trust_id, kind)
);

-- A person's account at a provider, named for good by its issuer and subject (Entra: the tenant's
-- issuer and the object id; Google: its issuer and subject), never by email alone. One person each.
CREATE TABLE openid_identities (
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX openid_identities_person ON openid_identities (trust_id, person_id);

-- Sign-ins sent to a provider and not yet back: kept here, not in one server's memory, so that any
-- server may finish them. Found by a hash of the state; taken once, so a replayed state fails.
CREATE TABLE openid_sign_ins (
    state_hash TEXT PRIMARY KEY,
    trust_id BIGINT NOT NULL REFERENCES trusts(id),
    kind TEXT NOT NULL,
    nonce TEXT NOT NULL,
    code_verifier TEXT NOT NULL,
    next_path TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- 0: the trust's people sign in only through its provider (while it has one).
ALTER TABLE trusts ADD COLUMN password_sign_in BIGINT NOT NULL DEFAULT 1;
