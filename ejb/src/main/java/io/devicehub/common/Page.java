package io.devicehub.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer, ordered result.
 *
 * @param items  the items on this page
 * @param total  how many items match in all
 * @param offset the position of the first item in the whole result
 * @param limit  the page size that was asked for
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, offset, limit);
    }
}
