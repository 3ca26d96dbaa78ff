package org.stridelab.engine.train;

import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;

/**
 * One reused ND4J workspace per training step: without it every step maps fresh
 * off-heap pages (a conv forward took 75 % longer here). The first step learns
 * the size; when DiffStride's strides fall and maps grow, the spill is
 * reallocated so the workspace grows with them.
 */
public final class Workspaces {
    /**
     * One workspace for training steps and evaluation batches alike: an evaluation
     * forward at the training batch needs less than a training step, so sharing it
     * costs no memory, where a workspace of its own kept gigabytes resident.
     */
    public static final String STEP_ID = "STRIDELAB_STEP";

    public static final WorkspaceConfiguration STEP = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.25)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {
    }
}
