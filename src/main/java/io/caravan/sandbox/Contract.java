package io.caravan.sandbox;

import java.util.Map;

/** One API's pagination contract, served under a path of the sandbox. */
abstract class Contract {

    private final String path;
    private final String pageSizeParam;
    private final int defaultPageSize;

    /**
     * @param path            the path this contract answers, e.g. {@code /github/repos/caravan/demo/issues}
     * @param pageSizeParam   the contract's page-size query parameter
     * @param defaultPageSize the page size when the client asks for none
     */
    Contract(String path, String pageSizeParam, int defaultPageSize) {
        this.path = path;
        this.pageSizeParam = pageSizeParam;
        this.defaultPageSize = defaultPageSize;
    }

    final String path() {
        return path;
    }

    final String pageSizeParam() {
        return pageSizeParam;
    }

    final int defaultPageSize() {
        return defaultPageSize;
    }

    /** Serves one page. {@code requestUrl} is the absolute URL requested, for building links. */
    abstract SandboxResponse serve(String requestUrl, Map<String, String> query, DataSet data, Knobs knobs);
}
