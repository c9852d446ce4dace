package org.gongzhang.verifier.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} options, {@code --flag} switches and positional words.
 * An option may be given several times; {@link #option} refuses that, {@link #repeated} takes them all.
 */
final class Arguments {

    private final Map<String, List<String>> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /** Parses {@code args}; {@code flagNames} are the switches that take no value. */
    static Arguments parse(List<String> args, Set<String> flagNames) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
            } else if (flagNames.contains(arg)) {
                parsed.flags.add(arg);
            } else if (i + 1 < args.size()) {
                parsed.options.computeIfAbsent(arg, name -> new ArrayList<>()).add(args.get(++i));
            } else {
                throw new UsageError(arg + " needs a value");
            }
        }
        return parsed;
    }

    /** The value of an option given at most once. */
    Optional<String> option(String name) {
        List<String> values = repeated(name);
        if (values.size() > 1) {
            throw new UsageError(name + " may be given only once");
        }
        return values.stream().findFirst();
    }

    /** Every value of a repeatable option, in the order given; empty when it is not given. */
    List<String> repeated(String name) {
        return List.copyOf(options.getOrDefault(name, List.of()));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageError("missing " + name));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /** The only positional argument, named {@code what} in the error when it is missing or repeated. */
    String single(String what) {
        if (positional.size() != 1) {
            throw new UsageError("expected one " + what);
        }
        return positional.get(0);
    }

    /** How many positional arguments were given. */
    int positionalCount() {
        return positional.size();
    }

    /** Refuses any option not in {@code known}. */
    Arguments allowing(Set<String> known) {
        options.keySet().stream().filter(name -> !known.contains(name)).findFirst()
                .ifPresent(name -> {
                    throw new UsageError("unknown option " + name);
                });
        return this;
    }
}
