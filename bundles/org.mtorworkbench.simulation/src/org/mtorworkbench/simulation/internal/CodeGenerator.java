package org.mtorworkbench.simulation.internal;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.IF_ICMPNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V17;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.mtorworkbench.simulation.internal.Expr.Arr;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Generates the JVM class implementing {@link ModelCode} for one model with ASM, and loads it
 * in a class loader of its own whose parent is this bundle's loader. Long methods are split
 * into helpers so none exceeds the JVM's 64 KiB code limit.
 */
final class CodeGenerator {

    /** {@code arr[index] = expr}. */
    record Store(Arr arr, int index, Expr expr) {
    }

    private static final String NAME = "org/mtorworkbench/simulation/internal/GeneratedModel";
    private static final String SUPER = "org/mtorworkbench/simulation/internal/ModelCode";
    /** Nodes per generated method: keeps each under HotSpot's 8000-byte limit for JIT compilation. */
    private static final int CHUNK = 1200;

    private final ClassWriter cw;
    private int helpers;

    private CodeGenerator() {
        cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME, null, SUPER, null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, SUPER, "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    static ModelCode generate(List<Store> init, List<Store> update, List<Store> derivs, List<Store> triggers,
            List<Store> roots, List<Store> algebraic, List<Store> jacobian, Map<Integer, Expr> delays, Map<Integer, Expr> priorities, Map<Integer, List<Expr>> eventValues) {
        return generate(init, update, derivs, triggers, roots, algebraic, jacobian, delays, priorities, eventValues,
                Map.of());
    }

    /** @param delayed the expressions of delay csymbols, by index */
    static ModelCode generate(List<Store> init, List<Store> update, List<Store> derivs, List<Store> triggers,
            List<Store> roots, List<Store> algebraic, List<Store> jacobian, Map<Integer, Expr> delays,
            Map<Integer, Expr> priorities, Map<Integer, List<Expr>> eventValues, Map<Integer, Expr> delayed) {
        CodeGenerator g = new CodeGenerator();
        g.switchMethod("delayedValue", delayed);
        g.newInstanceMethod();
        g.voidMethod("init", "([D[D[Z)V", init, a -> switch (a) {
        case V -> 1;
        case P0 -> 2;
        case OV -> 3;
        default -> throw new IllegalStateException(a.name());
        });
        g.voidMethod("update", "(D[D[D)V", update, a -> switch (a) {
        case Y -> 3;
        case V -> 4;
        default -> throw new IllegalStateException(a.name());
        });
        g.voidMethod("derivs", "([D[D)V", derivs, a -> switch (a) {
        case V -> 1;
        case DY -> 2;
        default -> throw new IllegalStateException(a.name());
        });
        g.voidMethod("triggers", "([D[D)V", triggers, a -> switch (a) {
        case V -> 1;
        case OUT -> 2;
        default -> throw new IllegalStateException(a.name());
        });
        g.voidMethod("roots", "([D[D)V", roots, a -> switch (a) {
        case V -> 1;
        case OUT -> 2;
        default -> throw new IllegalStateException(a.name());
        });
        g.voidMethod("algebraic", "([D[D)V", algebraic, a -> switch (a) {
        case V -> 1;
        case OUT -> 2;
        default -> throw new IllegalStateException(a.name());
        });
        g.voidMethod("jacobian", "([D[D[D[D)V", jacobian, a -> switch (a) {
        case V -> 1;
        case Y -> 2;
        case G -> 3;
        case JAC -> 4;
        default -> throw new IllegalStateException(a.name());
        });
        g.switchMethod("delay", delays);
        g.switchMethod("priority", priorities);
        g.eventValues(eventValues);
        g.cw.visitEnd();
        byte[] bytes = g.cw.toByteArray();
        try {
            Class<?> c = new Loader(ModelCode.class.getClassLoader()).define(bytes);
            return (ModelCode) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("generated model class cannot be instantiated", e);
        }
    }

