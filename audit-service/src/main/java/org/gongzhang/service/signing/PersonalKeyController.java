package org.gongzhang.service.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongzhang.service.web.JsonBodies;
import java.util.List;
import org.gongzhang.service.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/me/keys}: a logged-in person declares the public half of a key they made themselves
 * (in the browser or with {@code ledger keygen}), lists their keys, withdraws one. The private half
 * never reaches the service.
 */
@RestController
@RequestMapping("/api/me/keys")
class PersonalKeyController {

    private final Access access;
    private final PersonalKeys keys;

    PersonalKeyController(Access access, PersonalKeys keys) {
        this.access = access;
        this.keys = keys;
    }

    @PostMapping
    ResponseEntity<PersonalKey> declare(@RequestBody(required = false) String body) {
        JsonNode json = JsonBodies.object(body, "request.body.invalid");
        PersonalKey key = keys.declare(access.caller(), text(json, "suite"), text(json, "publicKey"), text(json, "label"));
        return ResponseEntity.status(HttpStatus.CREATED).body(key);
    }

    @GetMapping
    List<PersonalKey> mine() {
        return keys.of(access.caller().username());
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> withdraw(@PathVariable String keyId) {
        keys.withdraw(access.caller(), keyId);
        return ResponseEntity.noContent().build();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
