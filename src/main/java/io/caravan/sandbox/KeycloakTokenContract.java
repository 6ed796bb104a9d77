package io.caravan.sandbox;

/** The token endpoint of the sandbox's Keycloak realm ({@link KeycloakRealm}): POST a form. */
final class KeycloakTokenContract extends Contract {

    private final KeycloakRealm realm;

    KeycloakTokenContract(KeycloakRealm realm) {
        super("/keycloak/realms/caravan/protocol/openid-connect/token", "max", 100);
        this.realm = realm;
    }

    @Override
    SandboxResponse serve(SandboxRequest request, DataSet data, Knobs knobs) {
        if (!request.method().equals("POST")) {
            return SandboxResponse.error(405, "use POST with a form");
        }
        return realm.token(request.body(), request.params());
    }
}
