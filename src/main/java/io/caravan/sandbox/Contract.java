package io.caravan.sandbox;

import java.util.Map;

/** One API's pagination contract, served under a path of the sandbox. */
interface Contract {

    /** The path this contract answers, e.g. {@code /github/repos/caravan/demo/issues}. */
    String path();

    /** The contract's page-size query parameter and its default. */
    String pageSizeParam();

    int defaultPageSize();

    /** Serves one page. {@code requestUrl} is the absolute URL requested, for building links. */
    SandboxResponse serve(String requestUrl, Map<String, String> query, DataSet data, Knobs knobs);
}
