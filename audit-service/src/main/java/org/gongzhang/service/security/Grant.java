package org.gongzhang.service.security;

/** A role held within a scope. */
public record Grant(AccessRole role, Scope scope) {
}
