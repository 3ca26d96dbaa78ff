package org.stridelab.engine.data;

import java.util.List;
import java.util.Objects;

/**
 * A CIFAR-10-format dataset as read from disk, before it is split.
 *
 * @param train       the five training batch files, concatenated in order
 * @param test        test_batch.bin
 * @param classNames  from batches.meta.txt
 * @param description where it came from, for logs and run summaries (e.g. "CIFAR-10 from /path")
 */
public record CifarDataset(LabeledImages train, LabeledImages test, List<String> classNames, String description) {

    public CifarDataset {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(description, "description");
    }
}
