package io.elicitor.evoi;

import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs engine work inside a per-thread ND4J memory workspace.
 *
 * <p>Why: a fresh off-heap ND4J array costs about 50 ms per 16 MB here (allocation and first touch), far
 * more than the products computed in it; a workspace reuses one arena per thread, and the same
 * allocations cost about 1 ms. The arena learns its size on first use and is reset when the task returns.
 * Contract: the task must not return (or keep) an {@code INDArray} created inside it — return Java arrays,
 * or {@code detach()} what must survive.
 */
public final class EngineWorkspace {
    private static final String ID = "elicitor-engine";
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.3)
            .policyLearning(LearningPolicy.OVER_TIME)
            .cyclesBeforeInitialization(2)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .build();

    private static final String STEP_ID = "elicitor-step";

    private EngineWorkspace() {}

    /** Runs {@code task} in this thread's engine workspace (nested calls share the open one). */
    public static <T> T run(Supplier<T> task) {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExistsAndActive(ID)) {
            return task.get();
        }
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, ID)) {
            return task.get();
        }
    }

    /**
     * Runs one step of a loop in an inner workspace of its own that is reset when the step returns: for loops whose
     * every step makes large arrays (a stacked ascent's {@code S × R × M} tensors), which in the engine workspace
     * would pile up until the request ends: a partial-item question's exact scoring and ascent, and 16 sessions'
     * stacked ascents ran a benchmark out of memory at 24 GB (evoi/RESULTS.md), where a step's arrays are a few MB.
     * Same contract as {@link #run}.
     */
    public static <T> T step(Supplier<T> task) {
        if (Nd4j.getWorkspaceManager().checkIfWorkspaceExistsAndActive(STEP_ID)) {
            return task.get(); // a step inside a step (a chunk of exact values within an ascent step): one scope
        }
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, STEP_ID)) {
            return task.get();
        }
    }

    /**
     * Runs {@code task} outside every workspace, for arrays that must outlive the task (a catalog loaded
     * at run time, a prior): created inside the engine workspace they would be overwritten on its reset.
     */
    public static <T> T outside(Supplier<T> task) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return task.get();
        }
    }
}
