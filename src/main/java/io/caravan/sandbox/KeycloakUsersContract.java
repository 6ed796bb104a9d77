package io.caravan.sandbox;

/**
 * Keycloak's admin users list: {@code first} (an offset) and {@code max}, a bare JSON array, and a
 * bearer token from the realm's token endpoint demanded of every request (401 without one, or once it
 * has expired).
 */
final class KeycloakUsersContract extends Contract {

    private final KeycloakRealm realm;

    KeycloakUsersContract(KeycloakRealm realm) {
        super("/keycloak/admin/realms/caravan/users", "max", 100);
        this.realm = realm;
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        if (!realm.accepts(request.headers().get("authorization"))) {
            return SandboxResponse.error(401, "HTTP 401 Unauthorized").withHeader("WWW-Authenticate", "Bearer realm=\"caravan\"");
        }
        return page("", PageSlice.of(data, intParam(request.params(), "first", 0), knobs), "");
    }
}
