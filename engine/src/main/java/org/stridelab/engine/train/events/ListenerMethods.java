package org.stridelab.engine.train.events;

/** Maps each kind of {@link TrainingEvent} to its {@link TrainingListener} method. */
final class ListenerMethods implements TrainingEvent.Visitor<TrainingListener> {
    static final ListenerMethods VISITOR = new ListenerMethods();

    private ListenerMethods() {
    }

    @Override
    public void step(TrainingListener l, StepEvent e) {
        l.onStep(e);
    }

    @Override
    public void epoch(TrainingListener l, EpochEvent e) {
        l.onEpoch(e);
    }

    @Override
    public void strides(TrainingListener l, StridesEvent e) {
        l.onStrides(e);
    }

    @Override
    public void algebra(TrainingListener l, AlgebraEvent e) {
        l.onAlgebra(e);
    }

    @Override
    public void lifecycle(TrainingListener l, LifecycleEvent e) {
        l.onLifecycle(e);
    }

    @Override
    public void liveChange(TrainingListener l, LiveChangeEvent e) {
        l.onLiveChange(e);
    }

    @Override
    public void summary(TrainingListener l, RunSummary s) {
        l.onFinished(s);
    }
}
