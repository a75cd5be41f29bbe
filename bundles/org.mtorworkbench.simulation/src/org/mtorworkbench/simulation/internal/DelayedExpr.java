package org.mtorworkbench.simulation.internal;

import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;

import java.util.List;

import org.objectweb.asm.MethodVisitor;

/**
 * {@code delay(x, d)}: calls {@link ModelCode#delayed} on the generated instance with the index
 * of the delayed expression x (compiled separately, into {@link ModelCode#delayedValue}) and
 * the delay d evaluated now.
 */
final class DelayedExpr extends Expr {

    private static final String OWNER = "org/mtorworkbench/simulation/internal/ModelCode";

    final int index;
    final Expr delay;

    @Override
    java.util.List<Expr> operands() {
        return java.util.List.of(delay);
    }

    DelayedExpr(int index, Expr delay) {
        this.index = index;
        this.delay = delay;
    }

    @Override
    void emit(MethodVisitor mv, Locals l) {
        mv.visitVarInsn(ALOAD, 0);
        pushInt(mv, index);
        delay.emit(mv, l);
        mv.visitVarInsn(ALOAD, l.slot(Arr.V));
        mv.visitMethodInsn(INVOKEVIRTUAL, OWNER, "delayed", "(ID[D)D", false);
    }

    @Override
    int size() {
        return 5 + delay.size();
    }

    @Override
    Expr d(Arr arr, int i) throws NotDifferentiable {
        // The past does not depend on the present state; a state-dependent delay makes it do so.
        throw new NotDifferentiable("delay");
    }

    @Override
    void comparisons(List<Cmp> out) {
        delay.comparisons(out);
    }

    @Override
    public String toString() {
        return "delay#" + index + "(" + delay + ")";
    }
}
