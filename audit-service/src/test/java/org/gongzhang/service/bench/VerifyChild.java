package org.gongzhang.service.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongzhang.verifier.crypto.SignatureSuite;

/**
 * The child JVM of {@link VerifyRow}: calls the verifier module's
 * {@code VerifyBenchmark.run(entries, suite, rounds, cliHeapCap, directory)} (verifier/src/test, on
 * this JVM's class path but not on audit-service's compile path, hence by reflection) and prints its
 * result, flattened to {@code name=value} fields separated by tabs, on one line after {@value #MARKER}.
 * Arguments: entries, the bundle directory, rounds, the CLI's heap cap (e.g. {@code 512m}).
 */
public final class VerifyChild {

    static final String MARKER = "VERIFY-RESULT";

    private VerifyChild() {
    }

    public static void main(String[] args) throws Exception {
        long entries = Long.parseLong(args[0]);
        Path directory = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        Optional<String> cliHeapCap = Optional.of(args[3]);
        Method run = Class.forName("org.gongzhang.verifier.bench.VerifyBenchmark")
                .getMethod("run", long.class, SignatureSuite.class, int.class, Optional.class, Path.class);
        Object result;
        try {
            result = run.invoke(null, entries, SignatureSuite.ED25519, rounds, cliHeapCap, directory);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", result, fields);
        ratioOfTheCli(result, fields);
        System.out.println(MARKER + "\t" + fields.entrySet().stream()
                .map(f -> f.getKey() + "=" + f.getValue().replaceAll("[\\t\\r\\n]", " "))
                .collect(Collectors.joining("\t")));
        System.exit(0);
    }

    /**
     * The CLI run's ratio as {@code CliRun.ratio()} works it out (a method, which flattening the
     * components leaves out), as {@code cli.ratio}.
     */
    private static void ratioOfTheCli(Object result, Map<String, String> fields) throws ReflectiveOperationException {
        Object cli = result.getClass().getMethod("cli").invoke(result);
        if (cli instanceof Optional<?> run && run.isPresent()) {
            fields.put("cli.ratio", String.valueOf(run.get().getClass().getMethod("ratio").invoke(run.get())));
        }
    }

    /** Records become their components (nested ones prefixed), an empty Optional nothing, collections joined. */
    private static void flatten(String prefix, Object value, Map<String, String> fields) throws ReflectiveOperationException {
        if (value instanceof Optional<?> optional) {
            if (optional.isPresent()) {
                flatten(prefix, optional.get(), fields);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                flatten(prefix + component.getName() + ".", accessor.invoke(value), fields);
            }
        } else {
            String name = prefix.substring(0, prefix.length() - 1);
            fields.put(name, value instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).collect(Collectors.joining(" | ")) : String.valueOf(value));
        }
    }
}
