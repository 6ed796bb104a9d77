package io.caravan.response;

import java.util.List;

/**
 * Answers that mean the end of the pages ({@code endOn}: {@code 400:page_out_of_range, 404}): an API
 * that refuses a page past the end instead of serving an empty one. Such an answer ends the session
 * successfully; it is not retried.
 */
public final class EndAnswers {

    /** No answer means the end. */
    public static final EndAnswers NONE = new EndAnswers(List.of());

    private final List<RestartSignal> answers;

    private EndAnswers(List<RestartSignal> answers) {
        this.answers = answers;
    }

    /** The answers of {@code status[:body text]} items. */
    public static EndAnswers of(List<String> items) {
        return new EndAnswers(items.stream().map(item -> RestartSignal.parse("endOn", item)).toList());
    }

    /** Whether {@code failure} is one of these answers. */
    public boolean matches(Object failure) {
        return answers.stream().anyMatch(answer -> answer.matches(failure));
    }

    /** The configured answer {@code failure} is, in words ({@code HTTP 400 page_out_of_range}), or {@code null}. */
    public String describe(Object failure) {
        return answers.stream().filter(answer -> answer.matches(failure)).map(RestartSignal::describe).findFirst()
                .orElse(null);
    }
}
