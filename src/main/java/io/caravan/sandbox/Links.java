package io.caravan.sandbox;

/** Builds the sandbox's own links: the request URL with one query parameter set. */
final class Links {

    private Links() {
    }

    static String withParam(String url, String name, Object value) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        StringBuilder out = new StringBuilder(base).append('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (!pair.isEmpty() && !pair.startsWith(name + "=") && !pair.equals(name)) {
                    out.append(pair).append('&');
                }
            }
        }
        return out.append(name).append('=').append(value).toString();
    }
}
