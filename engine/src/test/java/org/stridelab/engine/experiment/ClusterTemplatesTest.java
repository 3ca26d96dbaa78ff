package org.stridelab.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped scheduler templates (cluster/) keep the rules a grid needs there:
 * 0-based array ids and completion indexes become 1-based shards of the right
 * total, the cell gets an early TERM and a retry, and every task skips the report.
 * (The Slurm path itself runs for real in CI: cluster/slurm/test/array-test.sh.)
 */
class ClusterTemplatesTest {
    private static final Path CLUSTER = Path.of("..", "cluster");

    @Test
    void theSlurmArrayTaskTrainsShardIdPlusOneOfTheArraysSizeAndCheckpointsBeforeItsLimit() throws IOException {
        String cell = Files.readString(CLUSTER.resolve("slurm/grid-cell.sbatch"));
        assertTrue(cell.contains("$((SLURM_ARRAY_TASK_ID + 1))/${SLURM_ARRAY_TASK_COUNT}"), cell);
        assertTrue(cell.contains("#SBATCH --signal=B:TERM@"), "an early TERM to the batch shell");
        assertTrue(cell.contains("#SBATCH --requeue") && cell.contains("scontrol requeue"), "and a requeue");
        assertTrue(cell.contains("--no-report"));
        String submit = Files.readString(CLUSTER.resolve("slurm/submit-grid.sh"));
        assertTrue(submit.contains("--prepare-only"), "the data is prepared once, before the array");
        assertTrue(submit.contains("--array=0-$((cells - 1))") && submit.contains("grid describe --count"));
        assertTrue(submit.contains("--dependency=afterany:"), "the report runs after the array however it ends");
    }

    @Test
    void theKubernetesIndexedJobTrainsIndexPlusOneOfItsCompletions() throws IOException {
        String job = Files.readString(CLUSTER.resolve("kubernetes/grid-job.yaml"));
        assertTrue(job.contains("completionMode: Indexed"));
        Matcher completions = Pattern.compile("completions: (\\d+)").matcher(job);
        assertTrue(completions.find());
        Matcher shard = Pattern.compile("--shard \\$\\(\\(JOB_COMPLETION_INDEX \\+ 1\\)\\)/(\\d+)").matcher(job);
        assertTrue(shard.find(), "index + 1 as the shard");
        assertEquals(completions.group(1), shard.group(1), "the shard total is the number of completions");
        Matcher grace = Pattern.compile("terminationGracePeriodSeconds: (\\d+)").matcher(job);
        assertTrue(grace.find() && Integer.parseInt(grace.group(1)) >= 300, "time to finish a step and checkpoint");
        assertTrue(job.contains("--prepare-only") && job.contains("--no-report") && job.contains("grid\", \"report"));
    }
}
