package org.stridelab.engine.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Which cells of a grid one process runs: all, one by name ({@code --cell}),
 * or every k-th ({@code --shard i/k}), so that k machines or scheduler jobs
 * given shards 1/k .. k/k together run each cell exactly once.
 */
public sealed interface CellSelection {

    List<GridCell> select(List<GridCell> cells);

    /** Every cell. */
    record All() implements CellSelection {
        @Override
        public List<GridCell> select(List<GridCell> cells) {
            return List.copyOf(cells);
        }

        @Override
        public String toString() {
            return "all cells";
        }
    }

    /** One cell by its folder name. */
    record Named(String name) implements CellSelection {
        @Override
        public List<GridCell> select(List<GridCell> cells) {
            for (GridCell c : cells) {
                if (c.name().equals(name)) {
                    return List.of(c);
                }
            }
            List<String> names = cells.stream().map(GridCell::name).toList();
            throw new IllegalArgumentException("the grid has no cell named '" + name + "'; its cells are: "
                    + String.join(", ", names));
        }

        @Override
        public String toString() {
            return "cell " + name;
        }
    }

    /**
     * Shard {@code index} of {@code count} (1-based, as people count): the
     * cells at positions index-1, index-1+count, ... of the run order.
     * Round-robin rather than contiguous blocks, so each shard gets a mix of
     * methods and strides and the shards take similar time.
     */
    record Shard(int index, int count) implements CellSelection {
        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("a shard is i/k with 1 <= i <= k, e.g. 1/3 .. 3/3; got "
                        + index + "/" + count);
            }
        }

        /** Parses {@code i/k}. */
        public static Shard parse(String text) {
            String[] parts = text == null ? new String[0] : text.trim().split("/");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a shard is written i/k, e.g. 2/4 (the second of four); got '"
                        + text + "'");
            }
            try {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a shard is written i/k with whole numbers, e.g. 2/4; got '"
                        + text + "'");
            }
        }

        @Override
        public List<GridCell> select(List<GridCell> cells) {
            List<GridCell> mine = new ArrayList<>();
            for (int i = index - 1; i < cells.size(); i += count) {
                mine.add(cells.get(i));
            }
            return mine;
        }

        @Override
        public String toString() {
            return "shard " + index + "/" + count;
        }
    }
}
