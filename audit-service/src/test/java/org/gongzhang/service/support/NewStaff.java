package org.gongzhang.service.support;

import java.util.UUID;

/**
 * A person made for one test by the demo administrator, with one grant. Tests that give someone a
 * key of their own use such people: once a person holds an own key in a book, the service no longer
 * signs for them there, and the demo cast is shared by every integration test.
 */
public final class NewStaff {

    private NewStaff() {
    }

    /** A new login (password: the demo password) holding {@code role} in scope {@code kind}/{@code id}; returns the username. */
    public static String create(LedgerClient anonymous, String role, String kind, String id, String displayName) {
        String username = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String prefix = role.startsWith("AGENT") ? "agent:" : role.startsWith("COMMUNITY") ? "community:"
                : role.startsWith("TOWN") ? "town:" : "committee:";
        String body = """
                {"username":"%s","displayName":"%s","actor":"%s%s","password":"%s",
                 "grants":[{"role":"%s","scope":{"kind":"%s","id":"%s"}}]}"""
                .formatted(username, displayName, prefix, username, LedgerClient.DEMO_PASSWORD, role, kind, id);
        LedgerClient.Answer created = anonymous.as("admin").post("/api/users", body, "en");
        if (created.status() != 201) {
            throw new AssertionError("could not create " + role + ": " + created.status() + " " + created.body());
        }
        return username;
    }
}
