package org.gongzhang.service.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.gongzhang.core.book.api.LedgerRefusal;
import org.gongzhang.core.book.api.LedgerRefusal.Kind;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 用户管理, for administrators: people with their grants, and the compounds each agent firm
 * serves. An owner signs under a random pseudonym ({@code owner:<hex>}) unless told otherwise,
 * so nothing in a public entry names them.
 */
@RestController
@RequestMapping("/api")
class UserController {

    record ScopeRequest(String kind, String id) {
    }

    record GrantRequest(String role, ScopeRequest scope) {
    }

    record NewUser(String username, String displayName, String actor, String password, List<GrantRequest> grants) {
    }

    record Created(String username, String displayName, String actor, List<Grant> grants) {
    }

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final int MIN_PASSWORD = 10;

    private final Users users;
    private final Access access;
    private final SecureRandom random = new SecureRandom();

    UserController(Users users, Access access) {
        this.users = users;
        this.access = access;
    }

    @PostMapping("/users")
    ResponseEntity<Created> create(@RequestBody NewUser request) {
        requireAdministrator();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw LedgerRefusal.invalid("user.username.invalid", "username");
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 128) {
            throw LedgerRefusal.invalid("user.display-name.invalid", "displayName");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD) {
            throw LedgerRefusal.invalid("user.password.too-short", "password", MIN_PASSWORD);
        }
        List<Grant> grants = grants(request.grants());
        String actor = request.actor() == null || request.actor().isBlank() ? pseudonym(grants) : request.actor();
        if (!ACTOR.matcher(actor).matches()) {
            throw LedgerRefusal.invalid("user.actor.invalid", "actor");
        }
        if (users.exists(request.username())) {
            throw new LedgerRefusal(Kind.CONFLICT, "user.exists", "username", request.username());
        }
        if (users.actorTaken(actor)) {
            throw new LedgerRefusal(Kind.CONFLICT, "user.actor.taken", "actor", actor);
        }
        Caller created = users.create(request.username(), request.displayName(), actor, request.password(), grants);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(created.username(), created.displayName(), created.actor(), created.grants()));
    }

    /** 业财代理: record that an agent firm keeps a compound's books. */
    @PutMapping("/firms/{firm}/compounds/{compound}")
    ResponseEntity<Void> serve(@PathVariable String firm, @PathVariable String compound) {
        requireAdministrator();
        users.serve(firm, compound);
        return ResponseEntity.noContent().build();
    }

    private void requireAdministrator() {
        access.requireAdministratorEverywhere();
    }

    private static List<Grant> grants(List<GrantRequest> requested) {
        if (requested == null || requested.isEmpty()) {
            throw LedgerRefusal.invalid("user.grants.empty", "grants");
        }
        List<Grant> grants = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            GrantRequest g = requested.get(i);
            String field = "grants[" + i + "]";
            AccessRole role = g.role() == null ? null : AccessRole.parse(g.role()).orElse(null);
            if (role == null) {
                throw LedgerRefusal.invalid("user.grant.role.unknown", field + ".role", g.role());
            }
            Scope.Kind kind = g.scope() == null || g.scope().kind() == null ? null
                    : Scope.Kind.parse(g.scope().kind()).orElse(null);
            if (kind == null) {
                throw LedgerRefusal.invalid("user.grant.scope.unknown", field + ".scope.kind");
            }
            String id = kind == Scope.Kind.ALL ? "*" : g.scope().id();
            if (id == null || !ACTOR.matcher(id).matches() && !"*".equals(id)) {
                throw LedgerRefusal.invalid("user.grant.scope.unknown", field + ".scope.id");
            }
            grants.add(new Grant(role, new Scope(kind, id)));
        }
        return grants;
    }

    private String pseudonym(List<Grant> grants) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        boolean owner = grants.stream().allMatch(g -> g.role() == AccessRole.OWNER);
        return (owner ? "owner:" : "user:") + HexFormat.of().formatHex(bytes);
    }
}
