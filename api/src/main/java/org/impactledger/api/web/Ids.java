package org.impactledger.api.web;

import java.util.UUID;

/** Ids for new resources: the client's, when it sends one (recommended: it makes retries safe), else a fresh one. */
public final class Ids {

    private Ids() {
    }

    public static String orNew(String given, String prefix) {
        return given != null && !given.isBlank() ? given.trim() : prefix + "-" + UUID.randomUUID();
    }
}
