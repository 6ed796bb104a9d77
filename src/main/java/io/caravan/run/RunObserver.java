package io.caravan.run;

/**
 * Told when a run of a source ends. Any bean of this type in the Camel registry is told; the
 * application uses it to print the summary and to know when the demo is done.
 */
@FunctionalInterface
public interface RunObserver {

    void finished(RunSummary summary);
}