    private void voidMethod(String name, String desc, List<Store> stmts, Expr.Locals locals) {
        List<List<Store>> chunks = new ArrayList<>();
        List<Store> cur = new ArrayList<>();
        int size = 0;
        for (Store s : stmts) {
            int sz = s.expr.size() + 4;
            if (size + sz > CHUNK && !cur.isEmpty()) {
                chunks.add(cur);
                cur = new ArrayList<>();
                size = 0;
            }
            cur.add(s);
            size += sz;
        }
        chunks.add(cur);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, desc, null, null);
        mv.visitCode();
        int argSlots = argSlots(desc);
        for (List<Store> chunk : chunks) {
            String helper = name + "$" + (helpers++);
            mv.visitVarInsn(ALOAD, 0);
            loadArgs(mv, desc);
            mv.visitMethodInsn(INVOKEVIRTUAL, NAME, helper, desc, false);
            MethodVisitor h = cw.visitMethod(ACC_PRIVATE, helper, desc, null, null);
            h.visitCode();
            for (Store s : chunk) {
                h.visitVarInsn(ALOAD, locals.slot(s.arr));
                Expr.pushInt(h, s.index);
                s.expr.emit(h, locals);
                h.visitInsn(DASTORE);
            }
            h.visitInsn(RETURN);
            h.visitMaxs(0, 0);
            h.visitEnd();
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(argSlots, argSlots);
        mv.visitEnd();
    }

    private static int argSlots(String desc) {
        int slots = 1;
        String args = desc.substring(1, desc.indexOf(')'));
        for (int i = 0; i < args.length(); i++) {
            char ch = args.charAt(i);
            if (ch == '[') {
                i++;
                slots++;
            } else {
                slots += ch == 'D' || ch == 'J' ? 2 : 1;
            }
        }
        return slots;
    }

    private static void loadArgs(MethodVisitor mv, String desc) {
        int slot = 1;
        String args = desc.substring(1, desc.indexOf(')'));
        for (int i = 0; i < args.length(); i++) {
            char ch = args.charAt(i);
            if (ch == '[') {
                i++;
                mv.visitVarInsn(ALOAD, slot++);
            } else if (ch == 'D') {
                mv.visitVarInsn(org.objectweb.asm.Opcodes.DLOAD, slot);
                slot += 2;
            } else {
                mv.visitVarInsn(ILOAD, slot++);
            }
        }
    }

    /** {@code double name(int e, double[] v)}: one branch per event. */
    private void switchMethod(String name, Map<Integer, Expr> cases) {
        Expr.Locals locals = a -> {
            if (a == Arr.V) {
                return 2;
            }
            throw new IllegalStateException(a.name());
        };
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, name, "(I[D)D", null, null);
        mv.visitCode();
        for (Map.Entry<Integer, Expr> c : cases.entrySet()) {
            Label next = new Label();
            mv.visitVarInsn(ILOAD, 1);
            Expr.pushInt(mv, c.getKey());
            mv.visitJumpInsn(IF_ICMPNE, next);
            c.getValue().emit(mv, locals);
            mv.visitInsn(DRETURN);
            mv.visitLabel(next);
        }
        mv.visitInsn(DCONST_0);
        mv.visitInsn(DRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code ModelCode newInstance()}: a fresh instance of the generated class. */
    private void newInstanceMethod() {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "newInstance", "()L" + SUPER + ";", null, null);
        mv.visitCode();
        mv.visitTypeInsn(org.objectweb.asm.Opcodes.NEW, NAME);
        mv.visitInsn(org.objectweb.asm.Opcodes.DUP);
        mv.visitMethodInsn(INVOKESPECIAL, NAME, "<init>", "()V", false);
        mv.visitInsn(org.objectweb.asm.Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {@code void eventValues(int e, double[] v, double[] out)}. */
    private void eventValues(Map<Integer, List<Expr>> cases) {
        Expr.Locals locals = a -> switch (a) {
        case V -> 2;
        case OUT -> 3;
        default -> throw new IllegalStateException(a.name());
        };
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "eventValues", "(I[D[D)V", null, null);
        mv.visitCode();
        for (Map.Entry<Integer, List<Expr>> c : cases.entrySet()) {
            Label next = new Label();
            mv.visitVarInsn(ILOAD, 1);
            Expr.pushInt(mv, c.getKey());
            mv.visitJumpInsn(IF_ICMPNE, next);
            List<Expr> values = c.getValue();
            for (int i = 0; i < values.size(); i++) {
                mv.visitVarInsn(ALOAD, 3);
                Expr.pushInt(mv, i);
                values.get(i).emit(mv, locals);
                mv.visitInsn(DASTORE);
            }
            mv.visitInsn(RETURN);
            mv.visitLabel(next);
        }
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Defines one generated class; each model gets its own loader, so classes are unloaded with the model. */
    private static final class Loader extends ClassLoader {
        Loader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(byte[] b) {
            return defineClass(NAME.replace('/', '.'), b, 0, b.length);
        }
    }
}
