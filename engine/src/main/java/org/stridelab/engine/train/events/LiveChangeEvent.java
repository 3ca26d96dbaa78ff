package org.stridelab.engine.train.events;

/**
 * A hyper-parameter changed while the run trained (or a recorded change replayed
 * by a resumed run): in effect from step {@code step}; mixup's new alpha reaches
 * the batches from {@code firstBatchStep} on (the loader had prepared the ones
 * before), other settings from {@code step}.
 *
 * @param settingKey the setting's key, as in config.json
 * @param label      its name in words
 * @param replayed   true when a resumed run applies a change recorded before
 */
public record LiveChangeEvent(String runId, long step, String settingKey, String label, double previous,
                              double value, long firstBatchStep, boolean replayed) implements TrainingEvent {

    @Override
    public <C> void accept(C context, Visitor<C> visitor) {
        visitor.liveChange(context, this);
    }

    /** The change in words, e.g. "learning rate 0.1 -> 0.05 from step 120". */
    public String describe() {
        String from = firstBatchStep > step ? " from step " + step + " (mixup from the batch of step "
                + firstBatchStep + ": the loader had prepared the batches before it)" : " from step " + step;
        return label + " " + number(previous) + " \u2192 " + number(value) + from;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
