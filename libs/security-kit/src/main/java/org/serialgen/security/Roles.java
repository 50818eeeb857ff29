package org.serialgen.security;

import java.util.Set;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String SUPERVISOR = "supervisor";
    public static final String ERP_OPERATOR = "erp-operator";
    public static final String VIEWER = "viewer";

    public static final Set<String> ALL = Set.of(ADMIN, MANAGER, SUPERVISOR, ERP_OPERATOR, VIEWER);

    private Roles() {
    }
}
