package org.impactledger.api.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Builds the answer to an accepted command: the ids involved, the command id, and whether it was a replay. */
public final class CommandResponse {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private CommandResponse() {
    }

    public static ResponseEntity<Map<String, Object>> created(CommandDispatcher.Dispatched dispatched, String location, Map<String, Object> body) {
        return build(HttpStatus.CREATED, dispatched, location, body);
    }

    public static ResponseEntity<Map<String, Object>> ok(CommandDispatcher.Dispatched dispatched, Map<String, Object> body) {
        return build(HttpStatus.OK, dispatched, null, body);
    }

    private static ResponseEntity<Map<String, Object>> build(HttpStatus status, CommandDispatcher.Dispatched dispatched, String location,
                                                             Map<String, Object> body) {
        Map<String, Object> answer = new LinkedHashMap<>(body);
        answer.put("commandId", dispatched.commandId());
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).header(REPLAYED_HEADER, Boolean.toString(dispatched.replayed()));
        if (location != null) {
            builder.location(URI.create(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + location));
        }
        return builder.body(answer);
    }
}
